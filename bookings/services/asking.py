"""Asking: one expert for one date (or a series), with a tentative hold in her calendar and an
email that tells her everything she needs to decide, with signed Yes/No buttons.
"""

from __future__ import annotations

import datetime as dt

from dateutil import rrule
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.enums import EngagementStatus
from bookings.matching import check_expert_for_slot
from bookings.models import MAX_DAYS_AHEAD, BookingRequest, DateOption, Engagement
from bookings.services import expert_answers, scheduling
from bookings.services.engagement_base import (
    EngagementRefused,
    _bump_version,
    _lock_expert,
    _lock_request,
    _log,
    _refuse_excluded,
    _require_coordinator,
    _sync,
    _when,
)
from bookings.services.engagement_status import request_follow
from bookings.services.media import media_agreement_prepare
from hope.emails import recipient_language, send_templated_email_to_user
from speakers.models import Expert
from speakers.selectors import AMSTERDAM

# Requests on which experts may be asked.
ASKING_STATES = lifecycle.ASKING_REQUEST_STATES
MAX_AHEAD = dt.timedelta(days=MAX_DAYS_AHEAD)
MAX_SERIES = 12
SERIES_FREQUENCIES = {
    "weekly": rrule.WEEKLY,
    "monthly": rrule.MONTHLY,
}


def _create_engagement(
    *,
    locked: BookingRequest,
    expert: Expert,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    actor,
    date_option: DateOption | None = None,
    series_position: int | None = None,
) -> Engagement:
    scheduling.ensure_free(expert=expert, starts_at=starts_at, ends_at=ends_at)
    try:
        with transaction.atomic():
            event = scheduling.event_create_tentative(
                expert=expert, starts_at=starts_at, ends_at=ends_at, creator=actor
            )
            engagement = Engagement.objects.create(
                request=locked,
                expert=expert,
                status=EngagementStatus.ASKED,
                starts_at=starts_at,
                ends_at=ends_at,
                event=event,
                date_option=date_option,
                series_position=series_position,
                asked_by=actor,
            )
    except IntegrityError as error:
        # PostgreSQL's exclusion constraint: someone booked this expert at the same moment.
        raise scheduling.SchedulingConflict(
            _("%(expert)s was booked for this time by someone else just now.")
            % {"expert": expert.public_name}
        ) from error
    return engagement


def ask_expert_email(
    engagement: Engagement,
    series: list[Engagement] | None = None,
    old_starts_at: dt.datetime | None = None,
) -> None:
    """The question, with everything the expert needs to decide, and signed Yes/No buttons
    (one set for the whole series). Sent in the expert's language after commit."""
    user = engagement.expert.user
    if user is None or not user.is_active or not user.email:
        return
    link = expert_answers.issue_link(engagement=engagement, purpose="answer")
    with translation.override(recipient_language(user)):  # links open in the expert's language
        urls = {
            "yes_url": expert_answers.link_url(link, "yes"),
            "no_url": expert_answers.link_url(link, "no"),
            "portal_url": expert_answers.absolute(
                "engagements:detail", kwargs={"pk": engagement.pk}
            ),
        }
    send_templated_email_to_user(
        user=user,
        template="bookings/expert_asked",
        context={
            **expert_answers.question_context(engagement),
            **urls,
            "series": series,
            "old_starts_at": old_starts_at,
            "valid_days": expert_answers.MAX_AGE_DAYS["answer"],
        },
    )


