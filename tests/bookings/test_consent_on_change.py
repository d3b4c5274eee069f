"""Consent on every change, through the screens: a move waits for her new yes; she can take back
a yes; pausing tells the coordinators what is affected and can hide her profile; her calendar
feed tells the truth after a cancellation and after a move."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from bookings.enums import EngagementStatus, RequestStatus
from bookings.services import engagements as services
from speakers.models import IdentityMode
from tests.factories.accounts import CoordinatorFactory, english_admin
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days

pytestmark = pytest.mark.django_db
URL = re.compile(r"https?://\S+")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator():
    user = english_admin(CoordinatorFactory(preferred_language="en"))
    return user


@pytest.fixture
def confirmed(coordinator, run_on_commit):
    """A talk the expert said yes to: confirmed, in her calendar."""
    request = MatchingRequestFactory()
    expert = FittingExpertFactory(with_user=True, user__preferred_language="en")
    with run_on_commit():
        engagement = services.engagement_ask(
            booking_request=request,
            expert=expert,
            actor=coordinator,
            date_option=request.date_options.get(),
        )
        services.engagement_expert_answer(engagement=engagement, actor=expert.user, accepted=True)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    return engagement


def feed_entries(client, expert):
    url = reverse("speakers:feed", kwargs={"pk": expert.pk, "token": expert.ics_token})
    calendar = Calendar.from_ical(client.get(url).content)
    return list(calendar.walk("VEVENT"))


def local_input(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_move_waits_for_her_new_yes(client, coordinator, confirmed, run_on_commit, mailoutbox):
    expert = confirmed.expert
    (before,) = feed_entries(client, expert)
    assert str(before["STATUS"]) == "CONFIRMED"
    new_start = in_days(25, hour=14)
    client.force_login(coordinator)
    mailoutbox.clear()
    with run_on_commit():
        response = client.post(
            reverse("booking_requests:inspect", args=[confirmed.request.pk]),
            {
                "action": "reschedule",
                "engagement": confirmed.pk,
                "version": confirmed.request.version,
                "starts_at": local_input(new_start),
                "ends_at": local_input(new_start + dt.timedelta(hours=2)),
            },
            follow=True,
        )
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    confirmed.refresh_from_db()
    confirmed.request.refresh_from_db()
    assert confirmed.status == EngagementStatus.ASKED  # her yes was for the old time
    assert confirmed.starts_at == new_start
    assert confirmed.request.status == RequestStatus.EXPERT_ASKED

    # Her calendar: same entry, tentative, higher SEQUENCE.
    (after,) = feed_entries(client, expert)
    assert after["UID"] == before["UID"]
    assert int(after["SEQUENCE"]) > int(before.get("SEQUENCE", 0))
    assert str(after["STATUS"]) == "TENTATIVE"

    # She is asked again, by email, and her new yes fixes the new date.
    (ask_mail,) = [m for m in mailoutbox if m.to == [expert.user.email]]
    assert "has moved to another time" in ask_mail.body
    assert "So we ask you again." in ask_mail.body
    yes_url = next(url for url in URL.findall(ask_mail.body) if "/link/" in url)
    client.logout()
    with run_on_commit():
        client.post(yes_url.split("testserver", 1)[1], {})
    confirmed.refresh_from_db()
    assert confirmed.status == EngagementStatus.CONFIRMED


def test_a_move_rechecks_her_pause(client, coordinator, confirmed):
    expert = confirmed.expert
    expert.paused = True
    expert.save(update_fields=["paused"])
    new_start = in_days(26)
    client.force_login(coordinator)
    response = client.post(
        reverse("booking_requests:inspect", args=[confirmed.request.pk]),
        {
            "action": "reschedule",
            "engagement": confirmed.pk,
            "version": confirmed.request.version,
            "starts_at": local_input(new_start),
            "ends_at": local_input(new_start + dt.timedelta(hours=2)),
        },
    )
    assert "paused" in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.status == EngagementStatus.CONFIRMED


def test_she_can_take_back_a_yes(client, coordinator, confirmed, run_on_commit, mailoutbox):
    expert = confirmed.expert
    client.force_login(expert.user)
    detail = client.get(reverse("engagements:detail", args=[confirmed.pk])).content.decode()
    withdraw_url = reverse("engagements:withdraw", args=[confirmed.pk])
    assert withdraw_url in detail
    assert "give a reason" in client.get(withdraw_url).content.decode()
    mailoutbox.clear()
    with run_on_commit():
        client.post(withdraw_url, {"note": ""})
    confirmed.refresh_from_db()
    confirmed.request.refresh_from_db()
    assert confirmed.status == EngagementStatus.WITHDRAWN
    assert confirmed.request.status == RequestStatus.MATCHING
    recipients = {address for mail in mailoutbox for address in mail.to}
    assert any("can't do request" in mail.body for mail in mailoutbox)  # coordinators alerted
    assert confirmed.request.contact.email in recipients  # the date had been fixed

    # Her calendar: the entry is off and no longer busy.
    (entry,) = feed_entries(client, expert)
    assert str(entry["STATUS"]) == "CANCELLED"
    assert str(entry["TRANSP"]) == "TRANSPARENT"


def test_the_feed_after_a_cancellation(client, coordinator, confirmed):
    (before,) = feed_entries(client, confirmed.expert)
    services.engagement_cancel(engagement=confirmed, actor=coordinator)
    (after,) = feed_entries(client, confirmed.expert)
    assert after["UID"] == before["UID"]
    assert str(after["STATUS"]) == "CANCELLED"
    assert str(after["TRANSP"]) == "TRANSPARENT"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_an_asked_engagement_is_tentative_in_the_feed(client, coordinator):
    request = MatchingRequestFactory()
    expert = FittingExpertFactory()
    services.engagement_ask(
        booking_request=request,
        expert=expert,
        actor=coordinator,
        date_option=request.date_options.get(),
    )
    (entry,) = feed_entries(client, expert)
    assert str(entry["STATUS"]) == "TENTATIVE"


def test_pause_lists_what_is_affected_and_can_hide_her_profile(
    client, coordinator, confirmed, run_on_commit, mailoutbox
):
    expert = confirmed.expert
    expert.identity_mode = IdentityMode.PSEUDONYM
    expert.save(update_fields=["identity_mode"])
    client.force_login(expert.user)
    mailoutbox.clear()
    with run_on_commit():
        response = client.post(reverse("speakers:pause"), {"hide_profile": "on"})
    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.paused
    assert expert.identity_mode == IdentityMode.NOT_PUBLIC
    (alert,) = [m for m in mailoutbox if "paused" in m.subject]
    assert confirmed.request.reference in alert.body
    assert "Her public profile is hidden." in alert.body
    # Nothing she said yes to changed without her.
    confirmed.refresh_from_db()
    assert confirmed.status == EngagementStatus.CONFIRMED


def test_the_wagtail_edit_goes_through_the_same_services(
    client, coordinator, confirmed, run_on_commit, mailoutbox
):
    expert = confirmed.expert
    client.force_login(coordinator)
    mailoutbox.clear()
    with run_on_commit():
        response = client.post(
            reverse("speakers_expert:edit", args=[expert.pk]),
            {
                "public_name": expert.public_name,
                "slug": expert.slug,
                "identity_mode": expert.identity_mode,
                "bio": '<p onclick="x()">Hello<script>alert(1)</script></p>',
                "monthly_capacity": 3,
                "heavy_weight": 2,
                "rest_days_after_heavy": 3,
                "paused": "on",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    expert.refresh_from_db()
    assert expert.bio == "<p>Hello</p>"  # the profile service sanitises
    assert expert.monthly_capacity == 3
    assert expert.paused
    (alert,) = [m for m in mailoutbox if "paused" in m.subject]  # the pause service ran
    assert confirmed.request.reference in alert.body


def test_a_withdrawn_request_frees_the_expert(client, confirmed, run_on_commit, mailoutbox):
    request = confirmed.request
    client.force_login(request.contact)
    mailoutbox.clear()
    with run_on_commit():
        response = client.post(
            reverse("bookings:request_withdraw", args=[request.reference]),
            {"reason": "", "version": request.version},
        )
    assert response.status_code == 302
    confirmed.refresh_from_db()
    request.refresh_from_db()
    assert request.status == RequestStatus.WITHDRAWN
    assert confirmed.status == EngagementStatus.CANCELLED
    assert any(confirmed.expert.user.email in mail.to for mail in mailoutbox)
    (entry,) = feed_entries(client, confirmed.expert)
    assert str(entry["STATUS"]) == "CANCELLED"
