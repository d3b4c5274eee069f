"""Ranking: every expert for one request, in order, and the experts left out with every rule of
care they fail (the matching page, and through check_expert_for_slot every ask and move).

Ranking prefers fit (shared topics, the organisation's preferred expert), then a fair spread of
work (fewer recent engagements first). The number of queries does not depend on the number of
experts, engagements or calendar events: experts with their topics/formats/audiences (5), the
request's topics/options/engagements (3), the experts' "not again with this organisation"
feedback (1), the load window's engagements (1) and the calendars (2).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import media_conditions
from bookings.enums import (
    ENGAGEMENT_ACTIVE_STATES,
    HEAVY_KINDS,
    EngagementStatus,
)
from bookings.models import MAX_DAYS_AHEAD, BookingRequest, Engagement
from bookings.models.followup import ExpertFeedback, WorkAgain
from speakers.models import Expert, Topic
from speakers.selectors import AMSTERDAM, calendar_occurrences, is_paused_on

from .load import (
    FAIRNESS_WINDOW,
    _month_key,
    _month_start,
    _next_month_start,
    capacity_sentence,
    engagement_weight,
)
from .results import Exclusion, ExpertMatch, MatchResult, OptionFit


def matching_experts_queryset():
    """Experts with what matching reads, prefetched (5 queries whatever their number)."""
    return Expert.objects.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.only("id", "name")),
        Prefetch("no_go_topics", queryset=Topic.objects.only("id", "name")),
        "formats",
        "audiences",
    ).order_by("public_name", "pk")


def _identity_conflicts(booking_request: BookingRequest, expert: Expert) -> list[str]:
    """Where the expert's media preferences (face, voice, name, recording) cannot be honoured by
    the requested medium (bookings.media_conditions)."""
    if not booking_request.is_media_interview:
        return []
    return media_conditions.conflicts(expert=expert, medium=booking_request.media_medium)


def match_experts(
    *,
    booking_request: BookingRequest,
    experts=None,
    now: dt.datetime | None = None,
) -> MatchResult:
    """Rank every expert for this request; excluded experts carry all the reasons why."""
    now = now or timezone.now()
    experts = list(experts if experts is not None else matching_experts_queryset())
    request_topics = {topic.pk: topic.name for topic in booking_request.topics.all()}
    # A date beyond the planning horizon (two years) cannot be planned, and must not break
    # the month arithmetic below (a typo such as 9999-12-31).
    horizon = now + dt.timedelta(days=MAX_DAYS_AHEAD)
    options = sorted(
        (option for option in booking_request.date_options.all() if option.ends_at <= horizon),
        key=lambda option: option.position,
    )
    on_request = list(
        Engagement.objects.filter(request=booking_request).values_list("expert_id", "status")
    )
    booked_on_request = {
        expert_id for expert_id, status in on_request if status in ENGAGEMENT_ACTIVE_STATES
    }
    declined_request = {
        expert_id for expert_id, status in on_request if status == EngagementStatus.DECLINED
    }
    heavy_request = booking_request.kind in HEAVY_KINDS
    # One query: experts who told us (privately) they prefer not to work with this organisation.
    not_again = set(
        ExpertFeedback.objects.filter(
            work_again=WorkAgain.NO,
            engagement__request__organisation_id=booking_request.organisation_id,
        ).values_list("engagement__expert_id", flat=True)
    )

    # One query: every active engagement that can matter for load, rest or fairness.
    max_rest = dt.timedelta(days=max([e.rest_days_after_heavy for e in experts] or [0]) + 1)
    moments = [now] + [option.starts_at for option in options]
    window_start = min(_month_start(min(moments)), now - FAIRNESS_WINDOW) - max_rest
    window_end = max([_next_month_start(max(moments)), *(o.ends_at for o in options)]) + max_rest
    load_rows = (
        Engagement.objects.filter(
            expert__in=[expert.pk for expert in experts],
            status__in=ENGAGEMENT_ACTIVE_STATES,
            starts_at__lt=window_end,
            ends_at__gt=window_start,
        )
        .exclude(request=booking_request)
        .values_list("expert_id", "starts_at", "ends_at", "request__kind")
    )
    engagements_by_expert: dict[int, list[tuple]] = defaultdict(list)
    for expert_id, starts_at, ends_at, kind in load_rows:
        engagements_by_expert[expert_id].append((starts_at, ends_at, kind))

    busy = (
        calendar_occurrences(
            experts=experts,
            start=min(option.starts_at for option in options),
            end=max(option.ends_at for option in options),
        )
        if options
        else {}
    )

    candidates, excluded = [], []
    for expert in experts:
        match = ExpertMatch(expert=expert, capacity=expert.monthly_capacity)
        match.preferred = booking_request.preferred_expert_id == expert.pk
        expert_topics = {topic.pk for topic in expert.topics.all()}
        match.fitting_topics = sorted(
            name for pk, name in request_topics.items() if pk in expert_topics
        )
        own = engagements_by_expert.get(expert.pk, [])

        def load_in_month(month, own=own, expert=expert):
            return sum(
                engagement_weight(kind=kind, expert=expert)
                for starts_at, _ends_at, kind in own
                if _month_key(starts_at) == month
            )

        match.recent_engagements = sum(
            1 for starts_at, _ends_at, _kind in own if now - FAIRNESS_WINDOW <= starts_at <= now
        ) + sum(1 for starts_at, _ends_at, _kind in own if starts_at > now)
        weight = engagement_weight(kind=booking_request.kind, expert=expert)
        rest = dt.timedelta(days=expert.rest_days_after_heavy)

        # Rules that do not depend on the date.
        no_go = sorted(
            topic.name for topic in expert.no_go_topics.all() if topic.pk in request_topics
        )
        if no_go:
            match.exclusions.append(
                (
                    Exclusion.NO_GO_TOPIC,
                    _("never discusses %(topics)s") % {"topics": ", ".join(no_go)},
                )
            )
        if booking_request.kind not in {option.code for option in expert.formats.all()}:
            match.exclusions.append(
                (
                    Exclusion.FORMAT_NOT_OFFERED,
                    _("does not offer %(kind)s") % {"kind": booking_request.get_kind_display()},
                )
            )
        if booking_request.audience_kind and booking_request.audience_kind not in {
            option.code for option in expert.audiences.all()
        }:
            match.exclusions.append(
                (
                    Exclusion.AUDIENCE_NOT_ACCEPTED,
                    _("does not speak to %(audience)s")
                    % {"audience": booking_request.get_audience_kind_display()},
                )
            )
        for conflict in _identity_conflicts(booking_request, expert):
            match.exclusions.append((Exclusion.IDENTITY_INCOMPATIBLE, conflict))
        if is_paused_on(expert=expert, day=now.astimezone(AMSTERDAM).date()):
            if expert.paused_until:
                sentence = _("has paused until %(day)s") % {
                    "day": expert.paused_until.strftime("%d-%m-%Y")
                }
            else:
                sentence = _("has paused all work")
            match.exclusions.append((Exclusion.PAUSED, sentence))
        if expert.pk in booked_on_request:
            match.exclusions.append(
                (Exclusion.ALREADY_BOOKED, _("is already asked or booked on this request"))
            )
        elif expert.pk in declined_request:
            match.exclusions.append(
                (Exclusion.DECLINED_BEFORE, _("declined this request; we do not ask again"))
            )
        if expert.pk in not_again:
            match.exclusions.append(
                (
                    Exclusion.PREFERS_NOT_AGAIN,
                    _("prefers not to work with this organisation again"),
                )
            )

        # Rules per date option.
        expert_busy = busy.get(expert.pk, [])
        for option in options:
            fit = OptionFit(
                position=option.position,
                starts_at=option.starts_at,
                ends_at=option.ends_at,
                capacity=expert.monthly_capacity,
            )
            fit.free = not any(
                entry.start < option.ends_at and entry.end > option.starts_at
                for entry in expert_busy
            )
            fit.paused = is_paused_on(
                expert=expert, day=option.starts_at.astimezone(AMSTERDAM).date()
            )
            fit.load = load_in_month(_month_key(option.starts_at))
            fit.at_capacity = fit.load + weight > expert.monthly_capacity
            fit.resting = any(
                (kind in HEAVY_KINDS and ends_at <= option.starts_at < ends_at + rest)
                or (heavy_request and option.ends_at <= starts_at < option.ends_at + rest)
                for starts_at, ends_at, kind in own
            )
            match.options.append(fit)

        # Her load is read in the month asked for: the first option she can do, else the first
        # option; this month only when the request has no date options.
        shown = (match.usable_options or match.options or [None])[0]
        match.load_month = shown.starts_at if shown else now
        match.month_load = shown.load if shown else load_in_month(_month_key(now))
        kind_label = str(booking_request.get_kind_display())

        if options and not match.usable_options:
            open_options = [fit for fit in match.options if not fit.paused]
            if open_options and all(fit.at_capacity for fit in open_options):
                full = open_options[0]
                match.exclusions.append(
                    (
                        Exclusion.AT_CAPACITY,
                        capacity_sentence(
                            kind_label=kind_label,
                            weight=weight,
                            load=full.load,
                            capacity=expert.monthly_capacity,
                            moment=full.starts_at,
                        ),
                    )
                )
            elif open_options and all(fit.resting for fit in open_options):
                match.exclusions.append(
                    (Exclusion.RESTING, _("in a rest period after a heavy engagement"))
                )
            else:
                match.exclusions.append(
                    (Exclusion.UNAVAILABLE, _("not available at any of the date options"))
                )
        elif not options and match.month_load + weight > expert.monthly_capacity:
            match.exclusions.append(
                (
                    Exclusion.AT_CAPACITY,
                    capacity_sentence(
                        kind_label=kind_label,
                        weight=weight,
                        load=match.month_load,
                        capacity=expert.monthly_capacity,
                        moment=now,
                    ),
                )
            )
        (excluded if match.excluded else candidates).append(match)

    candidates.sort(key=lambda match: match.sort_key)
    excluded.sort(key=lambda match: (match.expert.public_name.lower(), match.expert.pk))
    return MatchResult(booking_request=booking_request, candidates=candidates, excluded=excluded)
