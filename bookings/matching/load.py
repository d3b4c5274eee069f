"""Load: what an engagement weighs against an expert's monthly capacity, per calendar month
(Europe/Amsterdam), and the sentence that says why she is full in the month asked for."""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bookings.enums import HEAVY_KINDS
from speakers.models import Expert
from speakers.selectors import AMSTERDAM

# "Recent" engagements for the fair spread of work.
FAIRNESS_WINDOW = dt.timedelta(days=90)


def engagement_weight(*, kind: str, expert: Expert) -> int:
    """What one engagement of this kind counts towards the expert's monthly capacity."""
    return max(int(expert.heavy_weight or 1), 1) if kind in HEAVY_KINDS else 1


def _month_key(moment: dt.datetime) -> tuple[int, int]:
    local = moment.astimezone(AMSTERDAM)
    return (local.year, local.month)


def _month_start(moment: dt.datetime) -> dt.datetime:
    local = moment.astimezone(AMSTERDAM)
    return dt.datetime(local.year, local.month, 1, tzinfo=AMSTERDAM)


def _next_month_start(moment: dt.datetime) -> dt.datetime:
    start = _month_start(moment)
    if start.month == 12:
        return start.replace(year=start.year + 1, month=1)
    return start.replace(month=start.month + 1)


def month_label(moment: dt.datetime) -> str:
    """ "March 2027" / "maart 2027", in the active language."""
    return date_format(moment.astimezone(AMSTERDAM), "F Y")


def capacity_sentence(
    *, kind_label: str, weight: int, load: int, capacity: int, moment: dt.datetime
) -> str:
    """Why this engagement does not fit her capacity in the month of `moment`: the month is full,
    or a heavy format weighs more than what she has left."""
    names = {
        "kind": kind_label,
        "weight": weight,
        "load": load,
        "capacity": capacity,
        "left": max(capacity - load, 0),
        "month": month_label(moment),
    }
    if load >= capacity:
        return _("full in %(month)s (%(load)s of %(capacity)s)") % names
    return _("%(kind)s counts as %(weight)s; she has %(left)s left in %(month)s") % names
