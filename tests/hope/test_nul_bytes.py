"""A NUL byte anywhere in an address is a clean 400, never a 500 (PostgreSQL refuses NUL in a
string literal, so it used to reach the database and fail there). Form fields refuse it with an
error and keep the rest of what was typed."""

import pytest
from django.urls import reverse

from bookings.models import Message
from tests.factories.accounts import CoordinatorFactory, EditorFactory
from tests.factories.bookings import BookingRequestFactory, MembershipFactory
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db

ANONYMOUS_URLS = [
    "/portaal/aanvragen/nieuw/?expert=%00",
    "/portaal/aanvragen/nieuw/?offering=%00",
    "/en/portal/requests/new/?expert=abc%00def",
    "/portaal/aanvragen/%00/",
    "/portaal/aanvragen/HOPE-2026-0001%00/bericht/",
    "/expert/agenda/1/%00.ics",
    "/expert/opdrachten/link/%00/",
    "/accounts/inloggen/?next=%00",
    "/%00/",
    "/zoeken/?q=%00",
    "/?%00=1",
    "/admin/?q=%00",
]


@pytest.mark.parametrize("url", ANONYMOUS_URLS)
def test_nul_in_path_or_query_is_a_400_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert b"400" in response.content
    assert b"Platform <strong>HOPE</strong>" in response.content
    assert "Ongeldig verzoek" in response.content.decode()  # Dutch, the default language


@pytest.mark.parametrize(
    "url",
    ["/portaal/?page=%00", "/portaal/aanvragen/%00/", "/portaal/aanvragen/nieuw/?expert=%00"],
)
def test_nul_is_a_400_for_signed_in_people_too(client, url):
    client.force_login(MembershipFactory().user)
    assert client.get(url).status_code == 400


def test_nul_is_a_400_for_experts_and_staff(client):
    client.force_login(ExpertFactory(with_user=True).user)
    assert client.get("/expert/calendar/?month=%00").status_code == 400
    client.force_login(CoordinatorFactory())
    assert client.get("/admin/bookings/?q=%00").status_code == 400
    client.force_login(EditorFactory())
    assert client.post("/admin/pages/search/?q=%00").status_code == 400


def test_plain_addresses_still_work(client):
    assert client.get("/portaal/aanvragen/nieuw/?expert=nobody").status_code == 200


def test_nul_in_a_message_is_a_form_error_that_keeps_the_text(client):
    membership = MembershipFactory()
    booking_request = BookingRequestFactory(
        organisation=membership.organisation, contact=membership.user
    )
    client.force_login(membership.user)
    response = client.post(
        reverse("bookings:request_message", args=[booking_request.reference]),
        {"body": "Hello\x00 there"},
    )
    assert response.status_code == 200
    assert response.context["message_form"].errors["body"]
    assert "Hello" in response.content.decode()
    assert not Message.objects.exists()
