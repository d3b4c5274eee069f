"""Coordinators' own texts for emails with a structured part: the expert's question (facts block)
and the daily overview (news per request). Saved through the editor, previewed, and used for the
next email in the reader's language, with the structured part kept from the standard text."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories.accounts import CoordinatorFactory, UserFactory, english_admin
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import BookingRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    coordinator = english_admin(CoordinatorFactory(preferred_language="en"))
    client.force_login(coordinator)
    return coordinator


def edit_url(language, template):
    return reverse("email_texts:edit", args=[language, template])


def save(client, language, template, subject, body):
    response = client.post(
        edit_url(language, template), {"action": "save", "subject": subject, "body": body}
    )
    assert response.status_code == 302, response.content.decode()


def test_the_experts_question_uses_her_language_and_keeps_the_facts(
    client, coordinator, run_on_commit, mailoutbox
):
    template = "bookings/expert_asked"
    start = client.get(edit_url("en", template)).content.decode()
    assert "{{ details }}" in start and "{{ yes_url }}" in start and "{{ intro }}" in start

    body = (
        "{greeting} {{{{ first_name }}}},\n\n{{{{ intro }}}}\n\n{{{{ details }}}}\n\n"
        "{yes}: {{{{ yes_url }}}}\n{no}: {{{{ no_url }}}}"
    )
    save(
        client,
        "nl",
        template,
        "Vraag voor {{ first_name }}: {{ kind }} in {{ city }}",
        body.format(greeting="Hoi", yes="Ja", no="Nee"),
    )
    save(
        client,
        "en",
        template,
        "A question for {{ first_name }}: {{ kind }} in {{ city }}",
        body.format(greeting="Hi", yes="Yes", no="No"),
    )
    preview = client.post(
        edit_url("en", template),
        {"action": "preview", "subject": "Q {{ city }}", "body": "{{ details }}"},
    ).content.decode()
    assert "Q Utrecht" in preview
    assert "What, organisation, topics, when, where, fee" in preview

    booking_request = MatchingRequestFactory(place="Stationsplein 5, Utrecht")
    option = booking_request.date_options.get()
    experts = {
        language: FittingExpertFactory(
            user=UserFactory(first_name=name, preferred_language=language)
        )
        for language, name in (("nl", "Noor"), ("en", "Eve"))
    }
    for expert in experts.values():
        booking_request.refresh_from_db()
        with run_on_commit():
            response = client.post(
                reverse("booking_requests:matching", args=[booking_request.pk]),
                {
                    "action": "ask",
                    "expert": expert.pk,
                    "date_option": option.pk,
                    "version": booking_request.version,
                },
            )
        assert response.status_code == 302
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    dutch = by_address[experts["nl"].user.email]
    english = by_address[experts["en"].user.email]
    assert dutch.subject == "Vraag voor Noor: Lezing of voorlichting in Utrecht"
    assert english.subject == "A question for Eve: Talk or information session in Utrecht"
    assert english.body.startswith("Hi Eve,\n\nA coordinator of Platform HOPE would like to ask")
    # The facts block of the standard text, with the town and never the street.
    assert f"What: Talk or information session — {booking_request.title}" in english.body
    assert "Where: In person, Utrecht" in english.body
    assert "Stationsplein" not in english.body
    assert "\nYes: http" in english.body and "\nNo: http" in english.body
    assert dutch.body.startswith("Hoi Noor,")
    assert "Wat: Lezing of voorlichting" in dutch.body


def run_digests():
    out = StringIO()
    call_command("send_coordinator_digests", stdout=out)
    return out.getvalue()


def test_the_daily_overview_with_an_own_text_keeps_its_news_per_request(
    client, coordinator, run_on_commit, mailoutbox
):
    save(
        client,
        "en",
        "bookings/coordinator_digest",
        "{{ summary }} (HOPE)",
        "Good morning,\n\nHere is what happened:\n\n{{ details }}\n\nHave a good day.",
    )
    coordinator.coordinator_emails = "digest"
    coordinator.save()
    booking_request = BookingRequestFactory(coordinator=coordinator, title="Training for police")
    client.force_login(booking_request.contact)
    with run_on_commit():
        client.post(
            reverse("bookings:request_message", args=[booking_request.reference]),
            {"body": "A private question", "version": booking_request.version},
        )
    mailoutbox.clear()
    with time_machine.travel(timezone.now() + dt.timedelta(hours=1), tick=False), run_on_commit():
        assert "1 digest(s)" in run_digests()
    [digest] = mailoutbox
    assert digest.subject == "Daily overview: news on 1 request (HOPE)"
    assert digest.body.startswith("Good morning,\n\nHere is what happened:\n\n")
    assert f"{booking_request.reference} – Training for police" in digest.body
    assert "- The organisation sent a message." in digest.body
    assert reverse("booking_requests:inspect", args=[booking_request.pk]) in digest.body
    assert "A private question" not in digest.body
    assert digest.body.rstrip().endswith("Have a good day.")
