"""A coordinator's listing tools and checklists in a real browser: the "waiting on the
organisation" shortcut, saving a filter, a bulk action with its summary, and a checklist point
ticked in the workspace that leaves the dashboard. Every page passes axe (serious/critical)."""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from bookings.enums import EngagementKind, EngagementStatus, RequestStatus
from bookings.models import SavedListingFilter
from bookings.services.checklists import checklist_items_create_for_engagement
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, in_days
from tests.factories.bookings import BookingRequestFactory, EngagementFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = "/tmp/checklists"


def coordinator_in(language):
    coordinator = CoordinatorFactory(
        email=f"coordinator-{language}@example.org",
        preferred_language=language,
        first_name="Noor",
        last_name="Coördinator",
    )
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = language
    profile.save()
    return coordinator


def log_in(page, live_server, coordinator, next_url="/admin/"):
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.fill("input[type=email]", coordinator.email)
    page.fill("input[type=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}{next_url}")


def scheduled_talk(*, days=4, title="Talk for police team leaders"):
    booking_request = BookingRequestFactory(
        kind=EngagementKind.TALK, status=RequestStatus.SCHEDULED, title=title
    )
    starts = in_days(days, hour=14)
    engagement = EngagementFactory(
        request=booking_request,
        expert=FittingExpertFactory(public_name="Juniper"),
        status=EngagementStatus.CONFIRMED,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
    )
    checklist_items_create_for_engagement(engagement=engagement, log=False)
    return engagement


def test_shortcut_saved_filter_bulk_action_and_a_ticked_checklist(
    page, live_server, serious_axe_violations
):
    coordinator = coordinator_in("en")
    more_info = BookingRequestFactory(
        status=RequestStatus.MORE_INFO_NEEDED, title="Training for a school, audience unclear"
    )
    radio = BookingRequestFactory(
        media=True,
        media_gates_met=True,
        media_support_person="",
        status=RequestStatus.MATCHING,
        title="Radio interview without a support person",
    )
    talk = scheduled_talk()
    log_in(page, live_server, coordinator, "/admin/booking_requests/")

    # The built-in shortcut: more information asked, and the media interview missing details.
    page.get_by_role("link", name="Waiting on the organisation").click()
    page.wait_for_url("**waiting_on_organisation=true*")
    results = page.locator("table.listing")
    assert results.get_by_text(more_info.title).count() == 1
    assert results.get_by_text(radio.title).count() == 1
    assert results.get_by_text(talk.request.title).count() == 0
    assert serious_axe_violations(page) == []

    # Save it under her own name.
    page.get_by_label("Save this filter as").fill("Chase the organisations")
    page.get_by_role("button", name="Save this filter").click()
    page.get_by_text("Filter “Chase the organisations” saved.").wait_for()
    assert SavedListingFilter.objects.get(user=coordinator).query_string == (
        "waiting_on_organisation=true"
    )

    # Bulk: take both requests on, and read the summary.
    page.get_by_label(f"Select {more_info.reference}").check()
    page.get_by_label(f"Select {radio.reference}").check()
    page.locator("summary", has_text="Act on the selected requests").click()
    page.get_by_label("With the selected requests").select_option("assign")
    page.locator("#hope-bulk select[name=coordinator]").select_option(str(coordinator.pk))
    page.get_by_role("button", name="Apply to the selection").click()
    page.wait_for_url("**/booking_requests/bulk/")
    assert page.get_by_role("heading", name="2 requests done").count() == 1
    assert serious_axe_violations(page) == []
    more_info.refresh_from_db()
    radio.refresh_from_db()
    assert more_info.coordinator == coordinator and radio.coordinator == coordinator

    # The dashboard: the talk's points due this week, the fee overdue.
    page.goto(f"{live_server.url}/admin/")
    panel = page.locator("#hope-checklist-section")
    assert panel.get_by_text("Fee agreed").count() == 1
    assert panel.get_by_text("overdue").count() >= 1
    assert serious_axe_violations(page) == []
    panel.get_by_role("link", name=talk.request.reference).first.click()
    page.wait_for_url(f"**/inspect/{talk.request.pk}/#checklist-{talk.pk}")

    # Tick every point in the workspace (a plain form: no JavaScript needed).
    checklist = page.locator(f"#checklist-{talk.pk}")
    boxes = checklist.get_by_role("checkbox")
    assert boxes.count() == talk.checklist_items.count()
    for index in range(boxes.count()):
        boxes.nth(index).check()
    checklist.get_by_role("button", name="Save checklist").click()
    page.get_by_text("Checklist saved.").wait_for()
    assert not talk.checklist_items.filter(done_at__isnull=True).exists()
    assert page.locator(f"#checklist-{talk.pk} input:checked").count() == boxes.count()
    assert serious_axe_violations(page) == []

    # Gone from the dashboard.
    page.goto(f"{live_server.url}/admin/")
    panel = page.locator("#hope-checklist-section")
    assert panel.get_by_text("No checklist item is due in the next seven days.").count() == 1


@pytest.mark.parametrize("language", ["nl", "en"])
def test_screenshots_of_the_checklist_and_the_dashboard_panel(
    page, live_server, serious_axe_violations, language
):
    coordinator = coordinator_in(language)
    talk = scheduled_talk(days=6)
    done = talk.checklist_items.order_by("due_on").last()
    done.done_at, done.done_by = talk.created_at, coordinator
    done.save()
    log_in(page, live_server, coordinator)
    workspace = reverse("booking_requests:inspect", args=[talk.request.pk])
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/admin/")
        panel = page.locator("#hope-checklist-section")
        panel.scroll_into_view_if_needed()
        panel.screenshot(path=f"{SHOTS}/dashboard-checklist-{language}-{width}.png")
        page.goto(f"{live_server.url}{workspace}")
        checklist = page.locator(f"#checklist-{talk.pk}")
        checklist.scroll_into_view_if_needed()
        checklist.screenshot(path=f"{SHOTS}/workspace-checklist-{language}-{width}.png")
        assert serious_axe_violations(page) == []