def check_moment(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    """Date bounds of every engagement: it ends after it starts, lies in the future and at most
    two years ahead (forms may repeat this; the service decides)."""
    if ends_at <= starts_at:
        raise EngagementRefused(_("The end must be after the start."))
    now = timezone.now()
    if starts_at <= now:
        raise EngagementRefused(_("This moment lies in the past."))
    if starts_at > now + MAX_AHEAD:
        raise EngagementRefused(_("This moment lies more than two years ahead."))


def _follow_asked(locked: BookingRequest, engagement: Engagement, actor) -> None:
    if not request_follow(
        locked_request=locked,
        engagement=engagement,
        rule=lifecycle.REQUEST_FOLLOWS[EngagementStatus.ASKED],
        actor=actor,
        role=lifecycle.Actor.COORDINATOR,
    ):
        _bump_version(locked)


# --- asking -------------------------------------------------------------------------------------


@transaction.atomic
def engagement_ask(
    *,
    booking_request: BookingRequest,
    expert: Expert,
    actor,
    date_option: DateOption | None = None,
    starts_at: dt.datetime | None = None,
    ends_at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Engagement:
    """Ask one expert for one date option (or an explicit time): an "asked" engagement with a
    tentative event in the expert's calendar. Refused if a rule of care excludes the expert or
    the expert is busy then."""
    _require_coordinator(actor)
    locked = _lock_request(booking_request, expected_version)
    if locked.status not in ASKING_STATES:
        raise EngagementRefused(
            _("Experts can be asked only once the request is accepted for matching.")
        )
    if date_option is not None:
        if date_option.request_id != locked.pk:
            raise EngagementRefused(_("That date option belongs to another request."))
        starts_at, ends_at = date_option.starts_at, date_option.ends_at
    if starts_at is None or ends_at is None:
        raise EngagementRefused(_("Choose a date option or a start and end time."))
    check_moment(starts_at, ends_at)
    expert = _lock_expert(expert)
    _refuse_excluded(
        check_expert_for_slot(
            booking_request=locked, expert=expert, starts_at=starts_at, ends_at=ends_at
        ),
        expert,
    )
    engagement = _create_engagement(
        locked=locked,
        expert=expert,
        starts_at=starts_at,
        ends_at=ends_at,
        actor=actor,
        date_option=date_option,
    )
    _log(
        booking_request=locked,
        engagement=engagement,
        actor=actor,
        message=_("%(expert)s asked for %(when)s.")
        % {"expert": expert.public_name, "when": _when(starts_at)},
    )
    _follow_asked(locked, engagement, actor)
    _sync(booking_request, locked)
    ask_expert_email(engagement)
    media_agreement_prepare(engagement=engagement)
    return engagement


def series_starts(
    *,
    first_starts_at: dt.datetime,
    frequency: str,
    count: int | None = None,
    until: dt.date | None = None,
    interval: int = 1,
) -> list[dt.datetime]:
    """The start times of a series, at the same local (Amsterdam) time across DST changes."""
    if frequency not in SERIES_FREQUENCIES:
        raise EngagementRefused(_("Choose weekly or monthly."))
    if not count and not until:
        raise EngagementRefused(_("Give the number of meetings or the last date."))
    local_first = first_starts_at.astimezone(AMSTERDAM).replace(tzinfo=None)
    rule_kwargs = {"dtstart": local_first, "interval": max(int(interval), 1)}
    if count:
        rule_kwargs["count"] = min(int(count), MAX_SERIES + 1)
    if until:
        rule_kwargs["until"] = dt.datetime.combine(until, dt.time(23, 59, 59))
    starts = [
        moment.replace(tzinfo=AMSTERDAM)
        for moment in rrule.rrule(SERIES_FREQUENCIES[frequency], **rule_kwargs)[: MAX_SERIES + 1]
    ]
    if len(starts) > MAX_SERIES:
        raise EngagementRefused(
            _("A series can have at most %(max)s meetings.") % {"max": MAX_SERIES}
        )
    if len(starts) < 2:
        raise EngagementRefused(_("A series needs at least two meetings."))
    return starts


@transaction.atomic
def engagement_series_ask(
    *,
    booking_request: BookingRequest,
    expert: Expert,
    actor,
    first_starts_at: dt.datetime,
    duration: dt.timedelta,
    frequency: str,
    count: int | None = None,
    until: dt.date | None = None,
    interval: int = 1,
    expected_version: int | None = None,
) -> list[Engagement]:
    """One request, several engagements of one expert from a recurrence (all or nothing)."""
    _require_coordinator(actor)
    locked = _lock_request(booking_request, expected_version)
    if locked.status not in ASKING_STATES:
        raise EngagementRefused(
            _("Experts can be asked only once the request is accepted for matching.")
        )
    if duration <= dt.timedelta(0):
        raise EngagementRefused(_("The end must be after the start."))
    starts = series_starts(
        first_starts_at=first_starts_at,
        frequency=frequency,
        count=count,
        until=until,
        interval=interval,
    )
    check_moment(starts[0], starts[0] + duration)
    check_moment(starts[-1], starts[-1] + duration)
    expert = _lock_expert(expert)
    engagements = []
    for position, starts_at in enumerate(starts, start=1):
        ends_at = starts_at + duration
        reasons = check_expert_for_slot(
            booking_request=locked,
            expert=expert,
            starts_at=starts_at,
            ends_at=ends_at,
            series=position > 1,
        )
        if reasons:
            raise EngagementRefused(
                _("Meeting %(position)s (%(when)s): %(expert)s cannot be asked: %(reasons)s.")
                % {
                    "position": position,
                    "when": _when(starts_at),
                    "expert": expert.public_name,
                    "reasons": "; ".join(reasons),
                },
                missing=reasons,
            )
        try:
            engagement = _create_engagement(
                locked=locked,
                expert=expert,
                starts_at=starts_at,
                ends_at=ends_at,
                actor=actor,
                series_position=position,
            )
        except scheduling.SchedulingConflict as conflict:
            raise scheduling.SchedulingConflict(
                _("Meeting %(position)s (%(when)s): %(reason)s")
                % {"position": position, "when": _when(starts_at), "reason": conflict.message}
            ) from conflict
        engagements.append(engagement)
    _log(
        booking_request=locked,
        engagement=engagements[0],
        actor=actor,
        message=_("%(expert)s asked for a series of %(count)s meetings from %(when)s.")
        % {"expert": expert.public_name, "count": len(engagements), "when": _when(starts[0])},
    )
    _follow_asked(locked, engagements[0], actor)
    _sync(booking_request, locked)
    ask_expert_email(engagements[0], series=engagements)
    return engagements
