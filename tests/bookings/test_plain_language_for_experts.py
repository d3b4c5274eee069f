"""Issue 12, B1: the expert's pages and emails say one thing per line, the action first, and every
question to her carries the "your rights" line; in Dutch she is "je", in English plain words."""

import datetime as dt

import pytest
from django.urls import reverse, translate_url
from django.utils import timezone

from bookings.enums import EngagementStatus, RequestStatus
from bookings.services import engagements as services
from bookings.services.followup import run_followups
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.followup import DeliveredEngagementFactory, ExpertWithUserFactory

pytestmark = pytest.mark.django_db

RIGHTS = {
    "nl": "Jouw rechten: Je mag nee zeggen. Je mag later stoppen of van gedachten veranderen. "
    "Je hoeft nooit te zeggen waarom.",
    "en": "Your rights: You may say no. You may stop or change your mind later. "
    "You never have to say why.",
}


def ask(expert, run_on_commit):
    booking_request = MatchingRequestFactory(title="Signalen herkennen")
    with run_on_commit():
        return services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=CoordinatorFactory(),
            date_option=booking_request.date_options.get(),
        )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_question_email_carries_the_rights_line(run_on_commit, mailoutbox, language):
    expert = FittingExpertFactory(with_user=True, user__preferred_language=language)
    ask(expert, run_on_commit)

    (email,) = [m for m in mailoutbox if m.to == [expert.user.email]]
    assert RIGHTS[language] in email.body


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "nl",
            [
                "Een inzet is verplaatst naar een andere tijd.",
                "Je antwoord was voor de oude tijd. Daarom vragen we het je opnieuw.",
            ],
        ),
        (
            "en",
            [
                "An engagement has moved to another time.",
                "Your answer was for the old time. So we ask you again.",
            ],
        ),
    ],
)
def test_a_move_asks_again_in_short_sentences(run_on_commit, mailoutbox, language, lines):
    expert = FittingExpertFactory(with_user=True, user__preferred_language=language)
    coordinator = CoordinatorFactory()
    engagement = ask(expert, run_on_commit)
    services.engagement_expert_answer(engagement=engagement, actor=expert.user, accepted=True)
    mailoutbox.clear()
    new_start = engagement.starts_at + dt.timedelta(days=1)

    with run_on_commit():
        services.engagement_reschedule(
            engagement=engagement,
            actor=coordinator,
            starts_at=new_start,
            ends_at=new_start + dt.timedelta(hours=2),
        )

    (email,) = [m for m in mailoutbox if m.to == [expert.user.email]]
    for line in lines:
        assert line in email.body
    assert RIGHTS[language] in email.body


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "nl",
            [
                "Je zegt ja.",
                "We zetten de datum vast als alles geregeld is.",
                "Dan staat het in je agenda en hoort de organisatie het.",
                "Jouw rechten",
            ],
        ),
        (
            "en",
            [
                "You are saying yes.",
                "We fix the date when everything is arranged.",
                "Then it is in your calendar, and the organisation is told.",
                "Your rights",
            ],
        ),
    ],
)
def test_the_answer_page_says_one_thing_per_line(client, run_on_commit, language, lines):
    expert = FittingExpertFactory(with_user=True, user__preferred_language=language)
    engagement = ask(expert, run_on_commit)
    client.force_login(expert.user)

    url = translate_url(reverse("engagements:answer", args=[engagement.pk]), language)
    html = client.get(url + "?choice=yes").content.decode()

    for line in lines:
        assert line in html


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("nl", ["Jij bepaalt wat je doet, wanneer, en hoe je zichtbaar bent.", "Je kunt nee"]),
        ("en", ["You decide what you do, when, and how you appear.", "You can say no"]),
    ],
)
def test_the_portal_start_page_in_plain_words(client, language, lines):
    expert = ExpertWithUserFactory(user__preferred_language=language)
    client.force_login(expert.user)

    html = client.get(translate_url(reverse("speakers:dashboard"), language)).content.decode()

    for line in lines:
        assert line in html


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("nl", ["Hoe ging het? Dat horen we graag.", "Alleen de coördinatoren lezen je antwoord."]),
        (
            "en",
            ["How did it go? We would like to know.", "Only the coordinators read your answer."],
        ),
    ],
)
def test_the_how_did_it_go_email_asks_simply_and_names_her_rights(
    run_on_commit, mailoutbox, language, lines
):
    expert = ExpertWithUserFactory(user__preferred_language=language, feedback_emails=True)
    engagement = DeliveredEngagementFactory(expert=expert)
    engagement.status = EngagementStatus.AFTERCARE_DONE
    engagement.aftercare_recorded_at = timezone.now() - dt.timedelta(hours=1)
    engagement.save(update_fields=["status", "aftercare_recorded_at"])
    engagement.request.status = RequestStatus.DELIVERED
    engagement.request.save(update_fields=["status"])

    with run_on_commit():
        run_followups(now=timezone.now())

    emails = [m for m in mailoutbox if m.to == [expert.user.email]]
    (email,) = [m for m in emails if lines[0] in m.body]
    for line in lines:
        assert line in email.body
    assert RIGHTS[language] in email.body


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "nl",
            [
                "Dank je wel voor je ja.",
                "De inzet is bevestigd.",
                "Hij staat in je agenda.",
                "De dag erna belt een coördinator je.",
                "Jullie praten kort over hoe het ging.",
            ],
        ),
        (
            "en",
            [
                "Thank you for saying yes.",
                "The engagement is confirmed.",
                "It is in your calendar.",
                "The day after, a coordinator will contact you.",
                "You talk briefly about how it went.",
            ],
        ),
    ],
)
def test_the_confirmation_email_says_one_thing_per_line(language, lines):
    from django.template.loader import render_to_string
    from django.utils import translation

    from bookings.models import Engagement

    expert = FittingExpertFactory(with_user=True, user__preferred_language=language)
    engagement = Engagement(
        request=MatchingRequestFactory(),
        expert=expert,
        starts_at=timezone.now(),
        ends_at=timezone.now() + dt.timedelta(hours=2),
    )
    with translation.override(language):
        body = render_to_string(
            "bookings/admin/email/engagement_confirmed_expert.txt",
            {"recipient": expert.user, "engagement": engagement, "kind": "", "mode": ""},
        )
    body_lines = [line.strip() for line in body.splitlines()]
    for line in lines:
        assert line in body_lines


def test_the_thank_you_page_after_yes_by_email_uses_short_sentences(client, run_on_commit):
    from bookings.services import expert_answers

    expert = FittingExpertFactory(with_user=True, user__preferred_language="nl")
    engagement = ask(expert, run_on_commit)
    link = expert_answers.issue_link(engagement=engagement, purpose="answer")
    url = reverse("engagements:link", args=[expert_answers.make_token(link, "yes")])
    html = client.post(url, {}, follow=True).content.decode()
    assert "Dank je wel voor je ja." in html
    assert (
        "We regelen nog een paar dingen. Daarna bevestigt een coördinator de datum met je." in html
        or "De datum staat vast. Hij staat in je agenda." in html
    )
