"""The private ICS feed: secret rotatable token, valid iCalendar, no sensitive details."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from schedule.models import Event

from speakers import services
from speakers.selectors import AMSTERDAM
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db


def local(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


def feed_url(expert, token=None):
    return reverse("speakers:feed", kwargs={"pk": expert.pk, "token": token or expert.ics_token})


@pytest.fixture
def expert():
    expert = ExpertFactory(with_user=True, public_name="Sterre")
    services.unavailability_add(
        expert=expert,
        start=local(2030, 3, 19, 9),
        end=local(2030, 3, 19, 12),
        weekly=True,
        repeat_until=datetime.date(2030, 5, 28),
        label="Therapie",  # private note: never in the feed
    )
    services.unavailability_add(
        expert=expert, start=local(2030, 6, 3, 13), end=local(2030, 6, 3, 17), label="Vakantie"
    )
    Event.objects.create(
        calendar=expert.calendar,
        start=local(2030, 4, 9, 14),
        end=local(2030, 4, 9, 16),
        title="Engagement HOPE-2030-0007",
    )
    return expert


def test_token_is_long_and_random():
    first, second = ExpertFactory(), ExpertFactory()
    assert len(first.ics_token) >= 40
    assert first.ics_token != second.ics_token


def test_feed_parses_and_round_trips(client, expert):
    response = client.get(feed_url(expert))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert icalendar.Calendar.from_ical(calendar.to_ical()).to_ical() == calendar.to_ical()
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    for event in events:
        assert event["UID"] and event["DTSTAMP"]
        assert "DESCRIPTION" not in event
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"

    weekly = next(event for event in events if "RRULE" in event)
    assert weekly["RRULE"]["FREQ"] == ["WEEKLY"]
    assert weekly.decoded("DTSTART") == local(2030, 3, 19, 9)
    assert str(weekly.decoded("DTSTART").tzinfo) == "Europe/Amsterdam"
    summaries = sorted(str(event["SUMMARY"]) for event in events)
    assert summaries == ["Engagement HOPE-2030-0007", "Niet beschikbaar", "Niet beschikbaar"]


def test_feed_has_no_private_notes_or_identity(client, expert):
    content = client.get(feed_url(expert)).content.decode()
    for secret in ("Therapie", "Vakantie", "Sterre", expert.user.email):
        assert secret not in content


def test_skipped_week_is_an_exdate(client, expert):
    block = expert.unavailabilities.get(event__rule__isnull=False)
    services.unavailability_skip_occurrence(
        unavailability=block, original_start=local(2030, 4, 2, 9)
    )
    calendar = icalendar.Calendar.from_ical(client.get(feed_url(expert)).content)
    weekly = next(event for event in calendar.walk("VEVENT") if "RRULE" in event)
    exdates = [d.dt for d in weekly["EXDATE"].dts]
    # 2 April 2030 is after the DST change: still 09:00 local.
    assert exdates == [local(2030, 4, 2, 9)]


@pytest.mark.parametrize(
    "token",
    ["wrong", "x" * 43, "", "%00", "a" * 200],
    ids=["short", "same-length", "", "nul", "long"],
)
def test_wrong_token_is_404(client, expert, token):
    url = f"/expert/agenda/{expert.pk}/{token}.ics"
    # A NUL byte is refused at the door (hope.request_guard) with 400; the rest are 404.
    assert client.get(url).status_code == (400 if token == "%00" else 404)


def test_token_of_another_expert_is_404(client, expert):
    other = ExpertFactory()
    assert client.get(feed_url(expert, token=other.ics_token)).status_code == 404
    assert client.get(feed_url(other, token=expert.ics_token)).status_code == 404


def test_unknown_expert_is_404(client, expert):
    url = reverse("speakers:feed", kwargs={"pk": 999999, "token": expert.ics_token})
    assert client.get(url).status_code == 404


def test_rotation_invalidates_old_address(client, expert):
    old = feed_url(expert)
    client.force_login(expert.user)
    response = client.post(reverse("speakers:feed_settings"))
    assert response.status_code == 302
    expert.refresh_from_db()
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(feed_url(expert)).status_code == 200


def test_feed_in_english_for_english_expert(client, expert):
    expert.user.preferred_language = "en"
    expert.user.save()
    calendar = icalendar.Calendar.from_ical(client.get(feed_url(expert)).content)
    assert "Unavailable" in [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
