"""The listing's "waiting on the organisation" (issue 13): requests with more information asked,
and media interviews whose journalist still owes details (questions, support person, quote review,
the acceptance of the expert's conditions) while the date is not fixed yet."""

import pytest
from django.urls import reverse
from django.utils import translation

from bookings.enums import EngagementStatus, RequestStatus
from bookings.gates import media_details_missing_q, media_missing
from bookings.models import BookingRequest
from bookings.services.media import media_agreement_prepare
from tests.factories.accounts import CoordinatorFactory, english_admin
from tests.factories.bookings import BookingRequestFactory, EngagementFactory
from tests.factories.media import accept_conditions

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator_client(client):
    client.force_login(english_admin(CoordinatorFactory()))
    return client


def listing(client, **params):
    return client.get(reverse("booking_requests:index"), params).content.decode()


def test_the_shortcut_lists_more_info_and_media_requests_missing_details(coordinator_client):
    more_info = BookingRequestFactory(title="Asked for more", status=RequestStatus.MORE_INFO_NEEDED)
    no_support = BookingRequestFactory(
        media=True,
        media_gates_met=True,
        media_support_person="  ",
        status=RequestStatus.MATCHING,
        title="Radio without a support person",
    )
    no_questions = BookingRequestFactory(
        media=True,
        media_gates_met=True,
        media_questions="",
        status=RequestStatus.IN_TRIAGE,
        title="Podcast without questions",
    )
    no_quotes = BookingRequestFactory(
        media=True,
        media_gates_met=True,
        media_quote_review_agreed=False,
        status=RequestStatus.EXPERT_ASKED,
        title="Paper without quote review",
    )
    complete = BookingRequestFactory(
        media=True, media_gates_met=True, status=RequestStatus.MATCHING, title="Complete radio"
    )
    talk = BookingRequestFactory(status=RequestStatus.MATCHING, title="An ordinary talk")
    closed = BookingRequestFactory(
        media=True, status=RequestStatus.CLOSED, title="Old interview, closed"
    )

    page = listing(coordinator_client)
    assert "waiting_on_organisation=true" in page  # the built-in shortcut

    page = listing(coordinator_client, waiting_on_organisation="true")
    for shown in (more_info, no_support, no_questions, no_quotes):
        assert shown.title in page, shown.title
    for hidden in (complete, talk, closed):
        assert hidden.title not in page, hidden.title

    page = listing(coordinator_client, waiting_on_organisation="false")
    assert complete.title in page and no_support.title not in page


def test_conditions_sent_and_not_accepted_wait_on_the_journalist(coordinator_client):
    booking_request = BookingRequestFactory(
        media=True, media_gates_met=True, status=RequestStatus.EXPERT_ASKED, title="TV, sent"
    )
    engagement = EngagementFactory(request=booking_request, status=EngagementStatus.ACCEPTED)
    media_agreement_prepare(engagement=engagement)
    assert booking_request.title in listing(coordinator_client, waiting_on_organisation="true")

    accept_conditions(engagement)
    assert booking_request.title not in listing(coordinator_client, waiting_on_organisation="true")


def test_a_fixed_date_no_longer_waits_on_the_details(coordinator_client):
    booking_request = BookingRequestFactory(
        media=True, status=RequestStatus.SCHEDULED, title="Interview with a date"
    )
    EngagementFactory(request=booking_request, status=EngagementStatus.CONFIRMED)
    assert booking_request.title not in listing(coordinator_client, waiting_on_organisation="true")


def test_the_query_agrees_with_the_gate():
    """One rule, two forms: the listing's query and the workspace's sentences."""
    variants = [
        {},
        {"media_questions": ""},
        {"media_questions": " \n "},
        {"media_support_person": ""},
        {"media_quote_review_agreed": False},
    ]
    requests = [
        BookingRequestFactory(media=True, media_gates_met=True, status="matching", **fields)
        for fields in variants
    ]
    found = set(
        BookingRequest.objects.filter(media_details_missing_q()).values_list("pk", flat=True)
    )
    for booking_request in requests:
        generic = [
            sentence
            for sentence in media_missing(booking_request)
            if "identity conditions" not in sentence
        ]
        assert (booking_request.pk in found) == bool(generic), booking_request.__dict__
