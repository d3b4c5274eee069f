"""`engagement_set_status`: the only code that changes `Engagement.status`.

It locks the engagement, checks the move against the lifecycle table
(bookings.engagement_workflow) for the actor's role and the gates, saves with `update_fields`,
keeps the expert's calendar in step, makes the checklist on confirmation, writes the activity
log, lets the request follow its engagements (through `booking_set_status`) and enqueues the
emails after commit.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.enums import EngagementStatus, RequestStatus
from bookings.gates import check_gates, media_missing
from bookings.models import BookingRequest, Engagement
from bookings.services import scheduling
from bookings.services.checklists import checklist_items_create_for_engagement
from bookings.services.engagement_base import (
    EngagementRefused,
    _bump_version,
    _lock_engagement,
    _lock_request,
    _log,
    _require_coordinator,
    _require_own_expert,
)
from bookings.services.request_status import booking_set_status

Actor = lifecycle.Actor

# How the request's own log and emails treat a move that follows an engagement.
_FOLLOW_OPTIONS = {
    RequestStatus.MATCHING: {"visible_to_organisation": False, "notify": False},
    # The organisation gets the richer confirmation email of the engagement instead.
    RequestStatus.SCHEDULED: {"notify": False},
}


def engagement_gates(
    booking_request: BookingRequest, new_status: str, engagement: Engagement | None = None
) -> list[str]:
    """What is missing before an engagement may enter `new_status`: for a media interview,
    this expert's conditions accepted by the journalist, and the request's gates (rule 5)."""
    if str(new_status) != EngagementStatus.CONFIRMED:
        return []
    generic = set(media_missing(booking_request))
    missing = media_missing(booking_request, engagement)
    missing += [
        sentence
        for sentence in check_gates(booking_request, RequestStatus.SCHEDULED)
        if sentence not in generic
    ]
    return missing


def _check_actor(engagement: Engagement, actor, role: str) -> None:
    if role == Actor.EXPERT:
        _require_own_expert(engagement, actor)
    elif role == Actor.COORDINATOR:
        _require_coordinator(actor)


def _others(engagement: Engagement, states):
    return (
        Engagement.objects.filter(request_id=engagement.request_id, status__in=states)
        .exclude(pk=engagement.pk)
        .exists()
    )


_CONDITIONS = {
    "always": lambda engagement: True,
    "none_active": lambda engagement: not _others(engagement, lifecycle.ACTIVE),
    "none_to_come": lambda engagement: not _others(engagement, lifecycle.GOING_AHEAD),
    "none_confirmed": lambda engagement: not _others(engagement, {EngagementStatus.CONFIRMED}),
}


def request_follow(
    *, locked_request: BookingRequest, engagement: Engagement, rule, actor, role: str
) -> bool:
    """Move the request as the lifecycle table says; True when it moved (version bumped)."""
    if rule is None:
        return False
    from_states, target, condition = rule
    if locked_request.status not in from_states or not _CONDITIONS[condition](engagement):
        return False
    booking_set_status(
        booking_request=locked_request,
        new_status=target,
        actor=actor,
        role=Actor.COORDINATOR if role == Actor.COORDINATOR else Actor.SYSTEM,
        engagement=engagement,
        **_FOLLOW_OPTIONS.get(target, {}),
    )
    return True


def _calendar(locked: Engagement, new_status: str) -> None:
    """The expert's calendar follows the status: tentative, confirmed or off."""
    if new_status in lifecycle.ENDED:
        scheduling.event_cancel(event=locked.event)
    elif new_status == EngagementStatus.CONFIRMED:
        scheduling.event_confirm(event=locked.event)
    elif new_status in lifecycle.PENDING:
        scheduling.event_tentative(event=locked.event)


@transaction.atomic
def engagement_set_status(
    *,
    engagement: Engagement,
    new_status: str,
    actor,
    role: str,
    message: str = "",
    changes: dict | None = None,
    locked_request: BookingRequest | None = None,
    notify: Callable[[Engagement], None] | None = None,
    follow_request: bool = True,
) -> Engagement:
    """Move `engagement` to `new_status` on behalf of `actor` acting as `role`.

    `changes` are other fields saved with the status (answered_at, decline_reason, ...).
    `message` goes to the internal activity log. `notify(locked)` sends the emails; they are
    queued to go out after commit. The request follows (bookings.engagement_workflow) and its
    version is bumped either way.
    """
    new_status = EngagementStatus(new_status)
    locked_request = locked_request or _lock_request(engagement.request, None)
    locked = _lock_engagement(engagement)
    _check_actor(locked, actor, role)
    old_status = locked.status
    if not lifecycle.is_allowed(old_status=old_status, new_status=new_status, actor=role):
        raise EngagementRefused(
            _("This engagement cannot go from “%(old)s” to “%(new)s”.")
            % {"old": EngagementStatus(old_status).label, "new": new_status.label}
        )
    missing = engagement_gates(locked_request, new_status, locked)
    if missing:
        raise EngagementRefused(
            _("This engagement cannot be confirmed yet: %(missing)s")
            % {"missing": " ".join(missing)},
            missing=missing,
        )
    changes = dict(changes or {})
    if new_status in lifecycle.ENDED or (
        new_status == EngagementStatus.ASKED and old_status == EngagementStatus.CONFIRMED
    ):
        # Calendar apps replace an entry only when its SEQUENCE rises.
        changes.setdefault("sequence", F("sequence") + 1)
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.status = new_status
    locked.save(update_fields=["status", "updated_at", *changes])
    if "sequence" in changes:
        locked.refresh_from_db(fields=["sequence"])
    for name in ("status", "updated_at", *changes):
        setattr(engagement, name, getattr(locked, name))
    _calendar(locked, new_status)
    if new_status == EngagementStatus.CONFIRMED:
        # Her date is fixed: the checklist of its kind, due relative to its start.
        checklist_items_create_for_engagement(engagement=locked, log=False)
    if message:
        _log(booking_request=locked_request, engagement=locked, actor=actor, message=message)
    rule = lifecycle.REQUEST_FOLLOWS.get(new_status)
    if new_status == EngagementStatus.ASKED:
        rule = lifecycle.RESCHEDULE_FOLLOWS
    if not follow_request or not request_follow(
        locked_request=locked_request, engagement=locked, rule=rule, actor=actor, role=role
    ):
        _bump_version(locked_request)
    if notify is not None:
        notify(locked)
    return engagement


def engagement_require_step(engagement: Engagement, name: str, role: str) -> None:
    """Refuse an edit (fee, practical information, ...) the lifecycle does not allow now."""
    if not lifecycle.may(name, actor=role, status=engagement.status):
        raise EngagementRefused(
            _("This is not possible for this engagement now (it is “%(status)s”).")
            % {"status": engagement.get_status_display()}
        )
