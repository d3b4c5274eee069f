"""A guest who confirms her request by the emailed link lands on her request, in any browser."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from bookings.enums import RequestStatus
from bookings.models import BookingRequest
from tests.bookings.test_intake import URL, guest_data
from tests.factories.accounts import CoordinatorFactory

pytestmark = pytest.mark.django_db


def _link(body):
    return re.search(r"http://testserver(\S+)", body).group(1)


def _submit_as_guest(client, run_on_commit, mailoutbox):
    CoordinatorFactory()
    with run_on_commit():
        assert client.post(URL, guest_data()).status_code == 302
    (message,) = mailoutbox
    mailoutbox.clear()
    return _link(message.body)


@pytest.mark.parametrize("same_browser", [True, False], ids=["same-browser", "new-browser"])
def test_confirming_guest_lands_on_her_request_after_a_login_code(
    client, run_on_commit, mailoutbox, same_browser
):
    confirm_path = _submit_as_guest(client, run_on_commit, mailoutbox)
    browser = client if same_browser else Client()

    assert browser.get(confirm_path).status_code == 200
    with run_on_commit():
        response = browser.post(confirm_path, follow=True)
    booking_request = BookingRequest.objects.get()
    assert booking_request.status == RequestStatus.IN_TRIAGE
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("bookings:address_confirmed")
    assert booking_request.reference in html
    assert "Email me a login code" not in html  # Dutch by default
    assert "Stuur mij een inlogcode" in html
    assert "sanne@example.org" in html
    mailoutbox.clear()

    # The button asks allauth for a code, then the code leads to the request itself.
    detail = reverse("bookings:request_detail", kwargs={"reference": booking_request.reference})
    with run_on_commit():
        response = browser.post(
            reverse("account_request_login_code"),
            {"email": "sanne@example.org", "next": detail},
            follow=True,
        )
    assert response.status_code == 200
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mailoutbox[-1].body, re.M).group(1)
    confirm_code = response.redirect_chain[-1][0]
    response = browser.post(confirm_code, {"code": code}, follow=True)
    assert response.redirect_chain[-1][0] == detail
    assert booking_request.title in response.content.decode()


def test_logged_in_person_confirming_goes_straight_to_her_request(
    client, run_on_commit, mailoutbox
):
    confirm_path = _submit_as_guest(client, run_on_commit, mailoutbox)
    user = BookingRequest.objects.get().contact
    client.force_login(user)
    with run_on_commit():
        response = client.post(confirm_path, follow=True)
    reference = BookingRequest.objects.get().reference
    assert response.redirect_chain[-1][0] == reverse(
        "bookings:request_detail", kwargs={"reference": reference}
    )


def test_landing_page_without_a_confirmation_goes_to_login(client):
    response = client.get(reverse("bookings:address_confirmed"))
    assert response["Location"].startswith(reverse("account_login"))
