"""Email links for experts: signed, single-use, expiring; GET shows, POST acts."""

import datetime as dt
import re
import time

import pytest
from django.core import signing
from django.utils import translation

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import Activity, Engagement
from bookings.models.followup import EngagementLink
from bookings.services import engagements as services
from bookings.services import expert_answers
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import OrganisationFactory
from tests.factories.followup import ExpertWithUserFactory

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/\S*/link/\S+/)")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator():
    return CoordinatorFactory(preferred_language="en")


@pytest.fixture
def asked(coordinator, run_on_commit, mailoutbox):
    """An engagement asked through the service: the expert's email holds the two links."""
    expert = FittingExpertFactory(with_user=True, user__preferred_language="en")
    booking_request = MatchingRequestFactory(
        organisation=OrganisationFactory(name="Gemeente Lindendal"),
        title="Signals in youth care",
        fee_offered="150.00",
    )
    with run_on_commit():
        engagement = services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            date_option=booking_request.date_options.get(),
        )
    return engagement


def links_in(message):
    return LINK.findall(message.body)


def test_the_question_email_tells_everything_needed_and_has_yes_and_no_links(asked, mailoutbox):
    (message,) = [m for m in mailoutbox if asked.expert.user.email in m.to]
    assert message.subject == "A question for you: would you like to do this?"
    assert "Talk or information session" in message.body
    assert "Gemeente Lindendal (Municipality)" in message.body
    assert "Signals in youth care" in message.body
    assert "150.00" in message.body
    assert "Utrecht" in message.body
    yes_url, no_url = links_in(message)
    assert yes_url != no_url
    assert EngagementLink.objects.filter(engagement=asked, used_at__isnull=True).count() == 1


def test_the_question_email_for_a_media_interview_states_the_identity_conditions(
    coordinator, run_on_commit, mailoutbox
):
    expert = FittingExpertFactory(with_user=True, user__preferred_language="en")
    booking_request = MatchingRequestFactory(media=True, media_gates_met=True)
    with run_on_commit():
        services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            date_option=booking_request.date_options.get(),
        )
    (message,) = [mail for mail in mailoutbox if mail.to == [expert.user.email]]
    assert "Dagblad Voorbeeld" in message.body
    assert "How did it start?" in message.body  # the questions, before she decides
    assert "not yet accepted by the journalist" in message.body
    assert "Her name is not published" in message.body  # her own conditions
    assert "agreed: you review your quotes" in message.body


def test_opening_a_link_changes_nothing(client, asked, mailoutbox):
    yes_url, no_url = links_in(mailoutbox[0])
    for _ in range(3):  # a mail scanner may open every link, several times
        assert client.get(yes_url).status_code == 200
        assert client.get(no_url).status_code == 200
        client.head(yes_url)
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ASKED
    assert EngagementLink.objects.get(engagement=asked).used_at is None
    page = client.get(yes_url).content.decode()
    assert "Confirm: yes" in page
    assert "Signals in youth care" in page


def test_yes_from_the_link_confirms_and_tells_everyone(
    client, asked, mailoutbox, run_on_commit, coordinator
):
    yes_url, _no = links_in(mailoutbox[0])
    mailoutbox.clear()
    with run_on_commit():
        response = client.post(yes_url)
    assert response.status_code == 200
    assert "The date is fixed" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.CONFIRMED  # the expert's yes is the decision
    assert asked.answered_at is not None
    assert not asked.event.title.endswith("(tentative)")
    asked.request.refresh_from_db()
    assert asked.request.status == RequestStatus.SCHEDULED
    link = EngagementLink.objects.get(engagement=asked)
    assert (link.used_choice, link.used_at is not None) == ("yes", True)
    recipients = sorted(address for m in mailoutbox for address in m.to)
    assert coordinator.email in recipients
    assert asked.request.contact.email in recipients  # the organisation is told
    to_coordinator = next(m for m in mailoutbox if m.to == [coordinator.email])
    assert "said yes" in to_coordinator.subject
    assert "confirmed" in to_coordinator.body
    # She answered from the email, not in the portal: the notice and the log say so.
    assert "She answered with the link in her email." in to_coordinator.body
    assert "portal" not in to_coordinator.body
    assert Activity.objects.filter(engagement=asked, message__contains="link in her email").exists()
    assert not Activity.objects.filter(engagement=asked, message__contains="portal").exists()


def test_yes_to_a_media_interview_with_missing_gates_waits_for_a_coordinator(
    client, asked, mailoutbox, run_on_commit, coordinator
):
    from bookings.enums import EngagementKind

    booking_request = asked.request
    booking_request.kind = EngagementKind.MEDIA_INTERVIEW
    booking_request.media_questions = ""
    booking_request.save()
    yes_url, _no = links_in(mailoutbox[0])
    mailoutbox.clear()
    with run_on_commit():
        response = client.post(yes_url)
    assert "We still arrange a few things." in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ACCEPTED
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.EXPERT_ASKED
    (message,) = mailoutbox
    assert message.to == [coordinator.email]
    assert "once this is arranged" in message.body
    assert "questions" in message.body.lower()


