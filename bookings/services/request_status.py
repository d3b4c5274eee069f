"""The one code that changes a request's status (`booking_set_status`) and its emails."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import workflow
from bookings.enums import ActivityKind, RequestStatus
from bookings.gates import check_gates
from bookings.models import BookingRequest
from bookings.services.request_base import (
    StaleRequest,
    TransitionNotAllowed,
    _log,
    _may_act_as,
    _notify_coordinators,
    _notify_organisation,
    actor_role,
)
from bookings.workflow import Actor


@transaction.atomic
def booking_set_status(
    *,
    booking_request: BookingRequest,
    new_status: str,
    actor,
    message: str = "",
    role: str | None = None,
    visible_to_organisation: bool = True,
    expected_version: int | None = None,
    engagement=None,
    notify: bool = True,
) -> BookingRequest:
    """Move a request to `new_status` on behalf of `actor` (None = the system).

    Checks the transition for the actor's role, the gates (bookings.gates) and, when given,
    that the request is still at `expected_version` (stale forms). Saves with update_fields,
    bumps `version`, logs an Activity and enqueues the emails after commit.
    """
    new_status = RequestStatus(new_status)
    locked = BookingRequest.objects.select_for_update().get(pk=booking_request.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleRequest(
            _("This request was changed by someone else in the meantime. Reload and try again.")
        )
    if role is None:
        role = actor_role(user=actor, booking_request=locked)
    elif not _may_act_as(role=role, user=actor, booking_request=locked):
        raise TransitionNotAllowed(_("You may not change the status of this request."))
    old_status = RequestStatus(locked.status)
    if role is None or not workflow.is_allowed(
        old_status=old_status, new_status=new_status, actor=role
    ):
        raise TransitionNotAllowed(
            _("A request cannot go from “%(old)s” to “%(new)s”.")
            % {"old": old_status.label, "new": new_status.label}
        )
    if (
        role == Actor.COORDINATOR
        and new_status in workflow.MESSAGE_REQUIRED_TARGETS
        and not message.strip()
    ):
        raise TransitionNotAllowed(
            _("Write a short, kind message to the organisation for this step.")
        )
    missing = check_gates(locked, new_status)
    if missing:
        raise TransitionNotAllowed(
            _("This step is not possible yet: %(missing)s") % {"missing": " ".join(missing)},
            missing=missing,
        )

    now = timezone.now()
    locked.status = new_status
    locked.version = F("version") + 1
    update_fields = ["status", "version", "updated_at"]
    if old_status == RequestStatus.AWAITING_CONFIRMATION and new_status == RequestStatus.IN_TRIAGE:
        locked.confirmed_at = now
        update_fields.append("confirmed_at")
    locked.save(update_fields=update_fields)
    locked.refresh_from_db(fields=["version", "updated_at"])
    for field in ("status", "version", "updated_at", "confirmed_at"):
        setattr(booking_request, field, getattr(locked, field))

    _log(
        booking_request=locked,
        kind=ActivityKind.STATUS_CHANGED,
        actor=actor,
        message=message.strip(),
        old_status=old_status,
        new_status=new_status,
        visible_to_organisation=visible_to_organisation,
        engagement=engagement,
    )
    if notify:
        _notify_status_change(
            locked,
            old_status=old_status,
            new_status=new_status,
            role=role,
            message=message.strip() if visible_to_organisation else "",
        )
    return booking_request


def _notify_status_change(booking_request, *, old_status, new_status, role, message) -> None:
    if old_status == RequestStatus.AWAITING_CONFIRMATION and new_status == RequestStatus.IN_TRIAGE:
        _notify_organisation(booking_request, template="bookings/receipt")
        _notify_coordinators(booking_request, template="bookings/coordinator_new_request")
        return
    if new_status == RequestStatus.MORE_INFO_NEEDED and role != Actor.ORGANISATION:
        # Its own email, so coordinators can word the question's announcement themselves.
        _notify_organisation(booking_request, template="bookings/more_info_needed")
    elif new_status in workflow.NOTIFY_ORGANISATION and role != Actor.ORGANISATION:
        _notify_organisation(
            booking_request,
            template="bookings/status_changed",
            status_label=workflow.ORGANISATION_LABELS[new_status],
            next_step=workflow.ORGANISATION_NEXT_STEPS[new_status],
            message=message,
        )
    if new_status in workflow.NOTIFY_COORDINATORS and role != Actor.COORDINATOR:
        _notify_coordinators(
            booking_request,
            template="bookings/coordinator_status_changed",
            status_label=new_status.label,
            message=message,
        )
