"""Every list a coordinator, an organisation or an expert opens costs the same number of queries
with 3 rows as with 30: an N+1 fails here, long before the lists grow over the years."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from schedule.models import Event

from bookings.enums import EngagementStatus, RequestStatus
from bookings.services.checklists import checklist_items_create_for_engagement
from hope.keyset import cursor_for
from tests.factories.accounts import CoordinatorFactory
from tests.factories.bookings import (
    BookingRequestFactory,
    DateOptionFactory,
    EngagementFactory,
    MembershipFactory,
    MessageFactory,
)
from tests.factories.followup import ExpertWithUserFactory

pytestmark = pytest.mark.django_db

# Ceilings with room for a page's fixed parts (session, user, menus, Wagtail's admin chrome);
# what matters most is that the count does not move when rows are added.
BUDGETS = {
    "listing": 40,
    "search": 40,
    "workspace": 60,
    "dashboard": 45,
    "organisation_list": 20,
    "organisation_request": 30,
    "expert_calendar": 20,
    "expert_engagements": 20,
    "organisation_list_older": 20,
    "expert_engagements_earlier": 20,
}


@pytest.fixture
def world():
    membership = MembershipFactory()
    expert = ExpertWithUserFactory()
    return {
        "organisation": membership.organisation,
        "contact": membership.user,
        "expert": expert,
        "coordinator": CoordinatorFactory(),
        "requests": [],
    }


def grow(world, count):
    """``count`` more requests with what a real one carries: dates, an engagement of the expert
    with its calendar event, messages both ways, across statuses."""
    statuses = [RequestStatus.IN_TRIAGE, RequestStatus.SCHEDULED, RequestStatus.MATCHING]
    now = timezone.now()
    for n in range(count):
        booking_request = BookingRequestFactory(
            organisation=world["organisation"],
            contact=world["contact"],
            status=statuses[n % len(statuses)],
            title=f"Training signalen {len(world['requests'])}",
        )
        # One expert's engagements may not overlap (PostgreSQL): a new slot for every request.
        slot = world.setdefault("slots", 0)
        world["slots"] = slot + 1
        starts = now + dt.timedelta(days=1, hours=3 * slot)
        DateOptionFactory(request=booking_request, position=1, starts_at=starts)
        event = Event.objects.create(
            calendar=world["expert"].calendar,
            start=starts,
            end=starts + dt.timedelta(hours=2),
            title="HOPE engagement",
        )
        engagement = EngagementFactory(
            request=booking_request,
            expert=world["expert"],
            status=EngagementStatus.CONFIRMED,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            event=event,
        )
        # Its checklist: points due and overdue on the dashboard and in the workspace.
        checklist_items_create_for_engagement(engagement=engagement, log=False)
        MessageFactory(request=booking_request, author=world["contact"])
        MessageFactory(
            request=booking_request, author=world["coordinator"], from_organisation=False
        )
        world["requests"].append(booking_request)


def count_queries(client, url):
    assert client.get(url).status_code == 200  # warm: renditions, caches, lazy settings
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def views(world):
    first = world["requests"][0]
    return {
        "listing": ("coordinator", reverse("booking_requests:index")),
        "search": ("coordinator", reverse("booking_requests:index") + "?q=signalen"),
        "workspace": ("coordinator", reverse("booking_requests:inspect", args=[first.pk])),
        "dashboard": ("coordinator", reverse("wagtailadmin_home")),
        "organisation_list": ("contact", reverse("bookings:portal")),
        "organisation_request": (
            "contact",
            reverse("bookings:request_detail", args=[first.reference]),
        ),
        "expert_calendar": ("expert", reverse("speakers:calendar")),
        "expert_engagements": ("expert", reverse("engagements:list")),
        # The next pages cost what the first costs: keyset (no count, no offset) and a page of
        # the past (a count of one expert's engagements and one page).
        "organisation_list_older": (
            "contact",
            reverse("bookings:portal") + "?older=" + cursor_for(world["requests"][-1]),
        ),
        "expert_engagements_earlier": ("expert", reverse("engagements:list") + "?page=2"),
    }


def measure(world, client_for):
    return {name: count_queries(client_for(who), url) for name, (who, url) in views(world).items()}


def test_list_views_query_counts_do_not_grow_with_rows(world, django_assert_max_num_queries):
    from django.test import Client

    clients = {}

    def client_for(who):
        if who not in clients:
            user = world["expert"].user if who == "expert" else world[who]
            clients[who] = Client()
            clients[who].force_login(user)
        return clients[who]

    grow(world, 3)
    few = measure(world, client_for)
    grow(world, 27)
    many = measure(world, client_for)

    assert many == few
    for name, (who, url) in views(world).items():
        with django_assert_max_num_queries(BUDGETS[name]):
            client_for(who).get(url)
