"""Saved replies: coordinators keep them per language and insert one into a message box of the
workspace; the text stays editable, and what is sent is what the box held."""

import html

import pytest
from django.urls import reverse

from bookings.enums import RequestStatus
from bookings.models import Message, SavedReply
from tests.factories.accounts import CoordinatorFactory, EditorFactory, UserFactory, english_admin
from tests.factories.bookings import BookingRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    coordinator = english_admin(CoordinatorFactory())
    client.force_login(coordinator)
    return client


def workspace(booking_request):
    return reverse("booking_requests:inspect", args=[booking_request.pk])


def test_default_replies_exist_in_both_languages():
    for purpose in ("more_info_needed", "declined", "no_expert_available", "practical"):
        assert set(
            SavedReply.objects.filter(purpose=purpose).values_list("language", flat=True)
        ) == {"nl", "en"}


def test_coordinator_adds_a_saved_reply_in_the_admin(coordinator_client):
    response = coordinator_client.post(
        reverse("saved_replies:add"),
        {
            "title": "Welkom",
            "language": "nl",
            "purpose": "general",
            "body": "Dank voor uw bericht. We komen er snel op terug.",
        },
    )
    assert response.status_code == 302
    assert SavedReply.objects.filter(title="Welkom").exists()
    listing = coordinator_client.get(reverse("saved_replies:index")).content.decode()
    assert "Welkom" in listing


def test_an_empty_reply_is_refused_with_a_message(coordinator_client):
    response = coordinator_client.post(
        reverse("saved_replies:add"),
        {"title": "", "language": "nl", "purpose": "general", "body": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not SavedReply.objects.filter(title="").exists()


@pytest.mark.parametrize("make_user", [EditorFactory, UserFactory])
def test_editors_and_others_never_see_saved_replies(client, make_user):
    client.force_login(make_user())
    for url in (reverse("saved_replies:index"), reverse("saved_replies:add")):
        assert client.get(url).status_code in (302, 403)


def test_a_reply_is_inserted_into_the_step_and_stays_editable(coordinator_client):
    booking_request = BookingRequestFactory(status=RequestStatus.IN_TRIAGE)
    booking_request.contact.preferred_language = "en"
    booking_request.contact.save()
    reply = SavedReply.objects.get(purpose="more_info_needed", language="en")
    page = coordinator_client.get(workspace(booking_request)).content.decode()
    link = f"?reply={reply.pk}&amp;for=more_info_needed"
    assert link in page
    # The organisation's language comes first among the step's replies.
    box = page[page.index('id="step-more_info_needed"') :]
    dutch = SavedReply.objects.get(purpose="more_info_needed", language="nl")
    assert box.index(f"reply={reply.pk}&amp;") < box.index(f"reply={dutch.pk}&amp;")

    page = coordinator_client.get(
        workspace(booking_request) + f"?reply={reply.pk}&for=more_info_needed"
    ).content.decode()
    assert '<details id="step-more_info_needed" open>' in page
    assert reply.body.splitlines()[0] in html.unescape(page)

    edited = reply.body.replace("- ", "- Which age group is the audience?")
    response = coordinator_client.post(
        workspace(booking_request),
        {
            "action": "status",
            "status": "more_info_needed",
            "version": booking_request.version,
            "message": edited,
        },
    )
    assert response.status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.MORE_INFO_NEEDED
    assert booking_request.activities.filter(message__contains="Which age group").exists()


def test_a_reply_is_inserted_into_the_message_box(coordinator_client):
    booking_request = BookingRequestFactory(status=RequestStatus.MATCHING)
    reply = SavedReply.objects.get(purpose="practical", language="nl")
    page = coordinator_client.get(
        workspace(booking_request) + f"?reply={reply.pk}&for=message"
    ).content.decode()
    assert "Een paar praktische punten" in html.unescape(page)
    response = coordinator_client.post(
        workspace(booking_request),
        {"action": "message", "body": reply.body + "\nTot dan!"},
    )
    assert response.status_code == 302
    assert Message.objects.filter(request=booking_request, body__endswith="Tot dan!").exists()


def test_a_bad_reply_parameter_is_ignored(coordinator_client):
    booking_request = BookingRequestFactory()
    for query in ("?reply=abc&for=message", "?reply=999999&for=message", "?reply=1"):
        assert coordinator_client.get(workspace(booking_request) + query).status_code == 200
