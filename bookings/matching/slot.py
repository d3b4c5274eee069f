"""The one check before asking or moving: every rule of care that forbids this expert for this
exact slot (used by bookings.services.asking and .changes, so no screen can get round it)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from bookings.enums import ENGAGEMENT_ACTIVE_STATES, HEAVY_KINDS
from bookings.models import BookingRequest, Engagement
from speakers.models import Expert
from speakers.selectors import AMSTERDAM, is_paused_on

from .load import _month_key, capacity_sentence, engagement_weight
from .ranking import match_experts, matching_experts_queryset
from .results import Exclusion


def check_expert_for_slot(
    *,
    booking_request: BookingRequest,
    expert: Expert,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    now: dt.datetime | None = None,
    series: bool = False,
    ignore_engagement=None,
) -> list[str]:
    """Every rule of care that forbids asking this expert for this slot (empty: may ask).

    Used by the engagement service, so an excluded expert cannot be asked from any screen.
    Calendar overlap is checked separately (scheduling), inside the booking transaction.
    `series=True`: further engagements of one series on this request (the expert's other
    engagements on it count towards the load instead of excluding them).
    `ignore_engagement`: the engagement being moved (rescheduling re-checks her limits without it).
    """
    ignored = {Exclusion.UNAVAILABLE, Exclusion.AT_CAPACITY, Exclusion.RESTING}
    if series or ignore_engagement is not None:
        ignored.add(Exclusion.ALREADY_BOOKED)
    now = now or timezone.now()
    expert = matching_experts_queryset().get(pk=expert.pk)
    result = match_experts(booking_request=booking_request, experts=[expert], now=now)
    match = result.for_expert(expert.pk)
    reasons = [
        sentence
        for code, sentence in match.exclusions
        # Options are re-checked below for the exact slot chosen.
        if code not in ignored
    ]
    own_engagements = Engagement.objects.filter(
        expert=expert,
        status__in=ENGAGEMENT_ACTIVE_STATES,
        starts_at__isnull=False,
        ends_at__isnull=False,
    )
    if ignore_engagement is not None:
        own_engagements = own_engagements.exclude(pk=ignore_engagement.pk)
    elif not series:
        own_engagements = own_engagements.exclude(request=booking_request)
    own = list(own_engagements.values_list("starts_at", "ends_at", "request__kind"))
    month = _month_key(starts_at)
    load = sum(
        engagement_weight(kind=kind, expert=expert)
        for start, _end, kind in own
        if _month_key(start) == month
    )
    weight = engagement_weight(kind=booking_request.kind, expert=expert)
    if load + weight > expert.monthly_capacity:
        reasons.append(
            capacity_sentence(
                kind_label=str(booking_request.get_kind_display()),
                weight=weight,
                load=load,
                capacity=expert.monthly_capacity,
                moment=starts_at,
            )
        )
    rest = dt.timedelta(days=expert.rest_days_after_heavy)
    heavy_request = booking_request.kind in HEAVY_KINDS
    if any(
        (kind in HEAVY_KINDS and end <= starts_at < end + rest)
        or (heavy_request and ends_at <= start < ends_at + rest)
        for start, end, kind in own
    ):
        reasons.append(_("in a rest period after a heavy engagement"))
    if is_paused_on(expert=expert, day=starts_at.astimezone(AMSTERDAM).date()) and not any(
        code == Exclusion.PAUSED for code, _s in match.exclusions
    ):
        reasons.append(_("has paused work on that day"))
    return reasons
