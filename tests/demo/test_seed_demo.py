"""`manage.py seed_demo`: every status, idempotent, and nothing an organisation may not know
(issue 12): no "demo:" texts, a calendar hold for every open question, varied "sent on" dates."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import Activity, BookingRequest, Engagement, Organisation
from bookings.services.scheduling import TENTATIVE_TITLE
from demo.content import load

pytestmark = pytest.mark.django_db


def _seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_demo_has_every_status_is_idempotent_and_prints_the_logins():
    first_output = _seed()
    counts = (BookingRequest.objects.count(), Engagement.objects.count(), Activity.objects.count())
    _seed()
    assert counts == (
        BookingRequest.objects.count(),
        Engagement.objects.count(),
        Activity.objects.count(),
    )
    assert set(BookingRequest.objects.values_list("status", flat=True)) == set(RequestStatus)
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert {"municipality", "media"} <= kinds and len(kinds) >= 4
    org1 = get_user_model().objects.get(email="org1@example.org")
    assert org1.organisation_memberships.get().organisation.kind == "municipality"
    org2 = get_user_model().objects.get(email="org2@example.org")
    assert org2.organisation_memberships.get().organisation.kind == "media"
    output = first_output
    assert "Demo data is ready. Demo logins:" in output
    for email in ("coordinator@example.org", "org1@example.org", "expert1@example.org"):
        assert email in output
    # The workflow went through the services without a rule of care stopping it.
    assert "stopped at" not in output and "could not ask" not in output


def test_organisation_portal_pages_show_no_demo_texts(client):
    _seed()
    for email in ("org1@example.org", "org2@example.org"):
        _check_portal_of(client, get_user_model().objects.get(email=email))
    _check_portal_shows_the_sent_on_date(client)


def _check_portal_of(client, user):
    client.force_login(user)
    own = BookingRequest.objects.filter(organisation__memberships__user=user)
    assert own.count() >= 3
    pages = [reverse("bookings:portal")] + [
        reverse("bookings:request_detail", args=[booking_request.reference])
        for booking_request in own
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode().lower()
        assert "demo:" not in text, url
        assert "(demo" not in text and "demo-aanvraag" not in text, url


def _check_no_demo_fields():
    for booking_request in BookingRequest.objects.all():
        for field in ("title", "description", "audience_description", "place", "media_outlet"):
            assert "demo" not in getattr(booking_request, field).lower(), (booking_request, field)
    assert not Organisation.objects.filter(name__icontains="demo").exists()


def test_asked_engagements_have_their_hold_and_requests_their_own_sent_on_date():
    # Seeded once for this and the next checks (seeding takes a while on a shared machine).
    _seed()
    asked = Engagement.objects.filter(status=EngagementStatus.ASKED).select_related(
        "event", "expert"
    )
    assert asked.count() >= 2
    _check_confirmed_engagements_have_their_checklist()
    for engagement in asked:
        assert engagement.event is not None, engagement
        assert engagement.event.title == TENTATIVE_TITLE
        assert engagement.event.calendar_id == engagement.expert.calendar_id
        assert (engagement.event.start, engagement.event.end) == (
            engagement.starts_at,
            engagement.ends_at,
        )
    for engagement in Engagement.objects.filter(status=EngagementStatus.CONFIRMED):
        assert engagement.event is not None, engagement
    _check_sent_on_dates()
    _check_no_demo_fields()


def _check_sent_on_dates():
    today = timezone.localdate()
    sent = [
        timezone.localdate(value)
        for value in BookingRequest.objects.values_list("created_at", flat=True)
    ]
    assert len(set(sent)) >= len(sent) - 2, "each request has its own sent-on date"
    assert all(day < today for day in sent), "none was sent today"
    assert min(sent) <= today - dt.timedelta(days=60)
    # Deterministic: the dates come from the data files, counted back from today.
    item = load("requests")["requests"][0]
    booking_request = BookingRequest.objects.get(title=item["title"])
    assert timezone.localdate(booking_request.created_at) == today - dt.timedelta(
        days=item["sent_days_ago"]
    )
    assert booking_request.submitted_at == booking_request.created_at
    # The timeline starts when the request was sent, not today.
    first = booking_request.activities.order_by("created_at", "pk").first()
    assert first.created_at == booking_request.created_at


def _check_portal_shows_the_sent_on_date(client):
    user = get_user_model().objects.get(email="org1@example.org")
    client.force_login(user)
    item = load("requests")["requests"][1]
    booking_request = BookingRequest.objects.get(title=item["title"])
    response = client.get(reverse("bookings:portal"))
    with translation.override("nl"):
        shown = date_format(timezone.localtime(booking_request.created_at), "j F Y")
    assert shown in response.content.decode()
    assert date_format(timezone.localtime(), "j F Y") not in response.content.decode()


def _check_confirmed_engagements_have_their_checklist():
    confirmed = Engagement.objects.filter(status=EngagementStatus.CONFIRMED)
    assert confirmed.exists()
    assert not confirmed.filter(checklist_items__isnull=True).exists()
