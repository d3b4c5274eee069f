"""Less noise for coordinators: each email straight away, or one overview a day.

Through the screens: the coordinator's choice page in the admin, the organisation's portal, the
expert's portal; the overview through its command.
"""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from bookings.enums import RequestStatus
from bookings.models import CoordinatorDigestItem
from tests.factories.accounts import CoordinatorFactory, EditorFactory
from tests.factories.bookings import BookingRequestFactory, MembershipFactory
from tests.factories.followup import DeliveredEngagementFactory

pytestmark = pytest.mark.django_db
CHOICE_URL = reverse("hope_coordinator_emails")


@pytest.fixture
def coordinator():
    return CoordinatorFactory(preferred_language="en", email="coco@example.org")


def choose_digest(client, coordinator):
    client.force_login(coordinator)
    response = client.post(CHOICE_URL, {"coordinator_emails": "digest"})
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.coordinator_emails == "digest"


def to(mailoutbox, user):
    return [message for message in mailoutbox if user.email in message.to]


def test_the_coordinator_finds_and_changes_her_choice(client, coordinator):
    client.force_login(coordinator)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert CHOICE_URL in account
    page = client.get(CHOICE_URL).content.decode()
    assert "Elke e-mail meteen" in page  # the admin speaks Dutch
    assert "Eén e-mail per dag met alles bij elkaar" in page
    assert "checked" in page.split('value="immediate"')[1].split("<")[0]

    response = client.post(CHOICE_URL, {"coordinator_emails": "weekly"})
    assert response.status_code == 400
    assert "Kies een van de twee." in response.content.decode()  # the admin speaks Dutch
    coordinator.refresh_from_db()
    assert coordinator.coordinator_emails == "immediate"

    choose_digest(client, coordinator)
    page = client.get(CHOICE_URL).content.decode()
    assert "checked" in page.split('value="digest"')[1].split("<")[0]


def test_only_coordinators_have_the_page(client):
    editor = EditorFactory()
    client.force_login(editor)
    assert client.get(CHOICE_URL).status_code == 403
    assert client.post(CHOICE_URL, {"coordinator_emails": "digest"}).status_code == 403
    assert CHOICE_URL not in client.get(reverse("wagtailadmin_account")).content.decode()
    editor.refresh_from_db()
    assert editor.coordinator_emails == "immediate"


def test_a_status_change_waits_for_the_overview(client, coordinator, run_on_commit, mailoutbox):
    choose_digest(client, coordinator)
    booking_request = BookingRequestFactory(coordinator=coordinator, title="Training for police")
    client.force_login(booking_request.contact)
    with run_on_commit():
        response = client.post(
            reverse("bookings:request_withdraw", args=[booking_request.reference]),
            {"reason": "Our plans changed", "version": booking_request.version},
        )
    assert response.status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.WITHDRAWN
    assert to(mailoutbox, coordinator) == []
    item = CoordinatorDigestItem.objects.get(user=coordinator)
    assert item.request == booking_request
    assert item.sent_at is None
    assert "changed the status" in item.line
    assert "Our plans changed" not in item.line  # no notes in digest lines


def test_immediate_coordinators_still_get_each_email(
    client, coordinator, run_on_commit, mailoutbox
):
    booking_request = BookingRequestFactory(coordinator=coordinator)
    client.force_login(booking_request.contact)
    with run_on_commit():
        client.post(
            reverse("bookings:request_withdraw", args=[booking_request.reference]),
            {"reason": "x", "version": booking_request.version},
        )
    assert len(to(mailoutbox, coordinator)) == 1
    assert not CoordinatorDigestItem.objects.exists()


def test_support_now_and_a_guest_request_always_come_at_once(
    client, coordinator, run_on_commit, mailoutbox
):
    choose_digest(client, coordinator)
    engagement = DeliveredEngagementFactory()
    engagement.request.coordinator = coordinator
    engagement.request.save(update_fields=["coordinator"])
    client.force_login(engagement.expert.user)
    with run_on_commit():
        response = client.post(
            reverse("engagements:aftercare", args=[engagement.pk]), {"answer": "support_now"}
        )
    assert response.status_code == 302
    [alert] = to(mailoutbox, coordinator)
    assert engagement.request.reference in alert.body

    member = MembershipFactory().user
    waiting = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation,
        contact=member,
        status=RequestStatus.AWAITING_CONFIRMATION,
        coordinator=coordinator,
    )
    client.force_login(member)
    with run_on_commit():
        client.post(reverse("bookings:request_confirm", args=[waiting.reference]))
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.IN_TRIAGE
    assert len(to(mailoutbox, coordinator)) == 2
    assert waiting.reference in to(mailoutbox, coordinator)[1].body
    assert not CoordinatorDigestItem.objects.exists()


