"""Bulk actions on the coordinators' request listing: each item through the same service as
the single action, and a summary of what succeeded and what was refused and why."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import ActivityKind, EngagementStatus, RequestStatus
from bookings.models import Activity, BookingRequest, Engagement
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin
from tests.factories.bookings import BookingRequestFactory, EngagementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator():
    return english_admin(CoordinatorFactory())


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def bulk(client, requests, **data):
    return client.post(
        reverse("booking_requests:bulk"),
        {"selected": [request.pk for request in requests], **data},
    )


def test_listing_offers_checkboxes_and_the_bulk_form(coordinator_client):
    booking_request = BookingRequestFactory()
    page = coordinator_client.get(reverse("booking_requests:index")).content.decode()
    assert f'name="selected" value="{booking_request.pk}" form="hope-bulk"' in page
    assert 'id="hope-bulk"' in page
    assert "Mark the fees of delivered engagements as paid" in page


def test_assign_a_coordinator_to_the_selection(coordinator_client):
    colleague = CoordinatorFactory(first_name="Noor", last_name="Visser")
    first, second = BookingRequestFactory(), BookingRequestFactory()
    response = bulk(coordinator_client, [first, second], action="assign", coordinator=colleague.pk)
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 requests done" in page and "0 requests refused" in page
    assert f"{first.reference}: Assigned to Noor Visser." in page
    assert set(BookingRequest.objects.values_list("coordinator", flat=True)) == {colleague.pk}
    assert Activity.objects.filter(kind=ActivityKind.ASSIGNED).count() == 2


def test_assigning_someone_who_is_not_a_coordinator_is_refused(coordinator_client):
    booking_request = BookingRequestFactory()
    response = bulk(
        coordinator_client, [booking_request], action="assign", coordinator=EditorFactory().pk
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    booking_request.refresh_from_db()
    assert booking_request.coordinator is None


def test_mark_fees_paid_reports_refusals(coordinator_client):
    paid_today = BookingRequestFactory(status=RequestStatus.DELIVERED)
    delivered = EngagementFactory(
        request=paid_today, status=EngagementStatus.DELIVERED, fee=Decimal("150.00")
    )
    no_fee = BookingRequestFactory(status=RequestStatus.DELIVERED)
    EngagementFactory(request=no_fee, status=EngagementStatus.DELIVERED, fee=None)
    not_yet = BookingRequestFactory(status=RequestStatus.SCHEDULED)
    EngagementFactory(request=not_yet, status=EngagementStatus.CONFIRMED, fee=Decimal("80"))
    day = timezone.localdate() - dt.timedelta(days=2)

    response = bulk(
        coordinator_client,
        [paid_today, no_fee, not_yet],
        action="mark_paid",
        paid_on=day.isoformat(),
    )
    page = response.content.decode()
    assert "1 request done" in page and "2 requests refused" in page
    assert f"{paid_today.reference}: 1 fee(s) marked as paid." in page
    assert f"{no_fee.reference}: no delivered engagement with an agreed fee" in page
    assert f"{not_yet.reference}: no delivered engagement with an agreed fee" in page
    delivered.refresh_from_db()
    assert delivered.paid_on == day
    assert not Engagement.objects.filter(paid_on__isnull=False).exclude(pk=delivered.pk).exists()

    again = bulk(coordinator_client, [paid_today], action="mark_paid", paid_on=day.isoformat())
    assert f"{paid_today.reference}: the fees were already paid" in again.content.decode()


def test_a_payment_date_in_the_future_is_refused_for_every_item(coordinator_client):
    booking_request = BookingRequestFactory(status=RequestStatus.DELIVERED)
    engagement = EngagementFactory(
        request=booking_request, status=EngagementStatus.DELIVERED, fee=Decimal("100")
    )
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page = bulk(
        coordinator_client, [booking_request], action="mark_paid", paid_on=tomorrow.isoformat()
    ).content.decode()
    assert f"{booking_request.reference}: The date cannot be in the future." in page
    engagement.refresh_from_db()
    assert engagement.paid_on is None


def test_nothing_selected_keeps_the_choices(coordinator_client, coordinator):
    response = coordinator_client.post(
        reverse("booking_requests:bulk"), {"action": "assign", "coordinator": coordinator.pk}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Select at least one request." in page
    assert f'<option value="{coordinator.pk}" selected>' in page


def test_export_the_selection_neutralises_formulas(coordinator_client):
    chosen = BookingRequestFactory(audience_size=25)
    BookingRequestFactory()
    BookingRequest.objects.filter(pk=chosen.pk).update(reference="=HYPERLINK(1)")
    response = bulk(coordinator_client, [chosen], action="export")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Reference", "Received", "Status"]
    assert len(rows) == 2
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][6] == "25"


def test_editors_cannot_use_bulk_actions(client):
    booking_request = BookingRequestFactory()
    client.force_login(english_admin(EditorFactory()))
    response = bulk(client, [booking_request], action="assign", coordinator="")
    # Wagtail's admin turns the refusal into its "no permission" redirect to the admin home.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not Activity.objects.filter(kind=ActivityKind.ASSIGNED).exists()


def test_impossible_ids_are_refused_not_a_server_error(coordinator_client):
    response = coordinator_client.post(
        reverse("booking_requests:bulk"),
        {"selected": ["99999999999999999999", "abc"], "action": "export"},
    )
    assert response.status_code == 400
    assert "is not a valid value" in response.content.decode()
    response = coordinator_client.post(
        "/admin/booking_requests/filters/99999999999999999999/delete/"
    )
    assert response.status_code == 404


def test_bulk_actions_read_their_refusals_from_the_one_home():
    """bulk.py keeps no copy of the refusal rule: the back office's one home decides."""
    from django.core.exceptions import PermissionDenied

    from bookings.admin_views import bulk as bulk_module
    from bookings.admin_views import refusals

    assert bulk_module.REFUSALS is refusals.REFUSALS
    assert bulk_module.refusal_text is refusals.refusal_text
    assert refusals.refusal_text(PermissionDenied()) == "Not allowed."
