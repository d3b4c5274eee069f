"""Calendar invitations: the organisation and the expert receive an iCalendar REQUEST on
confirmation, an update with the same UID and a higher SEQUENCE after a move, and a CANCEL when
it is called off; the organisation's copy names the expert only as she allows."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from bookings.enums import EngagementStatus
from bookings.services import engagements as services
from speakers.models import IdentityMode
from tests.factories.accounts import CoordinatorFactory, english_admin
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    user = english_admin(CoordinatorFactory(preferred_language="en"))
    return user


def invitation(mail):
    """(method, VEVENT) of the calendar part of an email, or None."""
    parts = [
        content for content, mimetype in mail.alternatives if mimetype.startswith("text/calendar")
    ]
    if not parts:
        return None
    (ics,) = parts
    calendar = Calendar.from_ical(ics)
    (event,) = calendar.walk("VEVENT")
    return str(calendar["METHOD"]), event


def confirm(coordinator, run_on_commit, *, identity=IdentityMode.PSEUDONYM):
    request = MatchingRequestFactory()
    expert = FittingExpertFactory(
        with_user=True, public_name="Roos", identity_mode=identity, user__preferred_language="nl"
    )
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


def by_recipient(mailoutbox, address):
    return [mail for mail in mailoutbox if mail.to == [address] and invitation(mail)]


def test_confirmation_sends_both_sides_an_invitation(coordinator, run_on_commit, mailoutbox):
    engagement = confirm(coordinator, run_on_commit)
    (org_mail,) = by_recipient(mailoutbox, engagement.request.contact.email)
    (expert_mail,) = by_recipient(mailoutbox, engagement.expert.user.email)

    method, org_event = invitation(org_mail)
    assert method == "REQUEST"
    assert org_event["DTSTART"].dt == engagement.starts_at
    assert org_event["DTEND"].dt == engagement.ends_at
    assert "Roos" in str(org_event["SUMMARY"])
    assert str(org_event["STATUS"]) == "CONFIRMED"
    assert engagement.request.reference in str(org_event["DESCRIPTION"])
    assert "mailto:" + engagement.request.contact.email in str(org_event["ATTENDEE"])

    method, expert_event = invitation(expert_mail)
    assert method == "REQUEST"
    assert str(expert_event["SUMMARY"]) == "HOPE-inzet"  # neutral, in her language (Dutch)
    assert "LOCATION" not in expert_event
    assert expert_event["UID"] != org_event["UID"]
    # The file part is there too, for programs that read attachments only.
    assert any(name == "invitation.ics" for name, *_ in org_mail.attachments)


def test_a_private_expert_is_not_named_in_the_organisations_invitation(
    coordinator, run_on_commit, mailoutbox
):
    engagement = confirm(coordinator, run_on_commit, identity=IdentityMode.NOT_PUBLIC)
    (org_mail,) = by_recipient(mailoutbox, engagement.request.contact.email)
    _method, event = invitation(org_mail)
    ics = event.to_ical().decode()
    assert "Roos" not in ics
    assert "aftercare" not in ics.lower()


def test_a_move_updates_the_same_entry_and_a_cancel_removes_it(
    client, coordinator, run_on_commit, mailoutbox
):
    engagement = confirm(coordinator, run_on_commit)
    contact = engagement.request.contact.email
    (first,) = by_recipient(mailoutbox, contact)
    _method, confirmed_event = invitation(first)
    mailoutbox.clear()

    new_start = in_days(25, hour=14)
    client.force_login(coordinator)
    with run_on_commit():
        client.post(
            reverse("booking_requests:inspect", args=[engagement.request.pk]),
            {
                "action": "reschedule",
                "engagement": engagement.pk,
                "version": engagement.request.version,
                "starts_at": timezone.localtime(new_start).strftime("%Y-%m-%dT%H:%M"),
                "ends_at": timezone.localtime(new_start + dt.timedelta(hours=2)).strftime(
                    "%Y-%m-%dT%H:%M"
                ),
            },
        )
    (moved,) = by_recipient(mailoutbox, contact)
    method, moved_event = invitation(moved)
    assert method == "REQUEST"
    assert moved_event["UID"] == confirmed_event["UID"]
    assert int(moved_event["SEQUENCE"]) > int(confirmed_event["SEQUENCE"])
    assert moved_event["DTSTART"].dt == new_start
    assert str(moved_event["STATUS"]) == "TENTATIVE"  # until her new yes

    engagement.refresh_from_db()
    with run_on_commit():
        services.engagement_expert_answer(
            engagement=engagement, actor=engagement.expert.user, accepted=True
        )
    engagement.refresh_from_db()
    mailoutbox.clear()
    with run_on_commit():
        services.engagement_cancel(engagement=engagement, actor=coordinator)
    (cancelled,) = by_recipient(mailoutbox, contact)
    method, cancelled_event = invitation(cancelled)
    assert method == "CANCEL"
    assert cancelled_event["UID"] == confirmed_event["UID"]
    assert int(cancelled_event["SEQUENCE"]) > int(moved_event["SEQUENCE"])
    assert str(cancelled_event["STATUS"]) == "CANCELLED"
