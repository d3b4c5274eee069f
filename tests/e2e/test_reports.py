"""A coordinator opens the funnel for last quarter, switches to the chart and downloads the XLSX;
the report page passes axe (serious/critical)."""

import datetime as dt

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from bookings.enums import RequestStatus
from bookings.reports.period import current_quarter
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.reports import log, made_request

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_coordinator_opens_last_quarters_funnel_as_a_chart_and_downloads_it(
    page, live_server, serious_axe_violations, tmp_path
):
    coordinator = CoordinatorFactory(email="coordinator@example.org", preferred_language="en")
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    last_quarter = current_quarter(timezone.localdate()).previous()
    arrived = last_quarter.start + dt.timedelta(days=3, hours=10)
    for status in (RequestStatus.MATCHING, RequestStatus.DECLINED, RequestStatus.DECLINED):
        request = made_request(confirmed_at=arrived, status=status)
        log(request, (RequestStatus.IN_TRIAGE, status, arrived + dt.timedelta(hours=5)))

    page.goto(f"{live_server.url}/accounts/inloggen/?next=/admin/hope-reports/")
    page.fill("input[type=email]", coordinator.email)
    page.fill("input[type=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/admin/hope-reports/")

    page.get_by_role("link", name="Funnel").click()
    page.select_option("#id_period", "quarter")
    page.fill("#id_year", str(last_quarter.first_day.year))
    page.select_option("#id_quarter", str((last_quarter.first_day.month - 1) // 3 + 1))
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    with translation.override("en"):
        assert last_quarter.label in page.title()
    assert page.locator("table#table-funnel-0 tbody tr").first.inner_text().split("\t")[:2] == [
        "Submitted",
        "3",
    ]

    page.get_by_role("link", name="Chart").click()
    chart = page.locator("svg.hope-chart").first
    chart.wait_for()
    assert chart.locator("title").first.text_content() == "From request to delivery"
    assert page.locator("figure table#table-funnel-0").count() == 1
    assert serious_axe_violations(page) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download XLSX").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    workbook = load_workbook(target)
    stages = [
        [cell.value for cell in row] for row in workbook["From request to delivery"].iter_rows()
    ]
    assert stages[1][:2] == ["Submitted", 3]
    exits = {
        row[0].value: row[2].value
        for row in workbook["Where requests left the road"].iter_rows(min_row=2)
    }
    assert exits["Declined by HOPE"] == 2
