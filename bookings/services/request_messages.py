"""The request's message thread: messages, internal notes and read marks."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings.enums import MESSAGING_STATES, ActivityKind, RequestStatus
from bookings.models import BookingRequest, Message
from bookings.services.request_base import (
    TransitionNotAllowed,
    _log,
    _notify_coordinators,
    _notify_organisation,
    actor_role,
)
from bookings.services.request_status import booking_set_status
from bookings.workflow import Actor


@transaction.atomic
def message_post(
    *,
    booking_request: BookingRequest,
    author,
    body: str,
    internal: bool = False,
    submission_token: str | None = None,
) -> Message:
    """A message in the request's thread. Internal notes are for coordinators only.

    An organisation's reply to "more information needed" sends the request back to triage.
    With the form's `submission_token`, posting the same form again returns the first message
    (nothing stored or sent twice).
    """
    earlier = _earlier_message(booking_request, author, submission_token)
    if earlier is not None:
        return earlier
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a message first."))
    role = actor_role(user=author, booking_request=booking_request)
    if role not in (Actor.ORGANISATION, Actor.COORDINATOR):
        raise PermissionDenied(_("You may not write on this request."))
    if internal and role != Actor.COORDINATOR:
        raise PermissionDenied(_("Only coordinators write internal notes."))
    if booking_request.status not in MESSAGING_STATES and not internal:
        raise TransitionNotAllowed(_("This request is closed for messages."))
    from_organisation = role == Actor.ORGANISATION
    try:
        with transaction.atomic():
            message = Message.objects.create(
                request=booking_request,
                author=author,
                body=body,
                internal=internal,
                from_organisation=from_organisation,
                submission_token=submission_token,
            )
    except IntegrityError:
        # The same form, posted twice at the same moment: the other request stored it.
        earlier = _earlier_message(booking_request, author, submission_token)
        if earlier is None:
            raise
        return earlier
    _log(
        booking_request=booking_request,
        kind=ActivityKind.NOTE if internal else ActivityKind.MESSAGE,
        actor=author,
        visible_to_organisation=False,
    )
    if internal:
        return message
    if from_organisation:
        if booking_request.status != RequestStatus.AWAITING_CONFIRMATION:
            _notify_coordinators(booking_request, template="bookings/new_message_coordinator")
        if booking_request.status == RequestStatus.MORE_INFO_NEEDED:
            booking_set_status(
                booking_request=booking_request,
                new_status=RequestStatus.IN_TRIAGE,
                actor=author,
                role=Actor.ORGANISATION,
                notify=False,
            )
    else:
        # The organisation is told there is a message, not what it says (it reads it logged in).
        _notify_organisation(booking_request, template="bookings/new_message")
    return message


def _earlier_message(booking_request, author, submission_token) -> Message | None:
    """The message stored earlier from the same form, if any."""
    if not submission_token:
        return None
    earlier = Message.objects.filter(submission_token=submission_token).first()
    if earlier is None:
        return None
    if earlier.request_id != booking_request.pk or earlier.author_id != getattr(author, "pk", None):
        raise ValidationError(_("This form was already used. Reload the page and try again."))
    return earlier


@transaction.atomic
def messages_mark_read(*, booking_request: BookingRequest, reader) -> int:
    role = actor_role(user=reader, booking_request=booking_request)
    now = timezone.now()
    if role == Actor.ORGANISATION:
        return booking_request.messages.filter(
            internal=False, from_organisation=False, read_by_organisation_at__isnull=True
        ).update(read_by_organisation_at=now)
    if role == Actor.COORDINATOR:
        return booking_request.messages.filter(
            from_organisation=True, read_by_coordinator_at__isnull=True
        ).update(read_by_coordinator_at=now)
    return 0
