"""The periodic follow-up job: reminders, aftercare check-ins, evaluations, overdue alerts.

Idempotent under repeated runs, counted in Amsterdam days across DST changes.
"""

import datetime as dt
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import translation

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import Evaluation
from bookings.models.followup import AftercareCheckIn, CheckInAnswer, FollowUpMarker
from bookings.services.followup import run_followups
from speakers.models import IdentityMode
from tests.factories.accounts import CoordinatorFactory
from tests.factories.bookings import BookingRequestFactory
from tests.factories.followup import (
    ConfirmedEngagementFactory,
    DeliveredEngagementFactory,
    ExpertEngagementFactory,
    ExpertWithUserFactory,
)

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = dt.UTC
LINK = re.compile(r"http://testserver(/\S*/link/\S+/)")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def local(*args):
    return dt.datetime(*args, tzinfo=AMSTERDAM)


def run(now, run_on_commit):
    with run_on_commit():
        return run_followups(now=now)


def confirmed_at(starts_at, **kwargs):
    return ConfirmedEngagementFactory(
        starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2), **kwargs
    )


def to(mailoutbox, user):
    return [message for message in mailoutbox if user.email in message.to]


@pytest.mark.parametrize(
    "starts_at, first_moment_utc",
    [
        # Spring forward (28 March 2027): the window opens at local midnight of the 27th (CET).
        (local(2027, 3, 29, 9, 0), dt.datetime(2027, 3, 26, 23, 0, tzinfo=UTC)),
        # Fall back (31 October 2027): the window opens at local midnight of the 31st (CEST).
        (local(2027, 11, 2, 10, 0), dt.datetime(2027, 10, 30, 22, 0, tzinfo=UTC)),
        # On the DST day itself.
        (local(2027, 3, 28, 10, 0), dt.datetime(2027, 3, 25, 23, 0, tzinfo=UTC)),
    ],
)
def test_reminders_two_days_before_exactly_once_across_dst(
    starts_at, first_moment_utc, run_on_commit, mailoutbox
):
    engagement = confirmed_at(starts_at)
    contact = engagement.request.contact

    run(first_moment_utc - dt.timedelta(minutes=1), run_on_commit)
    assert mailoutbox == []

    for minutes in (0, 5, 10, 60 * 24, 60 * 47):
        run(first_moment_utc + dt.timedelta(minutes=minutes), run_on_commit)
    assert len(to(mailoutbox, engagement.expert.user)) == 1
    assert len(to(mailoutbox, contact)) == 1
    assert FollowUpMarker.objects.filter(engagement=engagement).count() == 2


def test_no_reminder_after_the_start_or_for_unconfirmed_engagements(run_on_commit, mailoutbox):
    now = dt.datetime(2027, 5, 3, 8, 0, tzinfo=UTC)
    confirmed_at(now - dt.timedelta(minutes=5))  # already begun
    ExpertEngagementFactory(
        status=EngagementStatus.ASKED,
        starts_at=now + dt.timedelta(days=1),
        ends_at=now + dt.timedelta(days=1, hours=2),
        created_at=now,
    )
    report = run(now, run_on_commit)
    assert "reminder_expert" not in report.sent
    assert [m for m in mailoutbox if "Reminder" in m.subject] == []


def test_reminders_carry_no_private_notes_and_no_hidden_name(run_on_commit, mailoutbox):
    now = dt.datetime(2027, 5, 3, 8, 0, tzinfo=UTC)
    expert = ExpertWithUserFactory(
        public_name="Hidden Heron", identity_mode=IdentityMode.NOT_PUBLIC
    )
    engagement = confirmed_at(
        now + dt.timedelta(days=1),
        expert=expert,
        decline_reason="private words",
        aftercare_notes="aftercare words",
        practical_info="Ask for Sam at the desk.",
    )
    run(now, run_on_commit)
    (to_organisation,) = to(mailoutbox, engagement.request.contact)
    assert "Hidden Heron" not in to_organisation.body
    assert "de naam wordt niet gedeeld" in to_organisation.body
    for message in mailoutbox:
        assert "private words" not in message.body
        assert "aftercare words" not in message.body
    (to_expert,) = to(mailoutbox, expert.user)
    assert "Ask for Sam at the desk." in to_expert.body
    assert "Ask for Sam" not in to_organisation.body


def test_a_public_experts_name_is_in_the_organisations_reminder(run_on_commit, mailoutbox):
    now = dt.datetime(2027, 5, 3, 8, 0, tzinfo=UTC)
    expert = ExpertWithUserFactory(public_name="Open Oriole", identity_mode=IdentityMode.NAMED)
    engagement = confirmed_at(now + dt.timedelta(days=1), expert=expert)
    run(now, run_on_commit)
    (to_organisation,) = to(mailoutbox, engagement.request.contact)
    assert "Open Oriole" in to_organisation.body


def test_aftercare_check_in_from_the_day_after_once(run_on_commit, mailoutbox):
    ends = local(2027, 10, 30, 16, 0)  # the evening before the clocks go back
    engagement = DeliveredEngagementFactory(starts_at=ends - dt.timedelta(hours=2), ends_at=ends)
    run(local(2027, 10, 30, 23, 59), run_on_commit)
    assert to(mailoutbox, engagement.expert.user) == []
    for hour in (0, 1, 2, 3, 9):
        run(local(2027, 10, 31, hour, 30), run_on_commit)
    (message,) = to(mailoutbox, engagement.expert.user)
    assert message.subject == "Hoe gaat het met je?"  # in the expert's language (Dutch)
    assert len(LINK.findall(message.body)) == 3


