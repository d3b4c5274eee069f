"""The only code that changes engagements: ask, answer (by phone), confirm, reschedule, cancel,
deliver, aftercare, fees, and series.

Every function is keyword-only and runs in one transaction; it checks that the actor is a
coordinator and (when given) that the request is still at `expected_version`, writes an Activity
(internal: the expert's name is not for the organisation's timeline) and enqueues emails after
commit. Request statuses change only through `booking_set_status`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from dateutil import rrule
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bookings.enums import (
    ENGAGEMENT_ACTIVE_STATES,
    ENGAGEMENT_ENDED_STATES,
    ActivityKind,
    EngagementStatus,
    RequestStatus,
)
from bookings.gates import check_gates
from bookings.matching import check_expert_for_slot
from bookings.models import Activity, BookingRequest, DateOption, Engagement
from bookings.models.engagement import AftercareStatus
from bookings.services import scheduling
from bookings.services.requests import (
    StaleRequest,
    TransitionNotAllowed,
    booking_set_status,
    coordinator_recipients,
    organisation_recipients,
)
from bookings.workflow import Actor
from hope.emails import (
    enqueue_rendered_email,
    recipient_language,
    send_templated_email_to_user,
)
from hope.roles import is_coordinator
from speakers.models import Expert
from speakers.selectors import AMSTERDAM

# Requests on which experts may be asked.
ASKING_STATES = frozenset(
    {RequestStatus.MATCHING, RequestStatus.EXPERT_ASKED, RequestStatus.SCHEDULED}
)
MAX_SERIES = 12
SERIES_FREQUENCIES = {
    "weekly": rrule.WEEKLY,
    "monthly": rrule.MONTHLY,
}


class EngagementRefused(TransitionNotAllowed):
    """A rule of care, the calendar or the engagement's state forbids this step."""


# --- helpers ------------------------------------------------------------------------------------


def _require_coordinator(actor) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators manage engagements."))


def _require_own_expert(engagement: Engagement, actor) -> None:
    """The expert themselves (their user account), never anyone else."""
    user_id = engagement.expert.user_id
    if actor is None or user_id is None or getattr(actor, "pk", None) != user_id:
        raise PermissionDenied(_("Only the expert who was asked can answer."))


def _lock_request(booking_request: BookingRequest, expected_version: int | None) -> BookingRequest:
    locked = (
        BookingRequest.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=booking_request.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise StaleRequest(
            _("This request was changed by someone else in the meantime. Reload and try again.")
        )
    return locked


def _bump_version(locked: BookingRequest, original: BookingRequest | None = None) -> None:
    BookingRequest.objects.filter(pk=locked.pk).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    locked.refresh_from_db(fields=["version", "updated_at", "status"])
    if original is not None and original is not locked:
        original.version = locked.version
        original.status = locked.status
        original.updated_at = locked.updated_at


def _sync(original: BookingRequest, locked: BookingRequest) -> None:
    locked.refresh_from_db(fields=["version", "updated_at", "status"])
    for name in ("version", "updated_at", "status"):
        setattr(original, name, getattr(locked, name))


def _log(*, booking_request, engagement, actor, message: str) -> Activity:
    return Activity.objects.create(
        request=booking_request,
        engagement=engagement,
        actor=actor,
        kind=ActivityKind.ENGAGEMENT,
        message=message,
        visible_to_organisation=False,
    )


def _when(starts_at: dt.datetime) -> str:
    from django.utils.formats import date_format

    return date_format(starts_at.astimezone(AMSTERDAM), "j F Y H:i")


def _lock_engagement(engagement: Engagement) -> Engagement:
    return (
        Engagement.objects.select_for_update(of=("self",))
        .select_related("expert", "event", "request")
        .get(pk=engagement.pk)
    )


def _set_status(original: Engagement, locked: Engagement, status: str, *fields: str) -> None:
    locked.status = status
    locked.save(update_fields=["status", "updated_at", *fields])
    for name in ("status", "updated_at", *fields):
        setattr(original, name, getattr(locked, name))


def _send(*, user, template: str, context: dict) -> None:
    """An email from this module's templates, in the recipient's language, after commit."""
    if user is None or not user.is_active or not user.email:
        return
    language = recipient_language(user)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    full_context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": base,
        "recipient": user,
        **context,
    }
    with translation.override(language), timezone.override(AMSTERDAM):
        subject = render_to_string(f"bookings/admin/email/{template}_subject.txt", full_context)
        text = render_to_string(f"bookings/admin/email/{template}.txt", full_context)
    enqueue_rendered_email(
        to=[user.email],
        subject=" ".join(subject.split()),
        text=text,
        template=f"bookings/admin/{template}",
        language=language,
        booking_request_id=getattr(context.get("engagement"), "request_id", None),
    )


