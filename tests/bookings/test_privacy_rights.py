"""Privacy rights through the views: download your data, delete your account, erase a person,
and anonymisation that covers every free text."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import BookingRequest, Evaluation, Message
from bookings.services.retention import REMOVED, booking_anonymise
from speakers.models import IdentityMode
from tests.factories.accounts import CoordinatorFactory, EditorFactory
from tests.factories.bookings import (
    BookingRequestFactory,
    MembershipFactory,
    MessageFactory,
    OrganisationContactFactory,
    OrganisationFactory,
)
from tests.factories.followup import (
    AftercareCheckInFactory,
    DeliveredEngagementFactory,
    ExpertFeedbackFactory,
    ExpertWithUserFactory,
)

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture(autouse=True)
def _dutch():
    # URLs are reversed in Dutch (no prefix), whatever an earlier test left active.
    with translation.override("nl"):
        yield


def _contact_with_request(**request_fields):
    organisation = OrganisationFactory()
    contact = OrganisationContactFactory(membership__organisation=organisation)
    booking_request = BookingRequestFactory(
        organisation=organisation, contact=contact, **request_fields
    )
    return contact, booking_request


def _download(client, user):
    client.force_login(user)
    response = client.get(reverse("privacy:download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response.get("Cache-Control", "") or "no-cache" in response.get(
        "Cache-Control", ""
    )
    return json.loads(response.content)


# --- download ------------------------------------------------------------------------------


def test_privacy_page_offers_the_download_and_deletion_in_dutch(client):
    contact, _request = _contact_with_request()
    client.force_login(contact)
    response = client.get(reverse("privacy:overview"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Download mijn gegevens" in page
    assert "Mijn account definitief verwijderen" in page
    assert reverse("privacy:overview") in client.get(reverse("bookings:portal")).content.decode()


def test_contact_downloads_own_data_without_internal_notes_or_other_organisations(client):
    contact_a, request_a = _contact_with_request(title="Training in Zwolle")
    _contact_b, request_b = _contact_with_request(title="Talk in Breda")
    MessageFactory(request=request_a, body="Can you bring handouts?")
    MessageFactory(request=request_a, author=None, body="Coordinator: risky client", internal=True)
    MessageFactory(request=request_b, body="B's private question")
    Evaluation.objects.create(
        request=request_a, rating=5, went_well="Honest", submitted_by=contact_a
    )

    data = _download(client, contact_a)
    text = json.dumps(data)

    assert data["account"]["email"] == contact_a.email
    assert [r["reference"] for r in data["organisation_contact"]["requests"]] == [
        request_a.reference
    ]
    assert "Can you bring handouts?" in text
    assert data["organisation_contact"]["evaluations"][0]["went_well"] == "Honest"
    assert "risky client" not in text
    assert "Talk in Breda" not in text and "B's private question" not in text
    assert "password" not in text


def test_expert_downloads_her_profile_engagements_and_fees_but_not_another_experts(client):
    engagement_a = DeliveredEngagementFactory(fee=Decimal("150.00"))
    engagement_a.aftercare_notes = "Debrief went fine"
    engagement_a.save()
    expert_a = engagement_a.expert
    engagement_b = DeliveredEngagementFactory(fee=Decimal("999.00"))
    ExpertFeedbackFactory(engagement__expert=expert_a, how_it_went="Noisy room")

    data = _download(client, expert_a.user)
    text = json.dumps(data)

    assert data["expert"]["public_name"] == expert_a.public_name
    fees = {row["fee"] for row in data["expert"]["engagements"]}
    assert "150.00" in fees and "999.00" not in fees
    assert "Noisy room" in text and "Debrief went fine" in text
    assert engagement_b.expert.public_name not in text
    assert expert_a.ics_token not in text  # a secret, not data about her
    assert engagement_a.request.contact.email not in text  # the organisation's contact person


def test_download_needs_login(client):
    response = client.get(reverse("privacy:download"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


# --- delete my account ----------------------------------------------------------------------


def test_wrong_password_keeps_the_account_with_a_dutch_error(client):
    contact, booking_request = _contact_with_request()
    client.force_login(contact)
    response = client.post(reverse("privacy:delete_account"), {"password": "nope"})
    assert response.status_code == 400
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    assert User.objects.filter(pk=contact.pk).exists()
    booking_request.refresh_from_db()
    assert booking_request.contact_id == contact.pk


def test_deleting_the_account_leaves_requests_to_colleagues(client, password):
    contact, booking_request = _contact_with_request()
    colleague = MembershipFactory(organisation=booking_request.organisation).user
    client.force_login(contact)

    response = client.post(reverse("privacy:delete_account"), {"password": password})

    assert response.status_code == 302
    assert not User.objects.filter(pk=contact.pk).exists()
    booking_request.refresh_from_db()
    assert booking_request.contact is None
    assert booking_request.anonymised_at is None
    assert booking_request.description  # kept for the colleague
    client.force_login(colleague)
    assert (
        client.get(reverse("bookings:request_detail", args=[booking_request.reference])).status_code
        == 200
    )


def test_deleting_the_account_withdraws_and_anonymises_what_nobody_else_follows(client, password):
    contact, booking_request = _contact_with_request(
        description="Our address is Kerkstraat 1", status=RequestStatus.IN_TRIAGE
    )
    MessageFactory(request=booking_request, body="Call me on 06-12345678")
    client.force_login(contact)

    client.post(reverse("privacy:delete_account"), {"password": password})

    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.WITHDRAWN
    assert booking_request.anonymised_at is not None
    assert booking_request.description == REMOVED
    assert not Message.objects.filter(request=booking_request).exists()


def test_experts_and_staff_cannot_delete_their_own_account(client, password):
    expert = ExpertWithUserFactory()
    for user in (expert.user, CoordinatorFactory(), EditorFactory()):
        client.force_login(user)
        page = client.get(reverse("privacy:overview")).content.decode()
        assert "Vraag een coördinator" in page
        response = client.post(reverse("privacy:delete_account"), {"password": password})
        assert response.status_code == 403
        assert User.objects.filter(pk=user.pk).exists()


# --- coordinators erase a person -------------------------------------------------------------


def test_only_coordinators_reach_the_erase_page(client):
    contact, _request = _contact_with_request()
    url = reverse("bookings_person_erase", args=[contact.pk])
    client.force_login(EditorFactory())
    assert client.get(url).status_code in (302, 403)
    client.force_login(OrganisationContactFactory())
    assert client.post(url, {"confirm": "on"}).status_code == 302
    assert User.objects.filter(pk=contact.pk).exists()


def test_coordinator_erases_a_contact_after_confirming_and_it_is_logged(client):
    contact, booking_request = _contact_with_request()
    colleague = MembershipFactory(organisation=booking_request.organisation).user
    MessageFactory(request=booking_request, author=contact, body="My phone is 06-12345678")
    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    url = reverse("bookings_person_erase", args=[contact.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert contact.email in page.content.decode()
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert User.objects.filter(pk=contact.pk).exists()

    response = client.post(url, {"confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=contact.pk).exists()
    assert Message.objects.get(request=booking_request).body == REMOVED
    booking_request.refresh_from_db()
    assert booking_request.contact is None
    assert colleague.organisation_memberships.exists()
    entry = ModelLogEntry.objects.get(action="hope.person_erased")
    assert entry.user_id == coordinator.pk
    assert contact.email not in entry.label and contact.last_name not in entry.label


def test_coordinator_erases_an_expert_profile_and_her_texts(client):
    engagement = DeliveredEngagementFactory(fee=Decimal("100.00"))
    expert = engagement.expert
    expert.bio = "<p>I grew up in Zwolle</p>"
    expert.identity_mode = IdentityMode.NAMED
    expert.save()
    engagement.decline_reason = "My sister's wedding"
    engagement.aftercare_notes = "Needed a long debrief"
    engagement.save()
    client.force_login(CoordinatorFactory())

    client.post(reverse("bookings_person_erase", args=[expert.user_id]), {"confirm": "on"})

    expert.refresh_from_db()
    engagement.refresh_from_db()
    assert expert.user_id is None
    assert expert.identity_mode == IdentityMode.NOT_PUBLIC
    assert expert.bio == "" and "Zwolle" not in expert.public_name
    assert engagement.decline_reason == "" and engagement.aftercare_notes == ""
    assert engagement.fee == Decimal("100.00")  # financial record


# --- anonymisation covers every free text -----------------------------------------------------


def test_anonymisation_strips_every_free_text_and_deactivates_the_contact():
    contact, booking_request = _contact_with_request(
        status=RequestStatus.CLOSED,
        media_outlet="Dagblad Voorbeeld",
        media_questions="How did it start?",
        media_support_person="Aunt Mies",
    )
    contact.last_login = timezone.now() - dt.timedelta(days=800)
    contact.save()
    engagement = DeliveredEngagementFactory(
        request=booking_request, status=EngagementStatus.AFTERCARE_DONE
    )
    AftercareCheckInFactory(engagement=engagement)
    ExpertFeedbackFactory(engagement=engagement, how_it_went="The host was rude")
    Evaluation.objects.create(
        request=booking_request, rating=4, went_well="Names of pupils", what_changed="More"
    )

    booking_anonymise(booking_request=booking_request)

    booking_request.refresh_from_db()
    engagement.refresh_from_db()
    evaluation = Evaluation.objects.get(request=booking_request)
    assert booking_request.media_outlet == ""
    assert booking_request.media_questions == "" and booking_request.media_support_person == ""
    assert evaluation.went_well == "" and evaluation.what_changed == ""
    assert evaluation.rating == 4  # reports keep the rating
    assert engagement.expert_feedback.how_it_went == ""
    contact.refresh_from_db()
    assert contact.is_active is False
    assert BookingRequest.objects.filter(pk=booking_request.pk, contact__isnull=True).exists()


def test_anonymisation_keeps_a_recently_active_contact_account():
    contact, booking_request = _contact_with_request(status=RequestStatus.CLOSED)
    contact.last_login = timezone.now()
    contact.save()
    booking_anonymise(booking_request=booking_request)
    contact.refresh_from_db()
    assert contact.is_active is True