def test_a_wish_for_a_debrief_waits_for_the_overview(
    client, coordinator, run_on_commit, mailoutbox
):
    choose_digest(client, coordinator)
    engagement = DeliveredEngagementFactory()
    engagement.request.coordinator = coordinator
    engagement.request.save(update_fields=["coordinator"])
    client.force_login(engagement.expert.user)
    with run_on_commit():
        client.post(reverse("engagements:aftercare", args=[engagement.pk]), {"answer": "debrief"})
    assert to(mailoutbox, coordinator) == []
    assert "debrief" in CoordinatorDigestItem.objects.get().line


def run_digests():
    out = StringIO()
    call_command("send_coordinator_digests", stdout=out)
    return out.getvalue()


def test_the_overview_is_sent_once_a_day_with_the_right_items(
    client, coordinator, run_on_commit, mailoutbox
):
    choose_digest(client, coordinator)
    other = CoordinatorFactory(preferred_language="en")  # immediate; not in any overview
    first = BookingRequestFactory(coordinator=coordinator, title="Training for police")
    second = BookingRequestFactory(coordinator=coordinator, title="Panel in Zwolle")
    elsewhere = BookingRequestFactory(coordinator=other, title="Somebody else's")
    for booking_request in (first, second, elsewhere):
        client.force_login(booking_request.contact)
        with run_on_commit():
            client.post(
                reverse("bookings:request_message", args=[booking_request.reference]),
                {"body": "A private question about our team", "version": booking_request.version},
            )
    first.refresh_from_db()
    client.force_login(first.contact)
    with run_on_commit():
        client.post(
            reverse("bookings:request_withdraw", args=[first.reference]),
            {"reason": "Plans changed", "version": first.version},
        )
    assert to(mailoutbox, coordinator) == []
    assert CoordinatorDigestItem.objects.filter(user=coordinator).count() >= 2
    mailoutbox.clear()

    later = timezone.now() + dt.timedelta(hours=1)
    with time_machine.travel(later, tick=False), run_on_commit():
        assert "1 digest(s)" in run_digests()
    [digest] = mailoutbox
    assert digest.to == [coordinator.email]
    assert "Daily overview" in digest.subject
    body = digest.body
    assert body.index(first.reference) < body.index(second.reference)
    assert "Training for police" in body and "Panel in Zwolle" in body
    assert "Somebody else's" not in body
    assert "A private question" not in body and "Plans changed" not in body
    assert body.count("The organisation sent a message.") == 2
    workspace = reverse("booking_requests:inspect", args=[first.pk])
    assert workspace in body
    html = digest.alternatives[0][0]
    assert workspace in html and "<title>" in html and "Panel in Zwolle" in html
    assert not CoordinatorDigestItem.objects.filter(sent_at__isnull=True).exists()

    # Twice the same day: nothing, even with something new; the next day it comes.
    client.force_login(second.contact)
    with run_on_commit():
        client.post(
            reverse("bookings:request_message", args=[second.reference]),
            {"body": "One more thing", "version": second.version},
        )
    mailoutbox.clear()
    with time_machine.travel(later + dt.timedelta(minutes=5), tick=False), run_on_commit():
        assert "0 digest(s)" in run_digests()
    assert mailoutbox == []
    with time_machine.travel(later + dt.timedelta(days=1), tick=False), run_on_commit():
        run_digests()
    [next_day] = mailoutbox
    assert second.reference in next_day.body and first.reference not in next_day.body


def test_the_overview_is_in_the_coordinators_language(client, run_on_commit, mailoutbox):
    coordinator = CoordinatorFactory(preferred_language="nl")
    choose_digest(client, coordinator)
    booking_request = BookingRequestFactory(coordinator=coordinator)
    client.force_login(booking_request.contact)
    with run_on_commit():
        client.post(
            reverse("bookings:request_message", args=[booking_request.reference]),
            {"body": "Vraag", "version": booking_request.version},
        )
    with time_machine.travel(timezone.now() + dt.timedelta(hours=1), tick=False), run_on_commit():
        run_digests()
    [digest] = mailoutbox
    assert "Dagoverzicht" in digest.subject
    assert "De organisatie stuurde een bericht." in digest.body
