"""Least data, shortest time (rule of care 8): closed requests lose their personal data.

A request that has been in a final state, unchanged, for ``HOPE_REQUEST_RETENTION_DAYS``
(default 730) keeps only what reports need — kind, topics, audience kind and size, mode, dates,
organisation, status, fees and the rating — and loses every free text and every link to a person:
the contact, the description and questions, the place, the support person, the messages, the
timeline's texts, the expert's decline note, practical information and aftercare notes.
Fees and payment dates stay: they are financial records with their own legal retention.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from bookings.enums import FINAL_STATES
from bookings.models import Activity, BookingRequest, Engagement, Evaluation, Message

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 730
REMOVED = "—"


def retention_days() -> int:
    return int(getattr(settings, "HOPE_REQUEST_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def requests_due_for_anonymisation(*, now: dt.datetime | None = None):
    cutoff = (now or timezone.now()) - dt.timedelta(days=retention_days())
    return BookingRequest.objects.filter(
        status__in=FINAL_STATES, anonymised_at__isnull=True, updated_at__lt=cutoff
    )


@transaction.atomic
def booking_anonymise(*, booking_request: BookingRequest) -> BookingRequest:
    """Strip one final request of its personal data. Idempotent."""
    locked = BookingRequest.objects.select_for_update().get(pk=booking_request.pk)
    if locked.anonymised_at is not None:
        return locked
    if locked.status not in FINAL_STATES:
        raise ValueError(f"{locked.reference} is still open and cannot be anonymised.")

    locked.contact = None
    locked.title = f"{locked.get_kind_display()} ({locked.reference})"
    locked.description = REMOVED
    locked.audience_description = ""
    locked.place = ""
    locked.media_questions = ""
    locked.media_support_person = ""
    locked.anonymised_at = timezone.now()
    locked.save(
        update_fields=[
            "contact",
            "title",
            "description",
            "audience_description",
            "place",
            "media_questions",
            "media_support_person",
            "anonymised_at",
            "updated_at",
        ]
    )
    Message.objects.filter(request=locked).delete()
    Activity.objects.filter(request=locked).update(message="", actor=None)
    Evaluation.objects.filter(request=locked).update(submitted_by=None)
    Engagement.objects.filter(request=locked).update(
        decline_reason="", aftercare_notes="", practical_info=""
    )
    logger.info("Anonymised booking request %s", locked.reference)
    return locked


def anonymise_due_requests(*, now: dt.datetime | None = None) -> int:
    count = 0
    for booking_request in requests_due_for_anonymisation(now=now).only("pk").iterator():
        booking_anonymise(booking_request=booking_request)
        count += 1
    return count
