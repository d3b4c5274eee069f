"""Demo data around expert 1 (`demo/content/followup.json`): an open question with its answer
link, an engagement that took place yesterday with a debrief asked, and two payments (one paid
last year, one claimed and waiting). Idempotent (found by title); runs after `demo.workflow`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import BookingRequest, DateOption, Engagement, Organisation
from bookings.models.engagement import AftercareStatus
from bookings.models.followup import AftercareCheckIn, CheckInAnswer, EngagementLink
from bookings.models.organisation import OrganisationMembership
from bookings.services import changes as change_services
from bookings.services import expert_answers
from bookings.services.asking import engagement_ask
from bookings.services.request_intake import booking_submit
from bookings.services.request_status import booking_set_status
from demo.content import load
from demo.workflow import REFUSALS, at, backdate, request_data
from speakers.models import Expert


def _data(content, title, kind):
    base = content["request"]
    return request_data(
        {
            "kind": kind,
            "title": title,
            "description": base["description"],
            "audience": base["audience"],
            "size": base["size"],
            "place": base["place"],
        }
    )


def _past_request(*, content, item, kind, status, common) -> tuple[BookingRequest, dt.datetime]:
    """A request that took place: written directly (the services act "now")."""
    from bookings.models import next_request_reference

    now = timezone.now()
    starts_at = at(item["starts_in_days"], 13 if status == RequestStatus.DELIVERED else 10)
    booking_request = BookingRequest.objects.create(
        reference=next_request_reference(),
        status=status,
        submitted_at=now,
        confirmed_at=now,
        consent_at=now,
        **common,
        **_data(content, item["title"], kind),
    )
    DateOption.objects.create(
        request=booking_request,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
        position=1,
    )
    backdate(booking_request, at(-item["sent_days_ago"], 10, 15))
    return booking_request, starts_at


def _ask(*, content, expert, coordinator, organisation, contact, kind, stdout) -> None:
    """The open question, asked through the services (hold in her calendar, email with links)."""
    item = content["asked"]
    starts_at = at(item["starts_in_days"], 14)
    booking_request = booking_submit(
        contact=contact,
        data=_data(content, item["title"], kind),
        date_options=[(starts_at, starts_at + dt.timedelta(hours=2))],
        organisation=organisation,
        consent=True,
        confirmed=True,
    )
    try:
        change_services.booking_assign_coordinator(
            booking_request=booking_request, actor=coordinator, coordinator=coordinator
        )
        booking_set_status(
            booking_request=booking_request, new_status=RequestStatus.MATCHING, actor=coordinator
        )
        engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            date_option=booking_request.date_options.get(),
        )
    except REFUSALS as error:  # a rule of care or the calendar: the demo says why
        stdout.write(f"demo.followup: could not ask {expert}: {error}")
    backdate(booking_request, at(-item["sent_days_ago"], 9, 40))


@transaction.atomic
def seed(*, password: str, stdout) -> None:
    content = load("followup")
    expert = Expert.objects.filter(user__email=content["expert"]).first()
    coordinator = get_user_model().objects.filter(email="coordinator@example.org").first()
    organisation = Organisation.objects.filter(name=content["organisation"]).first()
    if expert is None or coordinator is None or organisation is None:
        stdout.write("demo.followup: no expert1, coordinator or organisation; skipped.")
        return
    membership = OrganisationMembership.objects.filter(organisation=organisation).first()
    contact = membership.user if membership else None
    # A format the expert offers, so the rules of care allow the question.
    kind = expert.formats.values_list("code", flat=True).first() or "talk"
    common = {"organisation": organisation, "contact": contact, "coordinator": coordinator}

    # 1. An open question, asked through the service (email with Yes/No links).
    if not BookingRequest.objects.filter(title=content["asked"]["title"]).exists():
        _ask(
            content=content,
            expert=expert,
            coordinator=coordinator,
            organisation=organisation,
            contact=contact,
            kind=kind,
            stdout=stdout,
        )
    link = (
        EngagementLink.objects.filter(
            engagement__request__title=content["asked"]["title"], used_at__isnull=True
        )
        .select_related("engagement")
        .first()
    )
    if link is not None:
        stdout.write(
            f"Answer link (yes) for {content['expert']}: {expert_answers.link_url(link, 'yes')}"
        )

    # 2. Took place yesterday; the expert asked for a debrief (dashboard panel).
    item = content["delivered"]
    if not BookingRequest.objects.filter(title=item["title"]).exists():
        booking_request, starts_at = _past_request(
            content=content, item=item, kind=kind, status=RequestStatus.DELIVERED, common=common
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
    for position, item in enumerate(content["paid"]):
        if BookingRequest.objects.filter(title=item["title"]).exists():
            continue
        booking_request, starts_at = _past_request(
            content=content, item=item, kind=kind, status=RequestStatus.CLOSED, common=common
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
    stdout.write("demo.followup: expert engagements, aftercare and payments ready.")
