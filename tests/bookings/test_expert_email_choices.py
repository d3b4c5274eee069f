"""An expert chooses when her reminder comes and whether she gets "how did it go?" emails,
in her portal profile; the follow-up job respects it. The aftercare check-in always comes."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import EngagementStatus, RequestStatus
from bookings.services.followup import run_followups
from tests.factories.followup import ConfirmedEngagementFactory, DeliveredEngagementFactory
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def expert():
    expert = ExpertFactory(with_user=True, public_name="Lente")
    expert.user.preferred_language = "en"
    expert.user.save(update_fields=["preferred_language"])
    return expert


def save_profile(client, expert, **overrides):
    data = {
        "public_name": expert.public_name,
        "identity_mode": expert.identity_mode,
        "short_bio": expert.short_bio,
        "bio": expert.bio,
        "regions": expert.regions,
        "languages": expert.languages,
        "monthly_capacity": expert.monthly_capacity,
        "rest_days_after_heavy": expert.rest_days_after_heavy,
        **overrides,
    }
    client.force_login(expert.user)
    response = client.post(reverse("speakers:profile"), data)
    assert response.status_code == 302
    expert.refresh_from_db()


def run(now, run_on_commit):
    with run_on_commit():
        run_followups(now=now)


def to(mailoutbox, user):
    return [message for message in mailoutbox if user.email in message.to]


def test_the_profile_page_offers_both_choices_in_plain_words(client, expert):
    client.force_login(expert.user)
    with translation.override("en"):
        html = client.get(reverse("speakers:profile")).content.decode()
    assert "Two days before" in html and "One day before" in html
    assert "The email that asks how you are after the work always comes." in html
    html = client.get(reverse("speakers:profile")).content.decode()  # Dutch, the default
    assert "Een dag van tevoren" in html and "Twee dagen van tevoren" in html


def test_one_day_before_moves_her_reminder_not_the_organisations(
    client, expert, run_on_commit, mailoutbox
):
    save_profile(client, expert, reminder_days_before="1", feedback_emails="on")
    assert expert.reminder_days_before == 1
    starts_at = dt.datetime(2027, 6, 10, 14, 0, tzinfo=AMSTERDAM)
    engagement = ConfirmedEngagementFactory(
        expert=expert, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2)
    )
    contact = engagement.request.contact

    run(dt.datetime(2027, 6, 8, 0, 5, tzinfo=AMSTERDAM), run_on_commit)  # two days before
    assert to(mailoutbox, expert.user) == []
    assert len(to(mailoutbox, contact)) == 1

    run(dt.datetime(2027, 6, 8, 23, 55, tzinfo=AMSTERDAM), run_on_commit)
    assert to(mailoutbox, expert.user) == []

    run(dt.datetime(2027, 6, 9, 0, 5, tzinfo=AMSTERDAM), run_on_commit)  # one day before
    [reminder] = to(mailoutbox, expert.user)
    assert "Reminder" in reminder.subject
    run(dt.datetime(2027, 6, 9, 8, 0, tzinfo=AMSTERDAM), run_on_commit)
    assert len(to(mailoutbox, expert.user)) == 1
    assert len(to(mailoutbox, contact)) == 1


def test_by_default_the_reminder_comes_two_days_before(expert, run_on_commit, mailoutbox):
    assert expert.reminder_days_before == 2
    starts_at = dt.datetime(2027, 6, 10, 14, 0, tzinfo=AMSTERDAM)
    ConfirmedEngagementFactory(
        expert=expert, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2)
    )
    run(dt.datetime(2027, 6, 8, 0, 5, tzinfo=AMSTERDAM), run_on_commit)
    assert len(to(mailoutbox, expert.user)) == 1


def aftercare_done(expert):
    engagement = DeliveredEngagementFactory(expert=expert)
    engagement.status = EngagementStatus.AFTERCARE_DONE
    engagement.aftercare_recorded_at = timezone.now() - dt.timedelta(hours=1)
    engagement.save(update_fields=["status", "aftercare_recorded_at"])
    engagement.request.status = RequestStatus.DELIVERED
    engagement.request.save(update_fields=["status"])
    return engagement


def test_she_is_asked_how_it_went_once(expert, run_on_commit, mailoutbox):
    engagement = aftercare_done(expert)
    run(timezone.now(), run_on_commit)
    run(timezone.now(), run_on_commit)
    [email] = [m for m in to(mailoutbox, expert.user) if "How did your work" in m.subject]
    with translation.override("en"):  # she reads English (the subject above)
        assert reverse("engagements:detail", args=[engagement.pk]) in email.body


def test_she_turns_the_feedback_emails_off_and_gets_none(client, expert, run_on_commit, mailoutbox):
    save_profile(client, expert, reminder_days_before="2")  # the box left empty: off
    assert expert.feedback_emails is False
    aftercare_done(expert)
    run(timezone.now(), run_on_commit)
    assert [m for m in to(mailoutbox, expert.user) if "How did your work" in m.subject] == []


def test_the_aftercare_check_in_comes_even_with_feedback_emails_off(
    client, expert, run_on_commit, mailoutbox
):
    save_profile(client, expert)
    assert expert.feedback_emails is False
    DeliveredEngagementFactory(expert=expert)
    run(timezone.now(), run_on_commit)
    assert len(to(mailoutbox, expert.user)) == 1  # the check-in: a rule of care
