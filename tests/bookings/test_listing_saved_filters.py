"""Saved filters on the coordinators' request listing: built-in shortcuts and each
coordinator's own, which nobody else sees."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import EngagementKind, RequestStatus
from bookings.models import SavedListingFilter
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin
from tests.factories.bookings import BookingRequestFactory, DateOptionFactory

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


def index_url():
    return reverse("booking_requests:index")


def test_built_in_shortcuts_filter_the_listing(coordinator_client, coordinator):
    mine = BookingRequestFactory(title="Mine to handle", coordinator=coordinator)
    BookingRequestFactory(title="Someone else's", coordinator=CoordinatorFactory())
    waiting = BookingRequestFactory(
        title="Waiting for answers", status=RequestStatus.MORE_INFO_NEEDED
    )
    media = BookingRequestFactory(title="Radio this month", kind=EngagementKind.MEDIA_INTERVIEW)
    DateOptionFactory(request=media, starts_at=timezone.now() + dt.timedelta(hours=1))
    later = BookingRequestFactory(title="Radio next year", kind=EngagementKind.MEDIA_INTERVIEW)
    DateOptionFactory(request=later, starts_at=timezone.now() + dt.timedelta(days=300))

    page = coordinator_client.get(index_url()).content.decode()
    for label in ("Mine", "Waiting on the organisation", "Media this month"):
        assert label in page

    page = coordinator_client.get(index_url(), {"coordinator": coordinator.pk}).content.decode()
    assert mine.title in page and "Someone else" not in page

    page = coordinator_client.get(index_url(), {"status": "more_info_needed"}).content.decode()
    assert waiting.title in page and mine.title not in page

    page = coordinator_client.get(
        index_url(), {"kind": "media_interview", "this_month": "true"}
    ).content.decode()
    assert media.title in page and later.title not in page


def test_save_a_filter_keeps_only_listing_parameters(coordinator_client, coordinator):
    response = coordinator_client.post(
        reverse("booking_requests:save_filter"),
        {"name": "Police asks", "query": "status=in_triage&evil=1&next=http://x.example&q=police"},
    )
    saved = SavedListingFilter.objects.get(user=coordinator)
    assert saved.name == "Police asks"
    assert saved.query_string == "status=in_triage&q=police"
    assert response.url.endswith("?status=in_triage&q=police")
    page = coordinator_client.get(index_url()).content.decode()
    assert "Police asks" in page and "Remove filter Police asks" in page


def test_saving_without_name_or_filter_is_refused_and_keeps_the_filter(coordinator_client):
    response = coordinator_client.post(
        reverse("booking_requests:save_filter"), {"name": "  ", "query": "status=in_triage"}
    )
    assert "status=in_triage" in response.url
    page = coordinator_client.get(response.url).content.decode()
    assert "Give the filter a name." in page
    assert 'name="query" value="status=in_triage"' in page
    response = coordinator_client.post(
        reverse("booking_requests:save_filter"), {"name": "Nothing", "query": "evil=1"}, follow=True
    )
    assert "Choose at least one filter before saving it." in response.content.decode()
    assert not SavedListingFilter.objects.exists()


def test_other_coordinators_never_see_or_remove_her_filters(client, coordinator):
    saved = SavedListingFilter.objects.create(
        user=coordinator, name="Her private shortcut", query_string="status=in_triage"
    )
    other = english_admin(CoordinatorFactory())
    client.force_login(other)
    assert "Her private shortcut" not in client.get(index_url()).content.decode()
    response = client.post(reverse("booking_requests:delete_filter", args=[saved.pk]))
    assert response.status_code == 404
    assert SavedListingFilter.objects.filter(pk=saved.pk).exists()

    client.force_login(coordinator)
    client.post(reverse("booking_requests:delete_filter", args=[saved.pk]))
    assert not SavedListingFilter.objects.filter(pk=saved.pk).exists()


def test_editors_cannot_save_filters(client):
    client.force_login(english_admin(EditorFactory()))
    response = client.post(
        reverse("booking_requests:save_filter"), {"name": "x", "query": "status=in_triage"}
    )
    # Wagtail's admin turns the refusal into its "no permission" redirect to the admin home.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not SavedListingFilter.objects.exists()


def test_filtering_in_place_refreshes_the_save_form(coordinator_client):
    """Wagtail refreshes the results without reloading the page; the save form comes along."""
    page = coordinator_client.get(
        reverse("booking_requests:index_results"), {"status": "in_triage", "p": "1"}
    ).content.decode()
    assert 'name="query" value="status=in_triage"' in page
    assert 'id="hope-bulk"' in page