def _expert_public_name(expert: Expert) -> str:
    """What the organisation may read: the public name only if the expert chose to be public."""
    return expert.public_name if expert.is_public else ""


def _tell_expert(engagement: Engagement, template: str, **context) -> None:
    _send(
        user=engagement.expert.user,
        template=template,
        context={
            "engagement": engagement,
            "kind": engagement.request.get_kind_display,
            "place": engagement.request.place,
            "mode": engagement.request.get_mode_display,
            **context,
        },
    )


def _tell_organisation(engagement: Engagement, template: str, **context) -> None:
    booking_request = engagement.request
    for user in organisation_recipients(booking_request):
        _send(
            user=user,
            template=template,
            context={
                "engagement": engagement,
                "reference": booking_request.reference,
                "title": booking_request.title,
                "expert_name": _expert_public_name(engagement.expert),
                **context,
            },
        )


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


def _ask_expert_email(engagement: Engagement, series: list[Engagement] | None = None) -> None:
    """The question, with everything the expert needs to decide, and signed Yes/No buttons
    (one set for the whole series). Sent in the expert's language after commit."""
    from bookings.services import expert_answers

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
            "valid_days": expert_answers.MAX_AGE_DAYS["answer"],
        },
    )


def _refuse_excluded(reasons: list[str], expert: Expert) -> None:
    if reasons:
        raise EngagementRefused(
            _("%(expert)s cannot be asked: %(reasons)s.")
            % {"expert": expert.public_name, "reasons": "; ".join(reasons)},
            missing=reasons,
        )


def _lock_expert(expert: Expert) -> Expert:
    # Serialises bookings of one expert (PostgreSQL); SQLite serialises every write anyway.
    return Expert.objects.select_for_update().get(pk=expert.pk)


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
    if ends_at <= starts_at:
        raise EngagementRefused(_("The end must be after the start."))
    if starts_at <= timezone.now():
        raise EngagementRefused(_("This moment lies in the past."))
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
    if locked.status == RequestStatus.MATCHING:
        booking_set_status(
            booking_request=locked,
            new_status=RequestStatus.EXPERT_ASKED,
            actor=actor,
            role=Actor.COORDINATOR,
            engagement=engagement,
            visible_to_organisation=True,
        )
    else:
        _bump_version(locked)
    _sync(booking_request, locked)
    _ask_expert_email(engagement)
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
    if starts[0] <= timezone.now():
        raise EngagementRefused(_("This moment lies in the past."))
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
    if locked.status == RequestStatus.MATCHING:
        booking_set_status(
            booking_request=locked,
            new_status=RequestStatus.EXPERT_ASKED,
            actor=actor,
            role=Actor.COORDINATOR,
            engagement=engagements[0],
        )
    else:
        _bump_version(locked)
    _sync(booking_request, locked)
    _ask_expert_email(engagements[0], series=engagements)
    return engagements


# --- answers and confirmation -------------------------------------------------------------------


def _active_others(engagement: Engagement):
    return Engagement.objects.filter(
        request_id=engagement.request_id, status__in=ENGAGEMENT_ACTIVE_STATES
    ).exclude(pk=engagement.pk)


