"""Fees and practical information: what the expert is paid and when (rule of care 7), and what
she needs on the day. These are edits: they never change an engagement's status.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.models import Engagement
from bookings.services.engagement_base import (
    EngagementRefused,
    _bump_version,
    _lock_engagement,
    _lock_request,
    _log,
    _require_coordinator,
    _require_own_expert,
    _sync,
)
from bookings.services.engagement_status import engagement_require_step
from hope.roles import is_coordinator

Actor = lifecycle.Actor


def _save(original: Engagement, locked: Engagement, *fields: str) -> None:
    """Save an edit (never the status: that is engagement_set_status's alone)."""
    locked.save(update_fields=["updated_at", *fields])
    for name in ("updated_at", *fields):
        setattr(original, name, getattr(locked, name))


def _money(value, field_label) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as error:
        raise EngagementRefused(
            _("%(field)s must be an amount in euro.") % {"field": field_label}
        ) from error
    if amount < 0 or amount >= Decimal("1000000"):
        raise EngagementRefused(_("%(field)s must be an amount in euro.") % {"field": field_label})
    return amount


@transaction.atomic
def engagement_record_fee(
    *,
    engagement: Engagement,
    actor,
    fee,
    travel_costs=None,
    paid_on: dt.date | None = None,
    expected_version: int | None = None,
) -> Engagement:
    """Record the agreed fee and travel costs (and when they were paid)."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    if locked.status in lifecycle.ENDED:
        raise EngagementRefused(_("This engagement did not go ahead; there is no fee to record."))
    engagement_require_step(locked, "fee", Actor.COORDINATOR)
    amount = _money(fee, _("The fee"))
    if amount is None:
        raise EngagementRefused(_("Fill in the fee (0 if there is none)."))
    locked.fee = amount
    locked.travel_costs = _money(travel_costs, _("The travel costs"))
    locked.fee_recorded_at = timezone.now()
    locked.paid_on = _not_in_future(paid_on) if paid_on else None
    _save(engagement, locked, "fee", "travel_costs", "fee_recorded_at", "paid_on")
    _log(
        booking_request=locked_request,
        engagement=locked,
        actor=actor,
        message=_("Fee for %(expert)s recorded.") % {"expert": locked.expert.public_name},
    )
    _bump_version(locked_request)
    _sync(engagement.request, locked_request)
    return engagement


@transaction.atomic
def engagement_set_practical_info(
    *, engagement: Engagement, actor, text: str, expected_version: int | None = None
) -> Engagement:
    """What the expert needs on the day (address or link, who meets them, what to bring).
    Shown to the expert in the portal and in the reminder; never private notes."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    if locked.status in lifecycle.ENDED:
        raise EngagementRefused(_("This engagement did not go ahead."))
    engagement_require_step(locked, "practical", Actor.COORDINATOR)
    locked.practical_info = (text or "").strip()[:3000]
    _save(engagement, locked, "practical_info")
    _log(
        booking_request=locked_request,
        engagement=locked,
        actor=actor,
        message=_("Practical information for %(expert)s updated.")
        % {"expert": locked.expert.public_name},
    )
    _bump_version(locked_request)
    _sync(engagement.request, locked_request)
    return engagement


@transaction.atomic
def engagement_mark_fee_claimed(
    *, engagement: Engagement, actor, claimed_on: dt.date | None = None
) -> Engagement:
    """The expert sent their claim (the expert themselves, or a coordinator for them)."""
    if not is_coordinator(actor):
        _require_own_expert(engagement, actor)
    locked = _lock_engagement(engagement)
    _require_agreed_fee(locked)
    if locked.paid_on:
        raise EngagementRefused(_("This fee has already been paid."))
    if not lifecycle.may("claim_fee", actor=Actor.EXPERT, status=locked.status):
        raise EngagementRefused(_("A fee can be claimed once the engagement has taken place."))
    locked.claimed_on = _not_in_future(claimed_on)
    _save(engagement, locked, "claimed_on")
    _log(
        booking_request=locked.request,
        engagement=locked,
        actor=actor,
        message=_("Fee of %(expert)s claimed.") % {"expert": locked.expert.public_name},
    )
    return engagement


def _require_agreed_fee(locked: Engagement) -> None:
    if locked.fee is None:
        raise EngagementRefused(_("No fee has been agreed for this engagement yet."))


def _not_in_future(day: dt.date | None) -> dt.date:
    """The given day, or today when none is given; a day after today is refused."""
    today = timezone.localdate()
    day = day or today
    if day > today:
        raise EngagementRefused(_("The date cannot be in the future."))
    return day


@transaction.atomic
def engagement_mark_fee_paid(
    *, engagement: Engagement, actor, paid_on: dt.date | None = None
) -> Engagement:
    """The fee (and travel costs) were paid to the expert."""
    _require_coordinator(actor)
    locked = _lock_engagement(engagement)
    _require_agreed_fee(locked)
    locked.paid_on = _not_in_future(paid_on)
    locked.claimed_on = locked.claimed_on or locked.paid_on
    _save(engagement, locked, "paid_on", "claimed_on")
    _log(
        booking_request=locked.request,
        engagement=locked,
        actor=actor,
        message=_("Fee of %(expert)s paid.") % {"expert": locked.expert.public_name},
    )
    return engagement
