"""A guest whose confirmation email never arrived asks for a new link.

The answer never tells whether the address has a waiting request (no enumeration); the service
returns how many emails it queued only for the caller's logs and tests.
"""

from __future__ import annotations

import logging

from django.db import transaction

from bookings.enums import RequestStatus
from bookings.models import BookingRequest
from bookings.services.request_intake import guest_confirmation_needed

logger = logging.getLogger(__name__)

# Nobody waits on more than a few unconfirmed requests; more would only fill an inbox.
MAX_REQUESTS_PER_ASK = 3


@transaction.atomic
def guest_confirmation_resend(*, email: str) -> int:
    """Queue a new confirmation email for each unconfirmed request of `email` (newest first)."""
    waiting = (
        BookingRequest.objects.filter(
            status=RequestStatus.AWAITING_CONFIRMATION,
            contact__email__iexact=(email or "").strip(),
            contact__is_active=True,
        )
        .select_related("contact")
        .order_by("-created_at", "-pk")[:MAX_REQUESTS_PER_ASK]
    )
    count = 0
    for booking_request in waiting:
        guest_confirmation_needed(booking_request=booking_request)
        count += 1
    if count:
        logger.info("new confirmation link asked for %s request(s)", count)
    return count
