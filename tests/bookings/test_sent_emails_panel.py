"""The request workspace shows the emails about that request, and a failed one can be resent."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bookings.services.request_messages import message_post
from hope.models import OutboundEmail
from hope.outbox.services import outbound_emails_send_due
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin
from tests.factories.backoffice import MatchingRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_coordinator_sees_and_resends_a_failed_email_on_the_request(
    client, settings, run_on_commit, mailoutbox
):
    booking_request = MatchingRequestFactory()
    other_request = MatchingRequestFactory()
    coordinator = english_admin(CoordinatorFactory())
    settings.EMAIL_BACKEND = "tests.mail_backends.OutageEmailBackend"
    settings.TEST_MAIL_SERVER_DOWN = True
    with run_on_commit():
        message_post(
            booking_request=booking_request,
            author=coordinator,
            body="Could you tell us more about the audience?",
        )
    email = OutboundEmail.objects.get(booking_request_id=booking_request.pk)
    assert email.template == "bookings/new_message"
    assert email.recipient_role == "organisation"
    moment = timezone.now()
    while email.status == "retrying":
        moment = email.next_attempt_at + dt.timedelta(seconds=1)
        outbound_emails_send_due(now=moment)
        email.refresh_from_db()

    client.force_login(coordinator)
    workspace = reverse("booking_requests:inspect", args=[booking_request.pk])
    page = client.get(workspace).content.decode()
    assert "Sent emails" in page
    assert "bookings/new_message" in page
    assert "ConnectionRefusedError" in page
    resend_url = reverse("outbound_emails:resend", args=[email.pk])
    assert resend_url in page
    # Another request's workspace does not list this email.
    other_page = client.get(reverse("booking_requests:inspect", args=[other_request.pk]))
    assert resend_url not in other_page.content.decode()

    settings.TEST_MAIL_SERVER_DOWN = False
    with run_on_commit():
        response = client.post(resend_url, {"next": workspace})
    assert response.status_code == 302 and response.url == workspace
    email.refresh_from_db()
    assert email.status == "sent"
    [message] = mailoutbox
    assert message.to == [booking_request.contact.email]
    assert booking_request.reference in message.subject + message.body

    client.force_login(EditorFactory())
    assert client.post(resend_url, {"next": workspace}).status_code == 403
