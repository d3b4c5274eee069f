"""A coordinator finds an email that failed while the mail server was down and resends it."""

import pytest
from wagtail.users.models import UserProfile

from hope.emails import send_templated_email
from hope.models import OutboundEmail
from hope.outbox.services import outbound_emails_send_due
from tests.factories.accounts import PASSWORD, CoordinatorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_coordinator_resends_a_failed_email(
    page, live_server, settings, mailoutbox, serious_axe_violations
):
    coordinator = CoordinatorFactory(email="coordinator@example.org", preferred_language="en")
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    settings.EMAIL_BACKEND = "tests.mail_backends.OutageEmailBackend"
    settings.TEST_MAIL_SERVER_DOWN = True
    send_templated_email(
        to="organisation@example.org",
        template="test_message",
        context={"name": "Robin"},
        language="en",
        recipient_role="organisation",
    )
    email = OutboundEmail.objects.get()
    while email.status == "retrying":
        outbound_emails_send_due(now=email.next_attempt_at)
        email.refresh_from_db()
    assert email.status == "failed"
    settings.TEST_MAIL_SERVER_DOWN = False

    page.goto(f"{live_server.url}/accounts/inloggen/?next=/admin/failed_emails/")
    page.fill("input[type=email]", coordinator.email)
    page.fill("input[type=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/admin/failed_emails/")
    row = page.locator("tr", has_text="test_message")
    assert row.get_by_text("Failed").count() == 1
    assert row.get_by_text("ConnectionRefusedError").count() == 1
    assert serious_axe_violations(page) == []

    row.get_by_role("link", name="Resend").click()
    page.wait_for_url("**/admin/outbound_emails/resend/**")
    assert page.get_by_text("This email was not delivered.").count() == 1
    assert serious_axe_violations(page) == []
    page.get_by_role("button", name="Yes, send it again").click()
    page.wait_for_url(f"{live_server.url}/admin/failed_emails/")
    assert page.get_by_text("The email will be sent again shortly.").count() == 1
    email.refresh_from_db()
    assert email.status == "sent"
    assert [message.to for message in mailoutbox] == [["organisation@example.org"]]
