"""The organisation asks to move a fixed date. Coordinators decide (a move asks the expert for a
new yes), so the ask is a message in the request's thread with the reason and the wished dates:
coordinators are told at once, and the thread keeps who asked, when and why."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bookings.enums import RequestStatus
from bookings.models import BookingRequest, Message
from bookings.services.request_base import TransitionNotAllowed
from bookings.services.request_messages import message_post

MOVABLE_STATES = frozenset({RequestStatus.SCHEDULED})


def booking_ask_to_move(
    *,
    booking_request: BookingRequest,
    actor,
    reason: str,
    wished_dates: str = "",
    submission_token: str | None = None,
) -> Message:
    if booking_request.status not in MOVABLE_STATES:
        raise TransitionNotAllowed(_("Only a booking with a fixed date can be moved."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Tell us why the date has to move."))
    lines = [_("Request to move the date."), "", _("Reason: %(reason)s") % {"reason": reason}]
    if (wished_dates or "").strip():
        lines.append(_("Possible new dates: %(dates)s") % {"dates": wished_dates.strip()})
    return message_post(
        booking_request=booking_request,
        author=actor,
        body="\n".join(lines),
        submission_token=submission_token,
    )