def _back_to_matching_if_nobody_left(
    locked_request, engagement, actor, role: str = Actor.COORDINATOR
) -> bool:
    if locked_request.status not in (RequestStatus.EXPERT_ASKED, RequestStatus.SCHEDULED):
        return False
    if role == Actor.SYSTEM and locked_request.status != RequestStatus.EXPERT_ASKED:
        return False
    if _active_others(engagement).exists():
        return False
    booking_set_status(
        booking_request=locked_request,
        new_status=RequestStatus.MATCHING,
        actor=actor,
        role=role,
        engagement=engagement,
        visible_to_organisation=False,
        notify=False,
    )
    return True


@transaction.atomic
def engagement_record_answer(
    *,
    engagement: Engagement,
    actor,
    accepted: bool,
    decline_reason: str = "",
    expected_version: int | None = None,
) -> Engagement:
    """The expert's answer, given to a coordinator (by phone). A yes confirms the engagement at
    once when the gates allow; a no frees the calendar. A reason for a no is never required."""
    _require_coordinator(actor)
    return _answer(
        engagement=engagement,
        actor=actor,
        accepted=accepted,
        decline_reason=decline_reason,
        expected_version=expected_version,
        by_expert=False,
    )


@transaction.atomic
def engagement_expert_answer(
    *, engagement: Engagement, actor, accepted: bool, note: str = ""
) -> Engagement:
    """The expert answers themselves (portal or email link). A no needs no reason; `note` is an
    optional private word to the coordinator. A yes confirms the engagement at once when the
    gates allow (a media interview may still wait for its conditions); coordinators are told
    either way."""
    _require_own_expert(engagement, actor)
    _answer(
        engagement=engagement,
        actor=actor,
        accepted=accepted,
        decline_reason=note,
        expected_version=None,
        by_expert=True,
    )
    for user in coordinator_recipients(engagement.request):
        send_templated_email_to_user(
            user=user,
            template="bookings/expert_answered_coordinator",
            context={
                "engagement": engagement,
                "accepted": accepted,
                "confirmed": engagement.status == EngagementStatus.CONFIRMED,
                "missing": check_gates(engagement.request, RequestStatus.SCHEDULED)
                if accepted and engagement.status != EngagementStatus.CONFIRMED
                else [],
                "has_note": bool((note or "").strip()),
                "reference": engagement.request.reference,
                "expert_name": engagement.expert.public_name,
            },
        )
    return engagement


def _answer(
    *,
    engagement: Engagement,
    actor,
    accepted: bool,
    decline_reason: str,
    expected_version: int | None,
    by_expert: bool,
) -> Engagement:
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    if locked.status != EngagementStatus.ASKED:
        raise EngagementRefused(
            _("Only an open question can be answered (this engagement is “%(status)s”).")
            % {"status": locked.get_status_display()}
        )
    now = timezone.now()
    locked.answered_at = now
    if accepted:
        _set_status(engagement, locked, EngagementStatus.ACCEPTED, "answered_at")
        _log(
            booking_request=locked_request,
            engagement=locked,
            actor=actor,
            message=(
                _("%(expert)s said yes (in the portal).")
                if by_expert
                else _("%(expert)s said yes (recorded by phone).")
            )
            % {"expert": locked.expert.public_name},
        )
        if not _missing_for_confirmation(locked_request):
            _confirm(
                engagement,
                locked,
                locked_request,
                actor,
                role=Actor.SYSTEM if by_expert else Actor.COORDINATOR,
            )
        else:
            _bump_version(locked_request)
    else:
        locked.decline_reason = (decline_reason or "").strip()[:2000]
        _set_status(engagement, locked, EngagementStatus.DECLINED, "answered_at", "decline_reason")
        scheduling.event_cancel(event=locked.event)
        _log(
            booking_request=locked_request,
            engagement=locked,
            actor=actor,
            message=(
                _("%(expert)s said no (in the portal).")
                if by_expert
                else _("%(expert)s said no (recorded by phone).")
            )
            % {"expert": locked.expert.public_name},
        )
        role = Actor.SYSTEM if by_expert else Actor.COORDINATOR
        if not _back_to_matching_if_nobody_left(locked_request, locked, actor, role=role):
            _bump_version(locked_request)
    _sync(engagement.request, locked_request)
    return engagement


