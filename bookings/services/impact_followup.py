"""Three months after delivery, the organisation gets one question: "what did you change
because of this?" (issue 14). Part of the periodic follow-up run (`run_followups`).

Idempotent: the `FollowUpMarker` key `impact_question:<request id>` is created in the same
transaction as the email is queued, so each request is asked once, however often (or however
concurrently) the job runs. A request is asked when its last delivered engagement ended three
calendar months ago (Europe/Amsterdam), for up to 30 days after that (a timer that was down
catches up; a first run does not write to every organisation of the past).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import BookingRequest
from bookings.models.followup import FollowUpKind
from bookings.months import add_months
from bookings.services.followup_base import claim, mail
from bookings.services.request_base import organisation_recipients
from speakers.selectors import AMSTERDAM

QUESTION_AFTER_MONTHS = 3
QUESTION_WINDOW = dt.timedelta(days=30)
LIMIT_PER_RUN = 500


def months_back(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the 31st becomes the month's last day)."""
    first = add_months(day.replace(day=1), -months)
    last_day = (add_months(first, 1) - dt.timedelta(days=1)).day
    return first.replace(day=min(day.day, last_day))


def requests_due(*, now: dt.datetime):
    today = now.astimezone(AMSTERDAM).date()
    due_day = months_back(today, QUESTION_AFTER_MONTHS)
    latest = dt.datetime.combine(due_day + dt.timedelta(days=1), dt.time.min, AMSTERDAM)
    earliest = latest - QUESTION_WINDOW
    return (
        BookingRequest.objects.filter(
            status__in=(RequestStatus.DELIVERED, RequestStatus.CLOSED),
            anonymised_at__isnull=True,
            impact_answer__isnull=True,
        )
        .annotate(
            last_end=Max(
                "engagements__ends_at",
                filter=Q(
                    engagements__status__in=(
                        EngagementStatus.DELIVERED,
                        EngagementStatus.AFTERCARE_DONE,
                    )
                ),
            )
        )
        .filter(last_end__gte=earliest, last_end__lt=latest)
        .select_related("organisation", "contact")
        .order_by("pk")[:LIMIT_PER_RUN]
    )


def send_impact_questions(*, now: dt.datetime, report) -> None:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for booking_request in requests_due(now=now):
        with transaction.atomic():
            if not claim(
                kind=FollowUpKind.IMPACT_QUESTION,
                key=str(booking_request.pk),
                booking_request=booking_request,
            ):
                continue
            mail(
                organisation_recipients(booking_request),
                "bookings/impact_question",
                {"reference": booking_request.reference, "title": booking_request.title},
                links=lambda _user, reference=booking_request.reference: {
                    "answer_url": base + reverse("bookings:request_impact", args=[reference])
                },
            )
            report.add(FollowUpKind.IMPACT_QUESTION)
