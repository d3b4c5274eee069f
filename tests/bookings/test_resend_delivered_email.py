"""A coordinator sends a delivered email again from the request's "Sent emails" panel: she is
asked to confirm, a new copy (a new outbox row linked to the original) is rendered anew and
delivered, and the panel shows both. Others cannot."""

import pytest
from django.urls import reverse

from bookings.enums import RequestStatus
from hope.models import OutboundEmail, OutboundEmailStatus
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin
from tests.factories.bookings import BookingRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    coordinator = english_admin(CoordinatorFactory())
    client.force_login(coordinator)
    return client


@pytest.fixture
def delivered(coordinator_client, run_on_commit, mailoutbox):
    """The organisation was asked for more information; the email was delivered."""
    booking_request = BookingRequestFactory(status=RequestStatus.IN_TRIAGE)
    with run_on_commit():
        coordinator_client.post(
            reverse("booking_requests:inspect", args=[booking_request.pk]),
            {
                "action": "status",
                "status": RequestStatus.MORE_INFO_NEEDED,
                "version": booking_request.version,
                "message": "Which age group is the audience?",
            },
        )
    email = OutboundEmail.objects.get(template="bookings/more_info_needed")
    assert email.status == OutboundEmailStatus.SENT
    assert len(mailoutbox) == 1
    return booking_request, email


def test_a_delivered_email_is_resent_as_a_linked_copy(
    coordinator_client, delivered, run_on_commit, mailoutbox
):
    booking_request, original = delivered
    workspace = reverse("booking_requests:inspect", args=[booking_request.pk])
    page = coordinator_client.get(workspace).content.decode()
    resend = reverse("outbound_emails:resend", args=[original.pk])
    assert resend in page  # the delivered email has a "Resend" link in the panel

    confirm = coordinator_client.get(resend, {"next": workspace})
    assert confirm.status_code == 200
    text = confirm.content.decode()
    assert "Send this email again?" in text
    assert "This email was delivered. A new copy goes to the same recipient" in text
    assert len(mailoutbox) == 1  # nothing sent by looking

    with run_on_commit():
        response = coordinator_client.post(resend, {"next": workspace}, follow=True)
    assert response.redirect_chain[-1][0] == workspace
    page = response.content.decode()
    assert "A new copy of the email will be sent shortly" in page

    copy = OutboundEmail.objects.exclude(pk=original.pk).get()
    assert copy.resent_from == original
    assert copy.status == OutboundEmailStatus.SENT
    assert (copy.template, copy.to_address, copy.booking_request_id) == (
        original.template,
        original.to_address,
        original.booking_request_id,
    )
    assert copy.message_id != original.message_id
    original.refresh_from_db()
    assert original.status == OutboundEmailStatus.SENT  # the original's line is unchanged
    first, again = mailoutbox
    assert again.to == first.to == [booking_request.contact.email]
    assert again.subject == first.subject and booking_request.reference in again.subject

    # Both lines are in the request's sent log, the copy marked as such.
    sent_log = coordinator_client.get(workspace).content.decode()
    section = sent_log[sent_log.index('id="ws-sent-emails"') :]
    assert section.count("bookings/more_info_needed") == 2
    assert "Copy" in section


def test_an_email_handed_over_as_text_cannot_be_resent_once_delivered(
    coordinator_client, run_on_commit
):
    from hope.emails import enqueue_rendered_email

    with run_on_commit():
        enqueue_rendered_email(to=["someone@example.org"], subject="Your login code", text="123456")
    email = OutboundEmail.objects.get()
    url = reverse("outbound_emails:resend", args=[email.pk])
    page = coordinator_client.get(url).content.decode()
    assert "This email cannot be sent again" in page
    assert "Yes, send it again" not in page
    response = coordinator_client.post(url, follow=True)
    assert "This email cannot be sent again." in response.content.decode()
    assert OutboundEmail.objects.count() == 1


def test_editors_cannot_resend(client, delivered, mailoutbox):
    _booking_request, original = delivered
    client.force_login(EditorFactory())
    url = reverse("outbound_emails:resend", args=[original.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert OutboundEmail.objects.count() == 1
    assert len(mailoutbox) == 1