def _missing_for_confirmation(locked_request: BookingRequest) -> list[str]:
    return check_gates(locked_request, RequestStatus.SCHEDULED)


def _confirm(
    original: Engagement, locked: Engagement, locked_request, actor, *, role=Actor.COORDINATOR
) -> None:
    locked.confirmed_at = timezone.now()
    _set_status(original, locked, EngagementStatus.CONFIRMED, "confirmed_at")
    scheduling.event_confirm(event=locked.event)
    _log(
        booking_request=locked_request,
        engagement=locked,
        actor=actor,
        message=_("Engagement of %(expert)s confirmed for %(when)s.")
        % {"expert": locked.expert.public_name, "when": _when(locked.starts_at)},
    )
    if locked_request.status == RequestStatus.EXPERT_ASKED:
        booking_set_status(
            booking_request=locked_request,
            new_status=RequestStatus.SCHEDULED,
            actor=actor,
            role=role,
            engagement=locked,
            notify=False,  # the organisation gets the richer confirmation below
        )
    else:
        _bump_version(locked_request)
    _tell_organisation(locked, "engagement_confirmed_organisation")
    _tell_expert(locked, "engagement_confirmed_expert")


@transaction.atomic
def engagement_confirm(
    *, engagement: Engagement, actor, expected_version: int | None = None
) -> Engagement:
    """Fix the date of an accepted engagement. Media interviews: only when every gate is met."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    if locked.status != EngagementStatus.ACCEPTED:
        raise EngagementRefused(
            _("Only an engagement the expert accepted can be confirmed (this one is “%(status)s”).")
            % {"status": locked.get_status_display()}
        )
    missing = _missing_for_confirmation(locked_request)
    if missing:
        raise EngagementRefused(
            _("This engagement cannot be confirmed yet: %(missing)s")
            % {"missing": " ".join(missing)},
            missing=missing,
        )
    _confirm(engagement, locked, locked_request, actor)
    _sync(engagement.request, locked_request)
    return engagement


# --- changes ------------------------------------------------------------------------------------


@transaction.atomic
def engagement_reschedule(
    *,
    engagement: Engagement,
    actor,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    expected_version: int | None = None,
) -> Engagement:
    """Move an engagement (and its event); both the expert and, once confirmed, the
    organisation are told."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    if locked.status not in (
        EngagementStatus.ASKED,
        EngagementStatus.ACCEPTED,
        EngagementStatus.CONFIRMED,
    ):
        raise EngagementRefused(
            _("This engagement can no longer be moved (it is “%(status)s”).")
            % {"status": locked.get_status_display()}
        )
    if ends_at <= starts_at:
        raise EngagementRefused(_("The end must be after the start."))
    if starts_at <= timezone.now():
        raise EngagementRefused(_("This moment lies in the past."))
    _lock_expert(locked.expert)
    scheduling.ensure_free(
        expert=locked.expert, starts_at=starts_at, ends_at=ends_at, ignore_engagement=locked
    )
    old_start = locked.starts_at
    locked.starts_at, locked.ends_at = starts_at, ends_at
    try:
        with transaction.atomic():
            _set_status(engagement, locked, locked.status, "starts_at", "ends_at")
            scheduling.event_move(event=locked.event, starts_at=starts_at, ends_at=ends_at)
    except IntegrityError as error:
        raise scheduling.SchedulingConflict(
            _("%(expert)s was booked for this time by someone else just now.")
            % {"expert": locked.expert.public_name}
        ) from error
    _log(
        booking_request=locked_request,
        engagement=locked,
        actor=actor,
        message=_("Engagement of %(expert)s moved from %(old)s to %(new)s.")
        % {
            "expert": locked.expert.public_name,
            "old": _when(old_start) if old_start else "—",
            "new": _when(starts_at),
        },
    )
    _bump_version(locked_request)
    _sync(engagement.request, locked_request)
    _tell_expert(locked, "engagement_moved", old_starts_at=old_start)
    if locked.status == EngagementStatus.CONFIRMED:
        _tell_organisation(locked, "engagement_moved", old_starts_at=old_start)
    return engagement


