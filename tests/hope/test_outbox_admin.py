"""Coordinators see failed emails and the sent log in the admin and can resend; nobody else can."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from hope.emails import send_templated_email
from hope.models import OutboundEmail, OutboundEmailStatus
from hope.outbox.services import outbound_emails_send_due
from tests.factories import UserFactory
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin

pytestmark = pytest.mark.django_db
OUTAGE_BACKEND = "tests.mail_backends.OutageEmailBackend"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator_client(client):
    coordinator = english_admin(CoordinatorFactory())
    client.force_login(coordinator)
    return client


@pytest.fixture
def failed_email(run_on_commit, settings):
    """An email that failed every attempt while the mail server was down."""
    settings.EMAIL_BACKEND = OUTAGE_BACKEND
    settings.TEST_MAIL_SERVER_DOWN = True
    with run_on_commit():
        send_templated_email(
            to="expert@example.org",
            template="test_message",
            context={"name": "Noor"},
            language="en",
            booking_request_id=7,
            recipient_role="expert",
        )
    email = OutboundEmail.objects.get()
    moment = timezone.now()
    while email.status == OutboundEmailStatus.RETRYING:
        moment = email.next_attempt_at + dt.timedelta(seconds=1)
        outbound_emails_send_due(now=moment)
        email.refresh_from_db()
    return email


def test_coordinator_sees_a_failed_email_and_resends_it(
    coordinator_client, failed_email, settings, mailoutbox, run_on_commit
):
    response = coordinator_client.get(reverse("failed_emails:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "test_message" in page
    assert "Expert" in page
    assert "Failed" in page
    assert "ConnectionRefusedError" in page
    assert "expert@example.org" not in page  # the list shows the role, not the address
    resend_url = reverse("outbound_emails:resend", args=[failed_email.pk])
    assert resend_url in page
    assert reverse("booking_requests:inspect", args=[7]) in page  # the request it is about

    settings.TEST_MAIL_SERVER_DOWN = False
    with run_on_commit():
        response = coordinator_client.post(
            resend_url, {"next": reverse("failed_emails:index")}, follow=True
        )
    assert "The email will be sent again shortly." in response.content.decode()
    failed_email.refresh_from_db()
    assert failed_email.status == OutboundEmailStatus.SENT
    [message] = mailoutbox
    assert message.to == ["expert@example.org"]
    assert "Hello Noor," in message.body
    # Sent now, so no longer listed as needing attention; the same row is not sent twice.
    page = coordinator_client.get(reverse("failed_emails:index")).content.decode()
    assert "ConnectionRefusedError" not in page
    assert OutboundEmail.objects.count() == 1
    assert len(mailoutbox) == 1


def test_resend_asks_to_confirm_first(coordinator_client, failed_email):
    response = coordinator_client.get(
        reverse("outbound_emails:resend", args=[failed_email.pk]),
        {"next": "https://elsewhere.example/"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Send this email again?" in page
    assert "This email was not delivered." in page
    assert "https://elsewhere.example/" not in page  # back to the sent log, never off-site
    failed_email.refresh_from_db()
    assert failed_email.status == OutboundEmailStatus.FAILED


def test_sent_log_filters_by_status_and_template(coordinator_client, run_on_commit):
    with run_on_commit():
        send_templated_email(
            to="a@example.org", template="test_message", context={"name": "A"}, language="nl"
        )
    OutboundEmail.objects.create(
        template="bookings/receipt",
        to_address="b@example.org",
        recipient_role="organisation",
        language="en",
        status="retrying",
        message_id="<x@example.org>",
    )
    url = reverse("outbound_emails:index")

    def rows(**filters):
        page = coordinator_client.get(url, filters).content.decode()
        return set(re.findall(r"<td[^>]*>\s*(test_message|bookings/receipt)\s*</td>", page))

    assert rows() == {"test_message", "bookings/receipt"}
    assert rows(status="sent") == {"test_message"}
    assert rows(template="bookings/receipt") == {"bookings/receipt"}
    assert rows(created_from=timezone.localdate().isoformat()) == {
        "test_message",
        "bookings/receipt",
    }
    with time_machine.travel(timezone.now() + dt.timedelta(days=3)):
        later = timezone.localdate().isoformat()
    assert rows(created_from=later) == set()


def test_editors_and_others_cannot_see_or_resend_emails(client, failed_email):
    urls = [reverse("failed_emails:index"), reverse("outbound_emails:index")]
    resend_url = reverse("outbound_emails:resend", args=[failed_email.pk])
    for user in (EditorFactory(), UserFactory()):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert b"test_message" not in response.content
        response = client.post(resend_url)
        assert response.status_code in (302, 403)
    editor = EditorFactory()
    client.force_login(editor)
    assert client.get(urls[0]).status_code == 403
    assert client.post(resend_url).status_code == 403
    failed_email.refresh_from_db()
    assert failed_email.status == OutboundEmailStatus.FAILED


@override_settings(LANGUAGE_CODE="en")
def test_coordinator_menu_lists_the_emails(coordinator_client):
    page = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("failed_emails:index") in page
    assert reverse("outbound_emails:index") in page
