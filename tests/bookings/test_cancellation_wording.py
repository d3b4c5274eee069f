"""Issue 12: a cancellation says what happened. The coordinator reads who is cancelled, on which
day, and who is told; the expert's email says what, for whom, when, and a kind word."""

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.users.models import UserProfile

from bookings.enums import EngagementStatus
from bookings.services import engagements as services
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import OrganisationFactory
from tests.factories.speakers import TopicFactory

pytestmark = pytest.mark.django_db


def coordinator_in(language):
    user = CoordinatorFactory(preferred_language=language)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def confirmed_engagement(coordinator, run_on_commit, *, expert_language):
    booking_request = MatchingRequestFactory(
        title="Signalen herkennen",
        organisation=OrganisationFactory(name="Gemeente Lindendal"),
    )
    booking_request.topics.add(TopicFactory(name="Grooming"))
    expert = FittingExpertFactory(
        with_user=True, public_name="Merel", user__preferred_language=expert_language
    )
    expert.topics.add(*booking_request.topics.all())
    with run_on_commit():
        engagement = services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            date_option=booking_request.date_options.get(),
        )
        services.engagement_expert_answer(engagement=engagement, actor=expert.user, accepted=True)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    return engagement


def cancel_in_the_workspace(client, engagement, run_on_commit):
    with run_on_commit():
        return client.post(
            reverse("booking_requests:inspect", args=[engagement.request.pk]),
            {
                "action": "cancel",
                "engagement": engagement.pk,
                "version": engagement.request.version,
                "reason": "De training is verschoven naar volgend jaar.",
            },
            follow=True,
        )


def test_the_coordinator_reads_what_was_cancelled_and_who_is_told(
    client, run_on_commit, mailoutbox
):
    coordinator = coordinator_in("nl")
    engagement = confirmed_engagement(coordinator, run_on_commit, expert_language="nl")
    client.force_login(coordinator)

    response = cancel_in_the_workspace(client, engagement, run_on_commit)

    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CANCELLED
    (message,) = [str(m).strip() for m in response.context["messages"]]
    with translation.override("nl"):
        day = formats.date_format(timezone.localtime(engagement.starts_at), "j F Y")
    assert message == (
        f"De inzet van Merel op {day} gaat niet door. Merel en de organisatie krijgen een e-mail."
    )
    assert message in response.content.decode()
    assert "Opgeslagen: Merel" not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "nl",
            [
                "Deze inzet gaat niet door.",
                "Wat: ",
                "Signalen herkennen",
                "Grooming",
                "Organisatie: Gemeente Lindendal (Gemeente)",
                "Je hoeft niets te doen.",
                "Dank je wel voor je tijd.",
            ],
        ),
        (
            "en",
            [
                "This engagement does not go ahead.",
                "What: ",
                "Signalen herkennen",
                "Grooming",
                "Organisation: Gemeente Lindendal (Municipality)",
                "You do not need to do anything.",
                "Thank you for your time.",
            ],
        ),
    ],
)
def test_the_expert_reads_what_for_whom_and_when(
    client, run_on_commit, mailoutbox, language, lines
):
    coordinator = coordinator_in("en")
    engagement = confirmed_engagement(coordinator, run_on_commit, expert_language=language)
    client.force_login(coordinator)
    mailoutbox.clear()

    cancel_in_the_workspace(client, engagement, run_on_commit)

    (email,) = [m for m in mailoutbox if m.to == [engagement.expert.user.email]]
    with translation.override(language):
        when = formats.date_format(timezone.localtime(engagement.starts_at), "l j F Y H:i")
        day = formats.date_format(timezone.localtime(engagement.starts_at), "j F")
    for line in lines:
        assert line in email.body
    assert when in email.body
    assert day in email.subject
    # The coordinator's reason is internal: never in her email.
    assert "volgend jaar" not in email.body
