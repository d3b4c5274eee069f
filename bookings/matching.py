"""Matching: which experts could be asked for a request, in which order, and why others cannot.

`match_experts(booking_request=...)` returns ranked candidates (with the reasons a coordinator
reads: "fits topics X, Y; free on option 2; 1 of 3 engagements this month") and the experts left
out with every rule of care they fail. Ranking prefers fit (shared topics, the organisation's
preferred expert), then a fair spread of work (fewer recent engagements first).

The number of queries does not depend on the number of experts, engagements or calendar events:
experts with their topics/formats/audiences (5), the request's topics/options/engagements (3),
the experts' "not again with this organisation" feedback (1), the load window's engagements (1)
and the calendars (2).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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

# "Recent" engagements for the fair spread of work.
FAIRNESS_WINDOW = dt.timedelta(days=90)


class Exclusion:
    """Why an expert cannot be asked (stable codes, for tests and the template)."""

    NO_GO_TOPIC = "no_go_topic"
    FORMAT_NOT_OFFERED = "format_not_offered"
    AUDIENCE_NOT_ACCEPTED = "audience_not_accepted"
    IDENTITY_INCOMPATIBLE = "identity_incompatible"
    PAUSED = "paused"
    AT_CAPACITY = "at_capacity"
    RESTING = "resting"
    UNAVAILABLE = "unavailable"
    ALREADY_BOOKED = "already_booked"
    DECLINED_BEFORE = "declined_before"
    PREFERS_NOT_AGAIN = "prefers_not_again"


@dataclass
class OptionFit:
    """How one date option suits one expert."""

    position: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    free: bool = True
    paused: bool = False
    at_capacity: bool = False
    resting: bool = False
    load: int = 0
    capacity: int = 0

    @property
    def usable(self) -> bool:
        return self.free and not (self.paused or self.at_capacity or self.resting)


@dataclass
class ExpertMatch:
    expert: Expert
    fitting_topics: list[str] = field(default_factory=list)
    preferred: bool = False
    options: list[OptionFit] = field(default_factory=list)
    load_this_month: int = 0
    capacity: int = 0
    recent_engagements: int = 0
    exclusions: list[tuple[str, str]] = field(default_factory=list)  # (code, sentence)

    @property
    def excluded(self) -> bool:
        return bool(self.exclusions)

    @property
    def exclusion_codes(self) -> list[str]:
        return [code for code, _sentence in self.exclusions]

    @property
    def usable_options(self) -> list[OptionFit]:
        return [option for option in self.options if option.usable]

    @property
    def sort_key(self):
        return (
            -len(self.fitting_topics),
            not self.preferred,
            self.recent_engagements,
            self.load_this_month,
            self.expert.public_name.lower(),
            self.expert.pk,
        )

    @property
    def reasons(self) -> list[str]:
        """Plain sentences for the coordinator: fit, free options, load."""
        reasons = []
        if self.preferred:
            reasons.append(_("preferred by the organisation"))
        if self.fitting_topics:
            reasons.append(_("fits topics %(topics)s") % {"topics": ", ".join(self.fitting_topics)})
        else:
            reasons.append(_("no shared topics"))
        usable = [str(option.position) for option in self.usable_options]
        if usable:
            reasons.append(
                ngettext(
                    "free on option %(options)s",
                    "free on options %(options)s",
                    len(usable),
                )
                % {"options": ", ".join(usable)}
            )
        elif not self.options:
            reasons.append(_("no date options to check"))
        reasons.append(
            _("%(load)s of %(capacity)s engagements this month")
            % {"load": self.load_this_month, "capacity": self.capacity}
        )
        reasons.append(
            ngettext(
                "%(count)s engagement in the last three months",
                "%(count)s engagements in the last three months",
                self.recent_engagements,
            )
            % {"count": self.recent_engagements}
        )
        return reasons

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)


@dataclass
class MatchResult:
    booking_request: BookingRequest
    candidates: list[ExpertMatch]
    excluded: list[ExpertMatch]

    def for_expert(self, expert_id: int) -> ExpertMatch | None:
        for match in (*self.candidates, *self.excluded):
            if match.expert.pk == expert_id:
                return match
        return None


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

        match.load_this_month = load_in_month(_month_key(now))
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

        if options and not match.usable_options:
            open_options = [fit for fit in match.options if not fit.paused]
            if open_options and all(fit.at_capacity for fit in open_options):
                match.exclusions.append(
                    (
                        Exclusion.AT_CAPACITY,
                        _("at capacity (%(load)s of %(capacity)s) in the month asked for")
                        % {"load": open_options[0].load, "capacity": expert.monthly_capacity},
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
        elif not options and match.load_this_month + weight > expert.monthly_capacity:
            match.exclusions.append(
                (
                    Exclusion.AT_CAPACITY,
                    _("at capacity (%(load)s of %(capacity)s) this month")
                    % {"load": match.load_this_month, "capacity": expert.monthly_capacity},
                )
            )
        (excluded if match.excluded else candidates).append(match)

    candidates.sort(key=lambda match: match.sort_key)
    excluded.sort(key=lambda match: (match.expert.public_name.lower(), match.expert.pk))
    return MatchResult(booking_request=booking_request, candidates=candidates, excluded=excluded)


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
            _("at capacity (%(load)s of %(capacity)s) in that month")
            % {"load": load, "capacity": expert.monthly_capacity}
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
