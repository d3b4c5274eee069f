"""A guest whose confirmation email was lost asks for a new link, without revealing whether an
address has a waiting request."""

import pytest
from allauth.account.models import EmailAddress
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from bookings.enums import RequestStatus
from hope.models import OutboundEmail
from tests.factories.bookings import BookingRequestFactory

pytestmark = pytest.mark.django_db


def waiting_guest_request(email="guest@example.org", language="en"):
    booking_request = BookingRequestFactory(status=RequestStatus.AWAITING_CONFIRMATION)
    contact = booking_request.contact
    contact.email = email
    contact.preferred_language = language
    contact.save()
    EmailAddress.objects.filter(user=contact).delete()
    EmailAddress.objects.create(user=contact, email=email, primary=True, verified=False)
    return booking_request


def url():
    with translation.override("en"):
        return reverse("bookings:new_confirmation_link")


def test_reachable_from_the_request_sent_page_and_an_expired_link(client):
    with translation.override("en"):
        sent_page = client.get(reverse("bookings:request_sent")).content.decode()
        assert url() in sent_page
        assert "We will send you an email" in sent_page
        expired = client.get(reverse("account_confirm_email", args=["not-a-valid-key"]))
    assert expired.status_code == 200
    assert url() in expired.content.decode()
    assert "Send me a new confirmation link" in expired.content.decode()


def test_guest_gets_a_new_link_that_confirms_the_request(client, run_on_commit, mailoutbox):
    booking_request = waiting_guest_request(email="guest@example.org", language="en")
    page = client.get(url())
    assert page.status_code == 200
    with run_on_commit():
        response = client.post(url(), {"email": "Guest@Example.org "})
    assert response.status_code == 200
    assert "If a request is waiting for confirmation" in response.content.decode()
    [message] = mailoutbox
    assert message.to == ["guest@example.org"]
    assert booking_request.reference in message.subject + message.body
    email = OutboundEmail.objects.get()
    assert (email.template, email.booking_request_id) == (
        "bookings/guest_confirm",
        booking_request.pk,
    )
    link = next(
        word for word in message.body.split() if "/confirm-email/" in word or "bevestig" in word
    )
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.IN_TRIAGE


def test_dutch_guest_gets_the_link_in_dutch(client, run_on_commit, mailoutbox):
    waiting_guest_request(email="gast@example.org", language="nl")
    with run_on_commit():
        client.post(url(), {"email": "gast@example.org"})
    [message] = mailoutbox
    assert "bevestig" in (message.subject + message.body).lower()


def test_the_answer_is_the_same_for_an_unknown_address(client, run_on_commit, mailoutbox):
    waiting_guest_request(email="guest@example.org")
    with run_on_commit():
        known = client.post(url(), {"email": "guest@example.org"})
        unknown = client.post(url(), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert len(mailoutbox) == 1


def test_a_confirmed_request_gets_no_new_link(client, run_on_commit, mailoutbox):
    booking_request = waiting_guest_request(email="done@example.org")
    booking_request.status = RequestStatus.IN_TRIAGE
    booking_request.save()
    with run_on_commit():
        response = client.post(url(), {"email": "done@example.org"})
    assert response.status_code == 200
    assert mailoutbox == []


def test_bad_address_is_refused_and_kept(client):
    response = client.post(url(), {"email": "not an address"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="not an address"' in page
    assert "Enter a valid email address." in page or "geldig e-mailadres" in page


def test_rate_limited_per_visitor_and_per_address(client, run_on_commit, mailoutbox):
    waiting_guest_request(email="guest@example.org")
    with run_on_commit():
        answers = [client.post(url(), {"email": "guest@example.org"}) for _ in range(5)]
        blocked = client.post(url(), {"email": "guest@example.org"})
    assert [answer.status_code for answer in answers] == [200] * 5
    # Per address: three emails at most, the answer never changes.
    assert len(mailoutbox) == 3
    assert blocked.status_code == 429
    assert (
        "try again in an hour" in blocked.content.decode()
        or "over een uur" in blocked.content.decode()
    )


@override_settings(
    EMAIL_BACKEND="tests.mail_backends.OutageEmailBackend", TEST_MAIL_SERVER_DOWN=True
)
def test_while_the_mail_server_is_down_the_link_waits_in_the_outbox(client, run_on_commit):
    waiting_guest_request(email="guest@example.org")
    with run_on_commit():
        response = client.post(url(), {"email": "guest@example.org"})
    assert response.status_code == 200
    assert OutboundEmail.objects.get().status == "retrying"
