"""Rule of care 8: finished requests lose their personal data after the retention period."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import Activity, BookingRequest, Evaluation, Message
from bookings.services.retention import booking_anonymise, requests_due_for_anonymisation
from tests.factories.bookings import BookingRequestFactory, EngagementFactory, MessageFactory

pytestmark = pytest.mark.django_db


def _age(booking_request, *, days):
    BookingRequest.objects.filter(pk=booking_request.pk).update(
        updated_at=timezone.now() - dt.timedelta(days=days)
    )


def _finished_request(**kwargs):
    booking_request = BookingRequestFactory(
        status=RequestStatus.CLOSED,
        description="Onze wijkagent Piet de Vries wil weten hoe hij signalen herkent.",
        place="Stadhuis, Kamer 12",
        media_questions="Hoe was het voor jou?",
        media_support_person="Marieke (begeleider)",
        **kwargs,
    )
    MessageFactory(request=booking_request, body="Bel me op 06-12345678")
    Activity.objects.create(request=booking_request, kind="note", message="Gesproken met Piet")
    Evaluation.objects.create(
        request=booking_request,
        rating=5,
        what_changed="Het team vraagt nu door.",
        submitted_by=booking_request.contact,
    )
    EngagementFactory(
        request=booking_request,
        status=EngagementStatus.AFTERCARE_DONE,
        aftercare_notes="Ze was moe maar tevreden.",
        decline_reason="",
        fee=250,
    )
    return booking_request


def test_anonymising_removes_free_text_and_links_to_people_but_keeps_report_data():
    booking_request = _finished_request()
    organisation, kind = booking_request.organisation, booking_request.kind

    booking_anonymise(booking_request=booking_request)

    booking_request.refresh_from_db()
    assert booking_request.anonymised_at is not None
    assert booking_request.contact is None
    assert "Piet" not in booking_request.description
    assert booking_request.place == ""
    assert booking_request.media_questions == ""
    assert booking_request.media_support_person == ""
    assert booking_request.reference in booking_request.title
    assert not Message.objects.filter(request=booking_request).exists()
    assert not Activity.objects.filter(request=booking_request).exclude(message="").exists()
    assert not Activity.objects.filter(request=booking_request, actor__isnull=False).exists()
    engagement = booking_request.engagements.get()
    assert engagement.aftercare_notes == ""
    assert engagement.fee == 250  # financial record stays
    evaluation = Evaluation.objects.get(request=booking_request)
    assert evaluation.rating == 5 and evaluation.submitted_by is None
    assert booking_request.organisation == organisation and booking_request.kind == kind


def test_open_requests_are_never_anonymised():
    booking_request = BookingRequestFactory(status=RequestStatus.MATCHING)
    with pytest.raises(ValueError):
        booking_anonymise(booking_request=booking_request)
    booking_request.refresh_from_db()
    assert booking_request.anonymised_at is None


def test_only_finished_requests_past_retention_are_due(settings):
    settings.HOPE_REQUEST_RETENTION_DAYS = 365
    old_closed = _finished_request()
    _age(old_closed, days=400)
    recent_closed = _finished_request()
    _age(recent_closed, days=100)
    old_open = BookingRequestFactory(status=RequestStatus.SCHEDULED)
    _age(old_open, days=400)

    assert list(requests_due_for_anonymisation()) == [old_closed]


def test_command_is_idempotent(settings):
    settings.HOPE_REQUEST_RETENTION_DAYS = 365
    old_closed = _finished_request()
    _age(old_closed, days=400)

    first, second = io.StringIO(), io.StringIO()
    call_command("anonymise_closed_requests", stdout=first)
    call_command("anonymise_closed_requests", stdout=second)

    assert "Anonymised 1 request" in first.getvalue()
    assert "Anonymised 0 request" in second.getvalue()
    old_closed.refresh_from_db()
    assert old_closed.anonymised_at is not None


def test_anonymised_request_opens_for_coordinators_and_leaves_the_portal(client):
    from django.urls import reverse

    from tests.factories import CoordinatorFactory
    from tests.factories.bookings import MembershipFactory

    booking_request = _finished_request()
    colleague = MembershipFactory(organisation=booking_request.organisation).user
    booking_anonymise(booking_request=booking_request)

    client.force_login(CoordinatorFactory())
    workspace = client.get(f"/admin/booking_requests/inspect/{booking_request.pk}/")
    assert workspace.status_code == 200
    assert "Piet" not in workspace.content.decode()

    client.force_login(colleague)
    detail = client.get(reverse("bookings:request_detail", args=[booking_request.reference]))
    assert detail.status_code == 404
    assert booking_request.reference not in client.get(reverse("bookings:portal")).content.decode()