def test_no_from_the_link_needs_no_reason_and_a_note_stays_with_the_coordinators(
    client, asked, mailoutbox, run_on_commit, coordinator
):
    _yes, no_url = links_in(mailoutbox[0])
    mailoutbox.clear()
    with run_on_commit():
        response = client.post(no_url, {"note": "Too close to home for me."})
    assert response.status_code == 200
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.DECLINED
    assert asked.decline_reason == "Too close to home for me."
    assert asked.event.occurrence_set.get().cancelled
    asked.request.refresh_from_db()
    assert asked.request.status == RequestStatus.MATCHING
    # The coordinator hears there is a note, but the email does not carry it.
    (message,) = mailoutbox
    assert "Too close to home" not in message.body
    assert "private note" in message.body


def test_no_without_a_note_is_fine(client, asked, mailoutbox):
    _yes, no_url = links_in(mailoutbox[0])
    assert client.post(no_url).status_code == 200
    asked.refresh_from_db()
    assert (asked.status, asked.decline_reason) == (EngagementStatus.DECLINED, "")


def test_a_used_link_cannot_be_used_again_nor_its_other_button(client, asked, mailoutbox):
    yes_url, no_url = links_in(mailoutbox[0])
    client.post(yes_url)
    for url in (yes_url, no_url):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 400
            assert "already been used" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.CONFIRMED  # the first yes, and nothing after it


class OldSigner(signing.TimestampSigner):
    def timestamp(self):
        eight_days_ago = int(time.time() - dt.timedelta(days=8).total_seconds())
        return signing.b62_encode(eight_days_ago)


def test_an_expired_link_shows_a_clear_page_and_changes_nothing(client, asked):
    link = EngagementLink.objects.get(engagement=asked)
    token = OldSigner(salt=expert_answers.SALT).sign_object(
        {"l": link.pk, "n": link.nonce, "c": "yes", "e": asked.expert_id}
    )
    url = f"/en/expert/engagements/link/{token}/"
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 400
        assert "expired" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ASKED


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),
        lambda token: token.replace(token.split(":")[0], token.split(":")[0][:-1] + "x"),
        lambda token: "nonsense",
    ],
)
def test_a_tampered_link_is_refused(client, asked, tamper):
    link = EngagementLink.objects.get(engagement=asked)
    token = tamper(expert_answers.make_token(link, "yes"))
    response = client.post(f"/en/expert/engagements/link/{token}/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ASKED


def test_a_choice_that_was_never_offered_is_refused(client, asked):
    link = EngagementLink.objects.get(engagement=asked)
    token = expert_answers.make_token(link, "fine")  # an aftercare answer on a question
    assert client.post(f"/en/expert/engagements/link/{token}/").status_code == 400
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ASKED


def test_another_experts_session_cannot_use_the_link(client, asked, mailoutbox):
    other = ExpertWithUserFactory()
    client.force_login(other.user)
    yes_url, _no = links_in(mailoutbox[0])
    for method in (client.get, client.post):
        response = method(yes_url)
        assert response.status_code == 400
        assert "sent to someone else" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ASKED
    assert EngagementLink.objects.get(engagement=asked).used_at is None


def test_the_expert_logged_in_may_use_their_own_link(client, asked, mailoutbox):
    client.force_login(asked.expert.user)
    yes_url, _no = links_in(mailoutbox[0])
    assert client.post(yes_url).status_code == 200
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.CONFIRMED


def test_a_question_that_was_called_off_cannot_be_answered(client, asked, mailoutbox, coordinator):
    services.engagement_cancel(engagement=asked, actor=coordinator)
    yes_url, _no = links_in(mailoutbox[0])
    response = client.post(yes_url)
    assert response.status_code == 400
    assert "no longer open" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.CANCELLED


def test_a_new_set_of_links_makes_the_old_one_unusable(client, asked, mailoutbox):
    yes_url, _no = links_in(mailoutbox[0])
    expert_answers.issue_link(engagement=asked, purpose="answer")
    assert client.post(yes_url).status_code == 400
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ASKED


def test_a_series_is_answered_as_a_whole_from_the_email(
    client, coordinator, run_on_commit, mailoutbox
):
    from tests.factories.backoffice import in_days

    expert = FittingExpertFactory(with_user=True, monthly_capacity=10)
    booking_request = MatchingRequestFactory()
    with run_on_commit():
        series = services.engagement_series_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            first_starts_at=in_days(30),
            duration=dt.timedelta(hours=1),
            frequency="weekly",
            count=3,
        )
    (message,) = mailoutbox
    _yes, no_url = links_in(message)
    client.post(no_url)
    statuses = set(
        Engagement.objects.filter(pk__in=[e.pk for e in series]).values_list("status", flat=True)
    )
    assert statuses == {EngagementStatus.DECLINED}


def test_only_the_expert_may_answer_through_the_service(asked, coordinator):
    from django.core.exceptions import PermissionDenied

    other = ExpertWithUserFactory()
    for actor in (coordinator, other.user, None):
        with pytest.raises(PermissionDenied):
            services.engagement_expert_answer(engagement=asked, actor=actor, accepted=True)
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ASKED
