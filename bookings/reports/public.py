"""Key figures for the public site, computed from the data, cached, never identifying anyone.

Counts under five are shown as "fewer than 5": a small number next to a kind of organisation or
a month could point at a person. The figures are cached for an hour per year and recomputed
sooner when an engagement or a request changes (`invalidate_public_figures`, on commit).
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bookings.enums import EngagementKind, EngagementStatus
from bookings.models import BookingRequest, Engagement
from speakers.selectors import AMSTERDAM

SMALL_COUNT = 5
TIMEOUT = 60 * 60
VERSION_KEY = "bookings:public-figures:version"
DELIVERED = (EngagementStatus.DELIVERED, EngagementStatus.AFTERCARE_DONE)

FIGURES = {
    "engagements": gettext_lazy("engagements this year"),
    "organisations": gettext_lazy("organisations reached this year"),
    "professionals_trained": gettext_lazy("professionals trained this year"),
}


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY) or 1
    return version


def invalidate_public_figures(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def compute_key_figures(year: int) -> dict[str, int]:
    """Two queries: delivered engagements and the organisations they reached; trainees."""
    start = dt.datetime(year, 1, 1, tzinfo=AMSTERDAM)
    end = dt.datetime(year + 1, 1, 1, tzinfo=AMSTERDAM)
    delivered = Engagement.objects.filter(
        status__in=DELIVERED, starts_at__gte=start, starts_at__lt=end
    )
    counts = delivered.aggregate(
        engagements=Count("id"), organisations=Count("request__organisation", distinct=True)
    )
    trained = BookingRequest.objects.filter(
        kind=EngagementKind.TRAINING, pk__in=delivered.values("request_id")
    ).aggregate(total=Sum("audience_size"))
    return {
        "engagements": counts["engagements"] or 0,
        "organisations": counts["organisations"] or 0,
        "professionals_trained": trained["total"] or 0,
    }


def key_figures(year: int | None = None) -> dict[str, int]:
    year = year or timezone.localdate().year
    key = f"bookings:public-figures:{_version()}:{year}"
    figures = cache.get(key)
    if figures is None:
        figures = compute_key_figures(year)
        cache.set(key, figures, TIMEOUT)
    return figures


def display_count(count: int) -> str:
    if count < SMALL_COUNT:
        return _("fewer than 5")
    return formats.number_format(count, force_grouping=True)


def public_key_figures(names, year: int | None = None) -> list[dict]:
    """[{"figure": "fewer than 5", "label": "engagements this year"}, ...] for the block."""
    figures = key_figures(year)
    return [
        {"figure": display_count(figures[name]), "label": str(FIGURES[name])}
        for name in names
        if name in FIGURES
    ]