@transaction.atomic
def engagement_cancel(
    *,
    engagement: Engagement,
    actor,
    reason: str = "",
    expected_version: int | None = None,
    move_request: bool = True,
) -> Engagement:
    """Call off one engagement: its event is cancelled and both sides are told."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    if locked.status not in (
        EngagementStatus.ASKED,
        EngagementStatus.ACCEPTED,
        EngagementStatus.CONFIRMED,
    ):
        raise EngagementRefused(
            _("This engagement can no longer be cancelled (it is “%(status)s”).")
            % {"status": locked.get_status_display()}
        )
    was_confirmed = locked.status == EngagementStatus.CONFIRMED
    locked.cancelled_at = timezone.now()
    _set_status(engagement, locked, EngagementStatus.CANCELLED, "cancelled_at")
    scheduling.event_cancel(event=locked.event)
    _log(
        booking_request=locked_request,
        engagement=locked,
        actor=actor,
        message=(
            _("Engagement of %(expert)s cancelled: %(reason)s")
            % {"expert": locked.expert.public_name, "reason": reason.strip()}
            if reason.strip()
            else _("Engagement of %(expert)s cancelled.") % {"expert": locked.expert.public_name}
        ),
    )
    moved = move_request and _back_to_matching_if_nobody_left(locked_request, locked, actor)
    if not moved:
        _bump_version(locked_request)
    _sync(engagement.request, locked_request)
    _tell_expert(locked, "engagement_cancelled")
    if was_confirmed:
        _tell_organisation(locked, "engagement_cancelled")
    return engagement


@transaction.atomic
def booking_cancel(
    *, booking_request: BookingRequest, actor, message: str = "", expected_version=None
) -> BookingRequest:
    """Cancel a request with every engagement that is still going ahead."""
    _require_coordinator(actor)
    locked = _lock_request(booking_request, expected_version)
    for engagement in Engagement.objects.filter(
        request=locked,
        status__in=(
            EngagementStatus.ASKED,
            EngagementStatus.ACCEPTED,
            EngagementStatus.CONFIRMED,
        ),
    ).select_related("expert", "request"):
        engagement_cancel(engagement=engagement, actor=actor, move_request=False)
    locked.refresh_from_db()
    booking_set_status(
        booking_request=locked,
        new_status=RequestStatus.CANCELLED,
        actor=actor,
        role=Actor.COORDINATOR,
        message=message,
    )
    _sync(booking_request, locked)
    return booking_request


# --- after the engagement -----------------------------------------------------------------------


@transaction.atomic
def engagement_mark_delivered(
    *, engagement: Engagement, actor, expected_version: int | None = None
) -> Engagement:
    """It took place. When every engagement of the request has, the request is delivered."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    if locked.status != EngagementStatus.CONFIRMED:
        raise EngagementRefused(
            _("Only a confirmed engagement can be marked as delivered (this one is “%(status)s”).")
            % {"status": locked.get_status_display()}
        )
    if locked.starts_at and locked.starts_at > timezone.now():
        raise EngagementRefused(_("This engagement has not started yet."))
    _set_status(engagement, locked, EngagementStatus.DELIVERED)
    _log(
        booking_request=locked_request,
        engagement=locked,
        actor=actor,
        message=_("Engagement of %(expert)s delivered; aftercare is due.")
        % {"expert": locked.expert.public_name},
    )
    still_to_come = _active_others(locked).filter(
        status__in=(EngagementStatus.ASKED, EngagementStatus.ACCEPTED, EngagementStatus.CONFIRMED)
    )
    if locked_request.status == RequestStatus.SCHEDULED and not still_to_come.exists():
        booking_set_status(
            booking_request=locked_request,
            new_status=RequestStatus.DELIVERED,
            actor=actor,
            role=Actor.COORDINATOR,
            engagement=locked,
        )
    else:
        _bump_version(locked_request)
    _sync(engagement.request, locked_request)
    return engagement


