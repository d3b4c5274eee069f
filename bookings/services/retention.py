"""Least data, shortest time (rule of care 8): closed requests lose their personal data.

A request that has been in a final state, unchanged, for ``HOPE_REQUEST_RETENTION_DAYS``
(default 730) keeps only what reports need — kind, topics, audience kind and size, mode, dates,
organisation, status, fees and the rating — and loses every free text and every link to a person:
the contact, the description and questions, the place, the media fields (outlet, questions,
support person), the messages, the timeline's texts, the evaluation's texts, the expert's decline
note, practical information, aftercare notes and her feedback on the organisation.
Fees and payment dates stay: they are financial records with their own legal retention.
A contact person left with nothing but anonymised requests, who has not logged in within the
retention period, is deactivated (experts and staff are never deactivated here).
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from bookings.enums import FINAL_STATES
from bookings.models import (
    Activity,
    BookingRequest,
    Engagement,
    Evaluation,
    ExpertFeedback,
    Message,
)

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

    contact = locked.contact
    locked.contact = None
    locked.title = f"{locked.get_kind_display()} ({locked.reference})"
    locked.description = REMOVED
    locked.audience_description = ""
    locked.place = ""
    locked.media_outlet = ""
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
            "media_outlet",
            "media_questions",
            "media_support_person",
            "anonymised_at",
            "updated_at",
        ]
    )
    Message.objects.filter(request=locked).delete()
    Activity.objects.filter(request=locked).update(message="", actor=None)
    Evaluation.objects.filter(request=locked).update(
        submitted_by=None, went_well="", what_changed=""
    )
    Engagement.objects.filter(request=locked).update(
        decline_reason="", aftercare_notes="", practical_info=""
    )
    ExpertFeedback.objects.filter(engagement__request=locked).update(how_it_went="")
    if contact is not None:
        contact_deactivate_if_done(user=contact)
    logger.info("Anonymised booking request %s", locked.reference)
    return locked


def contact_deactivate_if_done(*, user, now: dt.datetime | None = None) -> bool:
    """Deactivate a contact person whose requests are all anonymised and who has not logged in
    within the retention period. Experts and staff keep their accounts."""
    from hope.roles import is_coordinator, is_editor

    cutoff = (now or timezone.now()) - dt.timedelta(days=retention_days())
    if not user.is_active or user.is_staff or user.is_superuser:
        return False
    if getattr(user, "expert", None) is not None or is_coordinator(user) or is_editor(user):
        return False
    if BookingRequest.objects.filter(contact=user).exists():
        return False  # still the contact of a request that is kept
    if (user.last_login or user.date_joined) >= cutoff:
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    logger.info("Deactivated contact account %s", user.pk)
    return True


def anonymise_due_requests(*, now: dt.datetime | None = None) -> int:
    count = 0
    for booking_request in requests_due_for_anonymisation(now=now).only("pk").iterator():
        booking_anonymise(booking_request=booking_request)
        count += 1
    return count
