"""Demo requests in every status (`demo/content/requests.json`), made the way people make them.

A request that lies ahead goes through the services a person uses: the organisation submits it,
a coordinator takes it on, triages it, asks an expert (a tentative hold in her calendar and the
question by email), records her yes, cancels; the organisation withdraws. So the demo reaches no
state the app cannot reach. Requests that already took place cannot be made through services that
act "now"; they are written directly, with the road they took on their timeline. Afterwards each
request gets its own plausible "sent on" date (the services stamp everything "now").
Idempotent: a request is found by organisation and title.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bookings.enums import (
    ActivityKind,
    Audience,
    EngagementKind,
    EngagementStatus,
    MeetingMode,
    RequestStatus,
)
from bookings.matching import check_expert_for_slot
from bookings.models import (
    Activity,
    BookingRequest,
    DateOption,
    Engagement,
    Message,
    next_request_reference,
)
from bookings.services import changes as change_services
from bookings.services.answers import engagement_record_answer
from bookings.services.asking import engagement_ask
from bookings.services.engagement_base import EngagementRefused
from bookings.services.request_base import TransitionNotAllowed
from bookings.services.request_edits import evaluation_submit
from bookings.services.request_intake import booking_submit
from bookings.services.request_messages import message_post
from bookings.services.request_status import booking_set_status
from bookings.services.scheduling import SchedulingConflict
from demo.content import load
from demo.organisations import seed_organisations
from speakers.models import Expert
from speakers.selectors import AMSTERDAM

S = RequestStatus
# Steps after triage: a status, or "ask" (an expert is asked), "yes" (she says yes by phone),
# "withdraw" (the organisation), "cancel" (a coordinator).
STEPS = {
    S.AWAITING_CONFIRMATION: [],
    S.IN_TRIAGE: [],
    S.MORE_INFO_NEEDED: [S.MORE_INFO_NEEDED],
    S.MATCHING: [S.MATCHING],
    S.EXPERT_ASKED: [S.MATCHING, "ask"],
    S.SCHEDULED: [S.MATCHING, "ask", "yes"],
    S.DECLINED: [S.DECLINED],
    S.WITHDRAWN: [S.MATCHING, "withdraw"],
    S.CANCELLED: [S.MATCHING, "cancel"],
    S.NO_EXPERT_AVAILABLE: [S.MATCHING, S.NO_EXPERT_AVAILABLE],
}
# The road a request that already took place went, for its timeline.
PAST_PATHS = {
    S.DELIVERED: [S.IN_TRIAGE, S.MATCHING, S.EXPERT_ASKED, S.SCHEDULED, S.DELIVERED],
    S.CLOSED: [S.IN_TRIAGE, S.MATCHING, S.EXPERT_ASKED, S.SCHEDULED, S.DELIVERED, S.CLOSED],
}
REFUSALS = (
    EngagementRefused,
    SchedulingConflict,
    TransitionNotAllowed,
    ValidationError,
)


def at(days: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment `days` from today (negative: ago), Amsterdam time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=AMSTERDAM)


def request_data(item: dict) -> dict:
    media = item["kind"] == EngagementKind.MEDIA_INTERVIEW
    return {
        "kind": item["kind"],
        "title": item["title"],
        "description": item["description"],
        "audience_description": item.get("audience", ""),
        "audience_kind": Audience.PROFESSIONALS if item.get("audience") else "",
        "audience_size": item.get("size"),
        "mode": MeetingMode.ONLINE if media else MeetingMode.IN_PERSON,
        "place": item.get("place", "" if media else "Rivierstad"),
        "duration_minutes": 90,
        "fee_offered": Decimal("250.00"),
        **item.get("extra", {}),
    }


def first_fitting_expert(booking_request, starts_at, ends_at):
    """The first expert (by name) no rule of care excludes for this slot, as matching would."""
    for expert in Expert.objects.order_by("public_name"):
        reasons = check_expert_for_slot(
            booking_request=booking_request, expert=expert, starts_at=starts_at, ends_at=ends_at
        )
        if not reasons:
            return expert
    return None


def backdate(booking_request: BookingRequest, sent_at: dt.datetime) -> None:
    """The request was sent on `sent_at`; its timeline spreads between then and now."""
    now = timezone.now()
    stamps = {"created_at": sent_at, "submitted_at": sent_at, "consent_at": sent_at}
    if booking_request.confirmed_at is not None:
        stamps["confirmed_at"] = sent_at
    BookingRequest.objects.filter(pk=booking_request.pk).update(**stamps)
    entries = list(Activity.objects.filter(request=booking_request).order_by("pk"))
    entries += list(Message.objects.filter(request=booking_request).order_by("pk"))
    step = min(dt.timedelta(days=1), (now - sent_at) / (len(entries) + 1))
    for position, entry in enumerate(entries):
        type(entry).objects.filter(pk=entry.pk).update(created_at=sent_at + step * position)


class Workflow:
    def __init__(self, *, password: str, stdout):
        self.stdout = stdout
        self.content = load("requests")
        self.organisations, self.contacts = seed_organisations(password=password)
        self.coordinator = get_user_model().objects.filter(email="coordinator@example.org").first()

    def run(self) -> int:
        created = 0
        for index, item in enumerate(self.content["requests"]):
            organisation = self.organisations[item["organisation"]]
            if BookingRequest.objects.filter(organisation=organisation, title=item["title"]):
                continue
            created += 1
            status = S(item["status"])
            starts_at = at(item["starts_in_days"], 13)
            if status in PAST_PATHS:
                booking_request = self.past(item, index, status, starts_at)
            else:
                booking_request = self.through_services(item, status, starts_at)
            hour, minute = 8 + (index * 5) % 9, (index * 17) % 60
            backdate(booking_request, at(-item["sent_days_ago"], hour, minute))
        return created

    def through_services(self, item, status, starts_at) -> BookingRequest:
        contact = self.contacts[item["organisation"]]
        booking_request = booking_submit(
            contact=contact,
            data=request_data(item),
            date_options=[(starts_at, starts_at + dt.timedelta(hours=2))],
            organisation=self.organisations[item["organisation"]],
            consent=True,
            confirmed=status != S.AWAITING_CONFIRMATION,
        )
        if status == S.AWAITING_CONFIRMATION or self.coordinator is None:
            return booking_request
        change_services.booking_assign_coordinator(
            booking_request=booking_request, actor=self.coordinator, coordinator=self.coordinator
        )
        try:
            for step in STEPS[status]:
                self.take(step, booking_request, contact)
        except REFUSALS as error:  # a rule of care or the calendar: the demo says why
            self.stdout.write(f"demo: {booking_request.title}: stopped at {step}: {error}")
        return booking_request

    def take(self, step, booking_request, contact) -> None:
        note = self.content["notes"].get(str(step), "")
        if step == "ask":
            expert = first_fitting_expert(
                booking_request,
                booking_request.date_options.get().starts_at,
                booking_request.date_options.get().ends_at,
            )
            if expert is None:
                raise EngagementRefused("no expert fits")
            engagement_ask(
                booking_request=booking_request,
                expert=expert,
                actor=self.coordinator,
                date_option=booking_request.date_options.get(),
            )
        elif step == "yes":
            engagement = booking_request.engagements.get(status=EngagementStatus.ASKED)
            engagement_record_answer(engagement=engagement, actor=self.coordinator, accepted=True)
            message_post(
                booking_request=booking_request,
                author=self.coordinator,
                body=self.content["coordinator_message"],
            )
        elif step == "withdraw":
            change_services.booking_withdraw(
                booking_request=booking_request,
                actor=contact,
                reason=self.content["notes"][S.WITHDRAWN],
            )
        elif step == "cancel":
            change_services.booking_cancel(
                booking_request=booking_request, actor=self.coordinator, message=note
            )
        else:
            booking_set_status(
                booking_request=booking_request,
                new_status=step,
                actor=self.coordinator,
                message=note,
            )
            if step == S.MORE_INFO_NEEDED:
                message_post(
                    booking_request=booking_request,
                    author=self.coordinator,
                    body=self.content["coordinator_message"],
                )

    def past(self, item, index, status, starts_at) -> BookingRequest:
        """A request that already took place: written directly, with its road on the timeline."""
        contact = self.contacts[item["organisation"]]
        now = timezone.now()
        booking_request = BookingRequest.objects.create(
            reference=next_request_reference(),
            organisation=self.organisations[item["organisation"]],
            contact=contact,
            status=status,
            coordinator=self.coordinator,
            submitted_at=now,
            confirmed_at=now,
            consent_at=now,
            **request_data(item),
        )
        DateOption.objects.create(
            request=booking_request,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
            position=1,
        )
        Activity.objects.create(
            request=booking_request,
            actor=contact,
            kind=ActivityKind.CREATED,
            new_status=S.AWAITING_CONFIRMATION,
            visible_to_organisation=True,
        )
        previous = S.AWAITING_CONFIRMATION
        for step in PAST_PATHS[status]:
            Activity.objects.create(
                request=booking_request,
                actor=contact if step == S.IN_TRIAGE else self.coordinator,
                kind=ActivityKind.STATUS_CHANGED,
                old_status=previous,
                new_status=step,
                visible_to_organisation=True,
            )
            previous = step
        experts = list(Expert.objects.order_by("public_name")[:4])
        if experts:
            Engagement.objects.create(
                request=booking_request,
                expert=experts[index % len(experts)],
                status=EngagementStatus.DELIVERED
                if status == S.DELIVERED
                else EngagementStatus.AFTERCARE_DONE,
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=2),
                asked_by=self.coordinator,
                fee=Decimal("250.00"),
            )
        if status == S.CLOSED:
            evaluation_submit(
                booking_request=booking_request, author=contact, **self.content["evaluation"]
            )
        return booking_request


@transaction.atomic
def seed(*, password: str, stdout) -> None:
    workflow = Workflow(password=password, stdout=stdout)
    created = workflow.run()
    stdout.write(
        f"bookings: {len(workflow.organisations)} organisations, {created} new demo requests."
    )
