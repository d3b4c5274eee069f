"""A coordinator triages a new request, matches, asks an expert, records the yes and sees it on
the dashboard; the workspace passes axe (serious/critical)."""

import pytest
from wagtail.users.models import UserProfile

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import BookingRequest, Engagement
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_coordinator_triages_matches_asks_and_records_acceptance(
    page, live_server, serious_axe_violations
):
    coordinator = CoordinatorFactory(email="coordinator@example.org", preferred_language="en")
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"  # the admin's language (the site's default is Dutch)
    profile.save()
    booking_request = MatchingRequestFactory(
        status=RequestStatus.IN_TRIAGE,
        title="Recognising signals in youth care",
        options=[in_days(2, hour=10)],
    )
    FittingExpertFactory(public_name="Juniper")

    # Log in through allauth's page.
    page.goto(f"{live_server.url}/accounts/inloggen/?next=/admin/")
    page.fill("input[type=email]", coordinator.email)
    page.fill("input[type=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/admin/")

    # The dashboard lists the new request awaiting triage.
    triage_panel = page.locator("#hope-triage-section")
    triage_panel.get_by_role("link", name=booking_request.reference).click()
    page.wait_for_url(f"**/admin/booking_requests/inspect/{booking_request.pk}/")
    assert (
        page.get_by_role("heading", level=2, name="Recognising signals in youth care").count() == 1
    )
    assert serious_axe_violations(page) == []

    # Triage: accept for matching.
    page.get_by_role("button", name="Accept for matching").click()
    page.wait_for_load_state()
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.MATCHING

    # Match: the matching page ranks Juniper; ask her for option 1.
    page.get_by_role("link", name="Find and ask an expert").click()
    page.wait_for_url("**/matching/")
    assert page.get_by_text("free on option 1").count() >= 1
    page.locator("summary", has_text="Ask Juniper").first.click()
    page.get_by_role("button", name="Ask Juniper").click()
    page.wait_for_url(f"**/admin/booking_requests/inspect/{booking_request.pk}/")
    engagement = Engagement.objects.get()
    assert engagement.status == EngagementStatus.ASKED

    # Juniper says yes by phone.
    page.locator("summary", has_text="Record the answer given by phone").click()
    page.get_by_label("Yes, the expert accepts").check()
    page.get_by_role("button", name="Save the answer").click()
    page.wait_for_load_state()
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    assert BookingRequest.objects.get().status == RequestStatus.SCHEDULED
    assert serious_axe_violations(page) == []

    # The dashboard shows the engagement.
    page.goto(f"{live_server.url}/admin/")
    week = page.locator("#hope-week-section")
    assert week.get_by_text("Juniper").count() == 1
    assert week.get_by_role("link", name=booking_request.reference).count() == 1