def test_no_check_in_long_after_or_once_answered(run_on_commit, mailoutbox):
    now = dt.datetime(2027, 5, 3, 8, 0, tzinfo=UTC)
    DeliveredEngagementFactory(
        starts_at=now - dt.timedelta(days=20), ends_at=now - dt.timedelta(days=20, hours=-2)
    )
    answered = DeliveredEngagementFactory(
        starts_at=now - dt.timedelta(days=2), ends_at=now - dt.timedelta(days=2, hours=-2)
    )
    AftercareCheckIn.objects.create(engagement=answered, answer=CheckInAnswer.FINE)
    report = run(now, run_on_commit)
    assert "aftercare_checkin" not in report.sent


@pytest.fixture
def checkin_email(run_on_commit, mailoutbox):
    engagement = DeliveredEngagementFactory(expert__user__preferred_language="en")
    run(None, run_on_commit)
    (message,) = to(mailoutbox, engagement.expert.user)
    mailoutbox.clear()
    urls = dict(zip(CheckInAnswer.values, LINK.findall(message.body), strict=True))
    return engagement, urls


def test_debrief_answer_alerts_the_coordinators_at_once_and_shows_on_the_dashboard(
    client, checkin_email, run_on_commit, mailoutbox
):
    engagement, urls = checkin_email
    assigned = CoordinatorFactory(preferred_language="en")
    CoordinatorFactory()  # another coordinator, not assigned
    engagement.request.coordinator = assigned
    engagement.request.save()
    assert client.get(urls["debrief"]).status_code == 200
    assert not AftercareCheckIn.objects.exists()  # GET changes nothing
    with run_on_commit():
        response = client.post(urls["debrief"])
    assert response.status_code == 200
    assert AftercareCheckIn.objects.get(engagement=engagement).answer == "debrief"
    (alert,) = mailoutbox
    assert alert.to == [assigned.email]
    assert engagement.expert.public_name in alert.subject
    # The coordinators' dashboard lists it until aftercare is recorded.
    client.force_login(assigned)
    home = client.get("/admin/").content.decode()
    section = home[home.index('id="hope-aftercare-requests') :]
    assert engagement.request.reference in section[: section.index("</section>")]
    # A second click on any of the three buttons is refused.
    assert client.post(urls["fine"]).status_code == 400


def test_support_now_alerts_every_coordinator(client, checkin_email, run_on_commit, mailoutbox):
    engagement, urls = checkin_email
    coordinators = [CoordinatorFactory(), CoordinatorFactory()]
    engagement.request.coordinator = coordinators[0]
    engagement.request.save()
    with run_on_commit():
        client.post(urls["support_now"])
    assert sorted(email for m in mailoutbox for email in m.to) == sorted(
        c.email for c in coordinators
    )
    assert mailoutbox[0].subject.startswith("Dringend")  # the coordinators read Dutch


def test_fine_alerts_nobody(client, checkin_email, run_on_commit, mailoutbox):
    _engagement, urls = checkin_email
    CoordinatorFactory()
    with run_on_commit():
        client.post(urls["fine"])
    assert mailoutbox == []
    assert AftercareCheckIn.objects.get().answer == "fine"


def test_evaluation_request_once_after_delivery_and_not_when_evaluated(run_on_commit, mailoutbox):
    now = dt.datetime(2027, 5, 3, 8, 0, tzinfo=UTC)
    engagement = DeliveredEngagementFactory(
        starts_at=now - dt.timedelta(days=1, hours=4),
        ends_at=now - dt.timedelta(days=1, hours=2),
    )
    evaluated = DeliveredEngagementFactory(
        starts_at=now - dt.timedelta(days=1, hours=4),
        ends_at=now - dt.timedelta(days=1, hours=2),
    )
    Evaluation.objects.create(request=evaluated.request, rating=5)
    for minutes in (0, 5, 10):
        run(now + dt.timedelta(minutes=minutes), run_on_commit)
    (message,) = to(mailoutbox, engagement.request.contact)
    assert f"/aanvragen/{engagement.request.reference}/evaluatie/" in message.body
    assert to(mailoutbox, evaluated.request.contact) == []


def test_coordinators_are_alerted_once_when_an_expert_has_not_answered_in_48_hours(
    run_on_commit, mailoutbox
):
    coordinator = CoordinatorFactory()
    request = BookingRequestFactory(status=RequestStatus.EXPERT_ASKED)
    engagement = ExpertEngagementFactory(request=request, status=EngagementStatus.ASKED)
    asked_at = engagement.created_at
    run(asked_at + dt.timedelta(hours=47, minutes=59), run_on_commit)
    assert mailoutbox == []
    for hours in (48, 49, 100):
        run(asked_at + dt.timedelta(hours=hours, minutes=1), run_on_commit)
    (alert,) = mailoutbox
    assert alert.to == [coordinator.email]
    assert engagement.expert.public_name in alert.subject


def test_the_command_runs_the_job_and_can_queue_it(run_on_commit, mailoutbox):
    confirmed_at(dt.datetime.now(UTC) + dt.timedelta(days=1))
    out = StringIO()
    with run_on_commit():
        call_command("send_followups", stdout=out)
    assert "reminder_expert: 1" in out.getvalue()
    out = StringIO()
    with run_on_commit():
        call_command("send_followups", "--enqueue", stdout=out)
    assert "Queued" in out.getvalue()
    assert len(mailoutbox) == 2  # the second run found nothing new
