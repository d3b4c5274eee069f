"""A coordinator edits the "more information needed" email, previews it, asks an organisation
for more information with a saved reply, sees the email delivered in the request's sent log,
and sends it again from there."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from bookings.enums import RequestStatus
from hope.mailtemplates.models import EmailTemplateOverride
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.bookings import BookingRequestFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_edit_preview_send_with_a_saved_reply_and_see_it_delivered(
    page, live_server, mailoutbox, serious_axe_violations
):
    coordinator = CoordinatorFactory(email="coordinator@example.org", preferred_language="en")
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    booking_request = BookingRequestFactory(status=RequestStatus.IN_TRIAGE)
    booking_request.contact.preferred_language = "en"
    booking_request.contact.save()

    page.goto(f"{live_server.url}/accounts/inloggen/?next=/admin/email_texts/")
    page.fill("input[type=email]", coordinator.email)
    page.fill("input[type=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/admin/email_texts/")
    page.get_by_role("row", name="More information needed").get_by_role(
        "link", name="Standard text"
    ).nth(1).click()  # the English column
    page.wait_for_url("**/email_texts/en/bookings/more_info_needed/")
    assert "{{ reference }}" in page.locator("textarea").input_value()
    assert serious_axe_violations(page) == []

    page.fill("input[name=subject]", "One question about {{ reference }}")
    page.fill(
        "textarea",
        "Dear {{ first_name }},\n\nWe have one question before we look for an expert.\n\n"
        "{{ request_url }}",
    )
    page.get_by_role("button", name="Preview").click()
    page.locator("#preview-title").wait_for()
    page.screenshot(path="/tmp/shot-email-preview.png", full_page=True)
    assert page.get_by_text("One question about HOPE-2026-0042").count() >= 1
    assert page.locator("iframe.hope-email-preview-frame").count() == 1
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The email text is saved").wait_for()
    assert page.get_by_text("The email text is saved").count() == 1
    assert EmailTemplateOverride.objects.filter(language="en").count() == 1

    workspace = reverse("booking_requests:inspect", args=[booking_request.pk])
    page.goto(f"{live_server.url}{workspace}")
    step = page.locator("#step-more_info_needed")
    step.locator("summary").click()
    step.get_by_role("link", name="More information needed").first.click()
    page.wait_for_url("**reply=*")
    step = page.locator("#step-more_info_needed")
    message = step.locator("textarea")
    assert "To find the right expert" in message.input_value()
    message.fill(message.input_value().replace("- \n", "- Which age group is the audience?\n"))
    step.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}{workspace}*")
    page.screenshot(path="/tmp/shot-workspace-sent.png", full_page=True)
    sent_log = page.locator("section[aria-labelledby=ws-sent-emails]")
    row = sent_log.locator("tr", has_text="bookings/more_info_needed")
    assert row.count() == 1
    assert row.get_by_text("Sent").count() == 1
    assert serious_axe_violations(page) == []
    mail = next(m for m in mailoutbox if m.to == [booking_request.contact.email])
    assert mail.subject == f"One question about {booking_request.reference}"
    assert "We have one question before we look for an expert." in mail.body

    # The delivered email is sent again from the panel, after a confirmation.
    row.get_by_role("link", name="Resend").click()
    page.wait_for_url("**/admin/outbound_emails/resend/**")
    assert page.get_by_text("This email was delivered.").count() == 1
    page.get_by_role("button", name="Yes, send it again").click()
    page.wait_for_url(f"{live_server.url}{workspace}*")
    assert page.get_by_text("A new copy of the email will be sent shortly").count() == 1
    sent_log = page.locator("section[aria-labelledby=ws-sent-emails]")
    rows = sent_log.locator("tr", has_text="bookings/more_info_needed")
    assert rows.count() == 2
    assert rows.filter(has_text="Copy").get_by_text("Sent").count() == 1
    copies = [m for m in mailoutbox if m.to == [booking_request.contact.email]]
    assert [m.subject for m in copies] == [mail.subject, mail.subject]
