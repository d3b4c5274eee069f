"""Changes: moving an engagement to another day (which asks the expert again), calling one
off, cancelling a whole request, and who looks after a request.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.enums import ActivityKind, EngagementStatus, RequestStatus
from bookings.matching import check_expert_for_slot
from bookings.models import Activity, BookingRequest, Engagement
from bookings.services import request_edits, scheduling
from bookings.services.asking import ask_expert_email, check_moment
from bookings.services.engagement_base import (
    EngagementRefused,
    _bump_version,
    _lock_engagement,
    _lock_expert,
    _lock_request,
    _log,
    _refuse_excluded,
    _require_coordinator,
    _sync,
    _tell_expert,
    _tell_organisation,
    _when,
)
from bookings.services.engagement_status import engagement_require_step, engagement_set_status
from bookings.services.request_status import booking_set_status
from hope.roles import is_coordinator

Actor = lifecycle.Actor


@transaction.atomic
def engagement_reschedule(
    *,
    engagement: Engagement,
    actor,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    expected_version: int | None = None,
) -> Engagement:
    """Move an engagement to another time. Her yes was for the old time, so she is asked again
    (a new yes is needed; rule of care 1); her capacity, rest days, pause and calendar are
    checked for the new time. The organisation is told once the old date had been fixed."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    locked = _lock_engagement(engagement)
    engagement_require_step(locked, "reschedule", Actor.COORDINATOR)
    check_moment(starts_at, ends_at)
    expert = _lock_expert(locked.expert)
    _refuse_excluded(
        check_expert_for_slot(
            booking_request=locked_request,
            expert=expert,
            starts_at=starts_at,
            ends_at=ends_at,
            ignore_engagement=locked,
        ),
        expert,
    )
    scheduling.ensure_free(
        expert=expert, starts_at=starts_at, ends_at=ends_at, ignore_engagement=locked
    )
    old_start, was_confirmed = locked.starts_at, locked.status == EngagementStatus.CONFIRMED
    message = _("Engagement of %(expert)s moved from %(old)s to %(new)s; asked again.") % {
        "expert": expert.public_name,
        "old": _when(old_start) if old_start else "—",
        "new": _when(starts_at),
    }
    moved = {"starts_at": starts_at, "ends_at": ends_at, "sequence": F("sequence") + 1}
    try:
        with transaction.atomic():
            scheduling.event_move(event=locked.event, starts_at=starts_at, ends_at=ends_at)
            if locked.status == EngagementStatus.ASKED:
                for name, value in moved.items():
                    setattr(locked, name, value)
                locked.save(update_fields=[*moved, "updated_at"])
                locked.refresh_from_db(fields=["sequence"])
                for name in (*moved, "updated_at"):
                    setattr(engagement, name, getattr(locked, name))
                _log(
                    booking_request=locked_request, engagement=locked, actor=actor, message=message
                )
                _bump_version(locked_request)
            else:
                engagement_set_status(
                    engagement=engagement,
                    new_status=EngagementStatus.ASKED,
                    actor=actor,
                    role=Actor.COORDINATOR,
                    locked_request=locked_request,
                    changes={**moved, "answered_at": None, "confirmed_at": None},
                    message=message,
                )
    except IntegrityError as error:
        raise scheduling.SchedulingConflict(
            _("%(expert)s was booked for this time by someone else just now.")
            % {"expert": expert.public_name}
        ) from error
    _sync(engagement.request, locked_request)
    engagement.refresh_from_db()
    ask_expert_email(engagement, old_starts_at=old_start)
    if was_confirmed:
        _tell_organisation(engagement, "engagement_moved", old_starts_at=old_start)
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
    was_confirmed = engagement.status == EngagementStatus.CONFIRMED
    name = engagement.expert.public_name

    def notify(locked):
        _tell_expert(locked, "engagement_cancelled")
        if was_confirmed:
            _tell_organisation(locked, "engagement_cancelled")

    engagement_set_status(
        engagement=engagement,
        new_status=EngagementStatus.CANCELLED,
        actor=actor,
        role=Actor.COORDINATOR,
        locked_request=locked_request,
        # When the whole request is cancelled, it does not go back to matching first.
        follow_request=move_request,
        changes={"cancelled_at": timezone.now()},
        message=(
            _("Engagement of %(expert)s cancelled: %(reason)s")
            % {"expert": name, "reason": reason.strip()}
            if reason.strip()
            else _("Engagement of %(expert)s cancelled.") % {"expert": name}
        ),
        notify=notify,
    )
    _sync(engagement.request, locked_request)
    return engagement


@transaction.atomic
def booking_cancel(
    *, booking_request: BookingRequest, actor, message: str = "", expected_version=None
) -> BookingRequest:
    """Cancel a request with every engagement that is still going ahead."""
    _require_coordinator(actor)
    locked = _lock_request(booking_request, expected_version)
    for engagement in Engagement.objects.filter(
        request=locked, status__in=lifecycle.GOING_AHEAD
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


@transaction.atomic
def booking_withdraw(
    *, booking_request: BookingRequest, actor, reason: str = "", expected_version=None
) -> BookingRequest:
    """The organisation withdraws its request: every engagement still going ahead is called
    off too (her calendar is freed and she is told), so no expert is left waiting."""
    request_edits.booking_withdraw(
        booking_request=booking_request,
        actor=actor,
        reason=reason,
        expected_version=expected_version,
    )
    locked = _lock_request(booking_request, None)
    for engagement in Engagement.objects.filter(
        request=locked, status__in=lifecycle.GOING_AHEAD
    ).select_related("expert", "request"):
        engagement_set_status(
            engagement=engagement,
            new_status=EngagementStatus.CANCELLED,
            actor=actor,
            role=Actor.SYSTEM,
            locked_request=locked,
            changes={"cancelled_at": timezone.now()},
            message=_("Engagement of %(expert)s cancelled: the organisation withdrew the request.")
            % {"expert": engagement.expert.public_name},
            notify=lambda locked_engagement: _tell_expert(
                locked_engagement, "engagement_cancelled"
            ),
            follow_request=False,
        )
    _sync(booking_request, locked)
    return booking_request


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
