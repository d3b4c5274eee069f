"""Demo data for the expert's side (expert1@example.org): an open question with an answer link,
a delivered engagement whose expert asked for a debrief, and payments over two years.

Fictional; idempotent (requests found by title). Run after speakers.demo and bookings.demo.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from bookings.enums import Audience, EngagementStatus, MeetingMode, OrganisationKind, RequestStatus
from bookings.models import BookingRequest, DateOption, Engagement, Organisation
from bookings.models.engagement import AftercareStatus
from bookings.models.followup import AftercareCheckIn, CheckInAnswer, EngagementLink
from bookings.models.organisation import OrganisationMembership
from speakers.selectors import AMSTERDAM

EXPERT_EMAIL = "expert1@example.org"
ASKED_TITLE = "Gastles voor jongerenwerkers"
DELIVERED_TITLE = "Workshop signalen herkennen"
PAID_TITLES = [
    "Panelgesprek over online werving",
    "Klankbordsessie met beleidsmakers",
]


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=AMSTERDAM)


def _request(*, organisation, contact, coordinator, title, kind, status, starts_at):
    from bookings.models import next_request_reference

    now = timezone.now()
    booking_request = BookingRequest.objects.create(
        reference=next_request_reference(),
        organisation=organisation,
        contact=contact,
        kind=kind,
        title=title,
        description="Demo-aanvraag: we willen dat onze mensen signalen eerder herkennen.",
        audience_description="Jongerenwerkers",
        audience_kind=Audience.PROFESSIONALS,
        audience_size=25,
        mode=MeetingMode.IN_PERSON,
        place="Wijkcentrum De Brug, Rivierstad",
        duration_minutes=90,
        fee_offered=Decimal("250.00"),
        status=status,
        coordinator=coordinator,
        submitted_at=now,
        confirmed_at=now,
        consent_at=now,
    )
    DateOption.objects.create(
        request=booking_request,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
        position=1,
    )
    return booking_request


@transaction.atomic
def seed(*, password: str, stdout) -> None:
    from bookings.services import engagements as engagement_services
    from bookings.services import expert_answers
    from speakers.models import Expert

    expert = Expert.objects.filter(user__email=EXPERT_EMAIL).first()
    coordinator = get_user_model().objects.filter(email="coordinator@example.org").first()
    if expert is None or coordinator is None:
        stdout.write("bookings.demo_followup: no expert1 or coordinator account; skipped.")
        return
    organisation, _created = Organisation.objects.get_or_create(
        name="Gemeente Rivierstad",
        defaults={"kind": OrganisationKind.MUNICIPALITY, "verified": True},
    )
    membership = OrganisationMembership.objects.filter(organisation=organisation).first()
    contact = membership.user if membership else None
    kind = (
        expert.formats.values_list("code", flat=True).first() or "talk"
    )  # a format the expert offers, so the rules of care allow the question
    common = {"organisation": organisation, "contact": contact, "coordinator": coordinator}

    # 1. An open question, asked through the service (email with Yes/No links).
    if not BookingRequest.objects.filter(title=ASKED_TITLE).exists():
        booking_request = _request(
            **common,
            title=ASKED_TITLE,
            kind=kind,
            status=RequestStatus.MATCHING,
            starts_at=_at(12, 14),
        )
        try:
            engagement_services.engagement_ask(
                booking_request=booking_request,
                expert=expert,
                actor=coordinator,
                date_option=booking_request.date_options.get(),
            )
        except Exception as error:  # a rule of care or the calendar: the demo says why
            stdout.write(f"bookings.demo_followup: could not ask {expert}: {error}")
    link = (
        EngagementLink.objects.filter(engagement__request__title=ASKED_TITLE, used_at__isnull=True)
        .select_related("engagement")
        .first()
    )
    if link is not None:
        stdout.write(
            f"Answer link (yes) for {EXPERT_EMAIL}: {expert_answers.link_url(link, 'yes')}"
        )

    # 2. Took place yesterday; the expert asked for a debrief (dashboard panel).
    if not BookingRequest.objects.filter(title=DELIVERED_TITLE).exists():
        starts_at = _at(-1, 13)
        booking_request = _request(
            **common,
            title=DELIVERED_TITLE,
            kind=kind,
            status=RequestStatus.DELIVERED,
            starts_at=starts_at,
        )
        engagement = Engagement.objects.create(
            request=booking_request,
            expert=expert,
            status=EngagementStatus.DELIVERED,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
            asked_by=coordinator,
            answered_at=timezone.now(),
            confirmed_at=timezone.now(),
            fee=Decimal("250.00"),
            travel_costs=Decimal("18.40"),
            fee_recorded_at=timezone.now(),
        )
        AftercareCheckIn.objects.create(engagement=engagement, answer=CheckInAnswer.DEBRIEF)

    # 3. Payments: one paid last year, one claimed and waiting.
    for position, title in enumerate(PAID_TITLES):
        if BookingRequest.objects.filter(title=title).exists():
            continue
        starts_at = _at(-400 if position == 0 else -30, 10)
        booking_request = _request(
            **common, title=title, kind=kind, status=RequestStatus.CLOSED, starts_at=starts_at
        )
        Engagement.objects.create(
            request=booking_request,
            expert=expert,
            status=EngagementStatus.AFTERCARE_DONE,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
            asked_by=coordinator,
            fee=Decimal("250.00"),
            travel_costs=Decimal("12.00"),
            fee_recorded_at=starts_at,
            aftercare_status=AftercareStatus.DONE,
            aftercare_recorded_at=starts_at + dt.timedelta(days=3),
            aftercare_held_on=(starts_at + dt.timedelta(days=3)).date(),
            claimed_on=(starts_at + dt.timedelta(days=5)).date(),
            paid_on=(starts_at + dt.timedelta(days=20)).date() if position == 0 else None,
        )
    stdout.write("bookings.demo_followup: expert engagements, aftercare and payments ready.")
