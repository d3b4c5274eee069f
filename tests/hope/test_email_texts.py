"""Email texts coordinators edit in the admin: allow-listed placeholders, refused when they would
not render, previewed with sample data, used for the next email in its language, and a broken
text never loses an email."""

import pytest
from django.urls import reverse

from bookings.enums import RequestStatus
from hope.mailtemplates.models import EmailTemplateOverride
from tests.factories.accounts import CoordinatorFactory, EditorFactory, UserFactory, english_admin
from tests.factories.bookings import BookingRequestFactory

pytestmark = pytest.mark.django_db
TEMPLATE = "bookings/more_info_needed"


@pytest.fixture
def coordinator_client(client):
    coordinator = english_admin(CoordinatorFactory())
    client.force_login(coordinator)
    return client


def edit_url(language="nl", template=TEMPLATE):
    return reverse("email_texts:edit", args=[language, template])


def ask_for_more_information(client, booking_request):
    return client.post(
        reverse("booking_requests:inspect", args=[booking_request.pk]),
        {
            "action": "status",
            "status": RequestStatus.MORE_INFO_NEEDED,
            "version": booking_request.version,
            "message": "Which age group is the audience?",
        },
    )


def test_coordinators_see_the_editable_emails(coordinator_client):
    page = coordinator_client.get(reverse("email_texts:index")).content.decode()
    assert "More information needed" in page
    assert edit_url("en") in page


@pytest.mark.parametrize("make_user", [EditorFactory, UserFactory])
def test_editors_and_others_cannot_see_or_change_texts(client, make_user):
    client.force_login(make_user())
    assert client.get(reverse("email_texts:index")).status_code in (302, 403)
    assert client.get(edit_url()).status_code in (302, 403)
    client.post(edit_url(), {"action": "save", "subject": "x", "body": "y"})
    assert not EmailTemplateOverride.objects.exists()


def test_the_editor_starts_from_the_standard_text_with_placeholders(coordinator_client):
    page = coordinator_client.get(edit_url("nl")).content.decode()
    assert "{{ reference }}" in page
    assert "{{ request_url }}" in page
    assert "meer informatie" in page.lower()


def test_unknown_placeholder_is_refused_with_line_and_reason(coordinator_client):
    response = coordinator_client.post(
        edit_url("en"),
        {
            "action": "save",
            "subject": "Question about {{ reference }}",
            "body": "Hello,\n\nSee {{ booking_request.contact.email }} and {{ aftercare_notes }}.",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "line 3" in page
    assert "{{ booking_request.contact.email }}" in page
    assert "{{ aftercare_notes }}" in page
    assert not EmailTemplateOverride.objects.exists()


def test_template_tags_and_unclosed_placeholders_are_refused(coordinator_client):
    response = coordinator_client.post(
        edit_url("en"),
        {"action": "save", "subject": "Hi {{ reference", "body": "{% if x %}secret{% endif %}"},
    )
    assert response.status_code == 400
    assert "not closed" in response.content.decode()
    assert "not allowed" in response.content.decode()
    assert not EmailTemplateOverride.objects.exists()


def test_preview_uses_sample_data_in_both_parts(coordinator_client):
    response = coordinator_client.post(
        edit_url("en"),
        {
            "action": "preview",
            "subject": "A question about {{ reference }}",
            "body": "Dear {{ first_name }},\n\nPlease answer here: {{ request_url }}\n<b>bold?</b>",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "A question about HOPE-2026-0042" in page
    assert "Dear Sanne," in page
    assert not EmailTemplateOverride.objects.exists()  # a preview saves nothing
    # The HTML part is escaped like any user text: the <b> shows as text, not as markup.
    assert "&amp;lt;b&amp;gt;bold?" in page


def test_a_saved_text_is_sent_in_its_language_and_escaped_in_html(
    coordinator_client, mailoutbox, run_on_commit
):
    for language, greeting in (("nl", "Beste"), ("en", "Dear")):
        response = coordinator_client.post(
            edit_url(language),
            {
                "action": "save",
                "subject": f"{greeting}: {{{{ reference }}}}",
                "body": greeting + " {{ first_name }},\n\n<script>x</script>\n\n{{ request_url }}",
            },
        )
        assert response.status_code == 302
    dutch = BookingRequestFactory(status=RequestStatus.IN_TRIAGE)
    english = BookingRequestFactory(status=RequestStatus.IN_TRIAGE)
    english.contact.preferred_language = "en"
    english.contact.save()
    with run_on_commit():
        ask_for_more_information(coordinator_client, dutch)
        ask_for_more_information(coordinator_client, english)
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    nl_mail, en_mail = by_address[dutch.contact.email], by_address[english.contact.email]
    assert nl_mail.subject == f"Beste: {dutch.reference}"
    assert en_mail.subject == f"Dear: {english.reference}"
    assert f"Dear {english.contact.first_name}," in en_mail.body
    assert f"/en/portal/requests/{english.reference}/" in en_mail.body
    html = en_mail.alternatives[0][0]
    assert "<title>Dear: " in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert f'href="http://testserver/en/portal/requests/{english.reference}/"' in html


def test_reset_goes_back_to_the_standard_text(coordinator_client):
    coordinator_client.post(
        edit_url("en"), {"action": "save", "subject": "S {{ reference }}", "body": "B"}
    )
    assert EmailTemplateOverride.objects.count() == 1
    coordinator_client.post(edit_url("en"), {"action": "reset"})
    assert not EmailTemplateOverride.objects.exists()


def test_a_broken_text_at_send_time_falls_back_and_is_flagged(
    coordinator_client, mailoutbox, run_on_commit
):
    # A text saved under an older allow-list: its placeholder no longer exists.
    override = EmailTemplateOverride.objects.create(
        template=TEMPLATE, language="nl", subject="Vraag {{ old_name }}", body="Tekst"
    )
    booking_request = BookingRequestFactory(status=RequestStatus.IN_TRIAGE)
    with run_on_commit():
        ask_for_more_information(coordinator_client, booking_request)
    [mail] = mailoutbox
    assert booking_request.reference in mail.subject  # the standard text went out
    override.refresh_from_db()
    assert override.broken_reason
    page = coordinator_client.get(reverse("email_texts:index")).content.decode()
    assert "Problem" in page


def test_text_only_emails_get_an_html_part_with_a_title(mailoutbox, run_on_commit):
    from hope.emails import send_templated_email_to_user

    user = UserFactory()
    booking_request = BookingRequestFactory()
    with run_on_commit():
        send_templated_email_to_user(
            user=user,
            template="bookings/new_message",
            context={
                "booking_request": booking_request,
                "title": booking_request.title,
                "reference": booking_request.reference,
                "request_url": "http://testserver/x/",
            },
        )
    [mail] = mailoutbox
    html = mail.alternatives[0][0]
    assert f"<title>{mail.subject}</title>" in html
    assert 'href="http://testserver/x/"' in html
    assert "@" in mail.extra_headers.get("Message-ID", "") or "Message-ID" in str(mail.message())
