"""Demo data for the impact reports (issue 14): themes on some requests, one answer three
months on. Idempotent; runs after `demo.workflow` and `demo.followup`."""

from __future__ import annotations

from bookings.enums import EVALUABLE_STATES
from bookings.models import BookingRequest, ImpactAnswer, RequestTheme
from bookings.models.impact import ImprovementTheme
from demo.content import load

THEMES = list(ImprovementTheme)


def seed(*, password: str, stdout) -> None:
    requests = list(BookingRequest.objects.confirmed().order_by("pk")[:8])
    for number, booking_request in enumerate(requests):
        RequestTheme.objects.get_or_create(
            request=booking_request, theme=THEMES[number % len(THEMES)]
        )
    delivered = (
        BookingRequest.objects.filter(status__in=EVALUABLE_STATES, anonymised_at__isnull=True)
        .order_by("pk")
        .first()
    )
    if delivered is not None:
        ImpactAnswer.objects.get_or_create(
            request=delivered,
            defaults={
                "what_changed": load("followup")["impact_answer"],
                "share_with_experts": True,
                "answered_by": delivered.contact,
            },
        )
    stdout.write("demo.impact: themes and an answer on what changed ready.")