@transaction.atomic
def engagement_record_aftercare(
    *,
    engagement: Engagement,
    actor,
    waived: bool = False,
    held_on: dt.date | None = None,
    notes: str = "",
    expected_version: int | None = None,
) -> Engagement:
    """Record that the expert's debrief took place (on `held_on`), or that the expert waived it.

    `notes` are private: shown to coordinators and to this expert only, never in an email or a
    calendar entry. Only now can the request be closed (bookings.gates.closing_gates).
    """
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    if locked.status != EngagementStatus.DELIVERED:
        raise EngagementRefused(
            _("Aftercare is recorded after delivery (this engagement is “%(status)s”).")
            % {"status": locked.get_status_display()}
        )
    if held_on and held_on > timezone.localdate():
        raise EngagementRefused(_("The debrief cannot be in the future."))
    locked.aftercare_status = AftercareStatus.WAIVED if waived else AftercareStatus.DONE
    locked.aftercare_recorded_at = timezone.now()
    locked.aftercare_held_on = None if waived else (held_on or timezone.localdate())
    locked.aftercare_notes = (notes or "").strip()[:5000]
    _set_status(
        engagement,
        locked,
        EngagementStatus.AFTERCARE_DONE,
        "aftercare_status",
        "aftercare_recorded_at",
        "aftercare_held_on",
        "aftercare_notes",
    )
    _log(
        booking_request=locked_request,
        engagement=locked,
        actor=actor,
        message=(
            _("Aftercare for %(expert)s waived by the expert.")
            if waived
            else _("Aftercare for %(expert)s recorded.")
        )
        % {"expert": locked.expert.public_name},
    )
    _bump_version(locked_request)
    _sync(engagement.request, locked_request)
    return engagement


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
    if locked.status in ENGAGEMENT_ENDED_STATES:
        raise EngagementRefused(_("This engagement did not go ahead; there is no fee to record."))
    amount = _money(fee, _("The fee"))
    if amount is None:
        raise EngagementRefused(_("Fill in the fee (0 if there is none)."))
    locked.fee = amount
    locked.travel_costs = _money(travel_costs, _("The travel costs"))
    locked.fee_recorded_at = timezone.now()
    locked.paid_on = paid_on
    _set_status(
        engagement, locked, locked.status, "fee", "travel_costs", "fee_recorded_at", "paid_on"
    )
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
    if locked.status in ENGAGEMENT_ENDED_STATES:
        raise EngagementRefused(_("This engagement did not go ahead."))
    locked.practical_info = (text or "").strip()[:3000]
    _set_status(engagement, locked, locked.status, "practical_info")
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
    if locked.status not in (EngagementStatus.DELIVERED, EngagementStatus.AFTERCARE_DONE):
        raise EngagementRefused(_("A fee can be claimed once the engagement has taken place."))
    locked.claimed_on = _not_in_future(claimed_on)
    _set_status(engagement, locked, locked.status, "claimed_on")
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
    _set_status(engagement, locked, locked.status, "paid_on", "claimed_on")
    _log(
        booking_request=locked.request,
        engagement=locked,
        actor=actor,
        message=_("Fee of %(expert)s paid.") % {"expert": locked.expert.public_name},
    )
    return engagement


# --- the request's coordinator ------------------------------------------------------------------


@transaction.atomic
def booking_assign_coordinator(
    *, booking_request: BookingRequest, actor, coordinator, expected_version: int | None = None
) -> BookingRequest:
    """Who looks after this request (None: nobody in particular). Logged on the timeline."""
    _require_coordinator(actor)
    if coordinator is not None and not is_coordinator(coordinator):
        raise EngagementRefused(_("Only a coordinator can be assigned to a request."))
    locked = _lock_request(booking_request, expected_version)
    locked.coordinator = coordinator
    locked.version = F("version") + 1
    locked.save(update_fields=["coordinator", "version", "updated_at"])
    Activity.objects.create(
        request=locked,
        actor=actor,
        kind=ActivityKind.ASSIGNED,
        message=(
            _("Assigned to %(name)s.") % {"name": coordinator.get_full_name() or coordinator.email}
            if coordinator
            else _("No coordinator assigned any more.")
        ),
        visible_to_organisation=False,
    )
    _sync(booking_request, locked)
    booking_request.coordinator = coordinator
    return booking_request
