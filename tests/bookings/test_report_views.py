"""The report pages a coordinator uses: access, period picker, charts, exports, query budgets,
the annual page, the quote choice and the workspace's report details."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import ImpactQuote, RequestTheme
from bookings.reports.exports import neutralise
from bookings.reports.registry import REPORTS
from speakers.models import IdentityMode
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin
from tests.factories.bookings import EngagementFactory, OrganisationContactFactory
from tests.factories.reports import PRIVATE, at, made_request, seed_quarter
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db
Q1 = "period=quarter&year=2026&quarter=1"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def seeded():
    return seed_quarter()


@pytest.fixture
def coordinator_client(client):
    coordinator = english_admin(CoordinatorFactory())
    client.force_login(coordinator)
    return client


def url(slug, query=Q1):
    return reverse("hope_reports:report", args=[slug]) + "?" + query


# --- who may see reports ------------------------------------------------------------------------


@pytest.mark.parametrize("slug", list(REPORTS))
def test_editors_and_organisations_are_refused_every_report_and_export(client, seeded, slug):
    client.force_login(EditorFactory())
    assert client.get(url(slug)).status_code == 403
    assert client.get(url(slug, Q1 + "&format=xlsx")).status_code == 403
    client.force_login(OrganisationContactFactory())
    assert client.get(url(slug, Q1 + "&format=csv")).status_code in (302, 403)


def test_editors_are_refused_the_index_annual_page_quotes_and_report_details(client, seeded):
    client.force_login(EditorFactory())
    assert client.get(reverse("hope_reports:index")).status_code == 403
    assert client.get(reverse("hope_reports:annual", args=[2026])).status_code == 403
    request_pk = seeded["r1"].pk
    response = client.post(
        reverse("hope_reports:quote", args=[request_pk]), {"source": "evaluation", "chosen": "1"}
    )
    assert response.status_code == 403
    response = client.post(
        reverse("hope_reports:request_facts", args=[request_pk]), {"themes": ["breaking_taboos"]}
    )
    assert response.status_code == 403
    assert not ImpactQuote.objects.exists()
    assert RequestTheme.objects.filter(request_id=request_pk).count() == 2


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(url("funnel"))
    assert response.status_code == 302


def test_unknown_report_and_unknown_request_are_404(coordinator_client):
    assert coordinator_client.get(url("nonsense")).status_code == 404
    response = coordinator_client.post(
        reverse("hope_reports:request_facts", args=[999999]), {"themes": []}
    )
    assert response.status_code == 404


# --- the pages ----------------------------------------------------------------------------------


def test_funnel_page_shows_figures_and_the_previous_period(coordinator_client, seeded):
    response = coordinator_client.get(url("funnel"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Q1 2026, compared with Q4 2025." in html
    assert "Where requests left the road" in html
    assert "less than 48 hours before" in html


@pytest.mark.parametrize("slug", list(REPORTS))
def test_an_empty_period_shows_an_empty_state(coordinator_client, slug):
    response = coordinator_client.get(url(slug, "period=year&year=2024&show=chart"))
    assert response.status_code == 200
    assert "Nothing to report for 2024 yet." in response.content.decode()


def test_bad_period_keeps_the_input_and_shows_the_error(coordinator_client, seeded):
    query = "period=custom&start=2026-05-01&end=2026-01-01"
    response = coordinator_client.get(url("requests", query))
    html = response.content.decode()
    assert response.status_code == 200
    assert "The last day is before the first day." in html
    assert 'value="2026-05-01"' in html


@pytest.mark.parametrize("slug", list(REPORTS))
def test_chart_svgs_parse_and_carry_title_description_and_their_data_table(
    coordinator_client, seeded, slug
):
    response = coordinator_client.get(url(slug, Q1 + "&show=chart"))
    html = response.content.decode()
    charts = [chunk.split("</svg>")[0] + "</svg>" for chunk in html.split("<svg")[1:]]
    charts = ["<svg" + chart for chart in charts if 'class="hope-chart"' in chart]
    assert charts, "every report has at least one chart"
    for chart in charts:
        root = ET.fromstring(chart)
        title = root.find(f"{SVG}title").text
        description = root.find(f"{SVG}desc").text
        assert title and description
        assert root.get("role") == "img"
        # The data table beside it has the same title as its caption.
        assert f"<caption>{title}</caption>" in html.replace("&#x27;", "'").replace("&quot;", '"')
    assert "<script" not in html.split('class="hope-reports"')[1]
    assert 'style="' not in html.split('class="hope-reports"')[1]


def chart_svgs(html):
    chunks = ["<svg" + chunk.split("</svg>")[0] + "</svg>" for chunk in html.split("<svg")[1:]]
    return [ET.fromstring(chunk) for chunk in chunks if 'class="hope-chart"' in chunk]


def test_funnel_chart_values_match_its_table(coordinator_client, seeded):
    html = coordinator_client.get(url("funnel", Q1 + "&show=chart")).content.decode()
    chart = next(
        root
        for root in chart_svgs(html)
        if root.find(f"{SVG}title").text == "From request to delivery"
    )
    bars = [rect.find(f"{SVG}title").text for rect in chart.iter(f"{SVG}rect")]
    assert bars == [
        "Submitted: 5",
        "Accepted for matching: 3",
        "Expert found, date fixed: 2",
        "Delivered: 1",
    ]
    assert "Submitted: Requests 5" in chart.find(f"{SVG}desc").text


# --- exports ------------------------------------------------------------------------------------


def test_neutralise_formula_cells():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("+31 6") == "'+31 6"
    assert neutralise("-x") == "'-x"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("fine") == "fine"
    assert neutralise(-3) == -3


def test_funnel_xlsx_opens_and_has_the_figures(coordinator_client, seeded):
    response = coordinator_client.get(url("funnel", Q1 + "&format=xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    stages = workbook["From request to delivery"]
    values = [[cell.value for cell in row] for row in stages.iter_rows()]
    assert values[0] == ["Stage", "Requests", "Previous period", "Share (%)"]
    assert values[1][:2] == ["Submitted", 5]
    assert values[4] == ["Delivered", 1, 0, 20]
    summary = [[cell.value for cell in row] for row in workbook["Summary"].iter_rows()]
    assert ["Submitted", 5, 1] in summary


def test_requests_csv_has_the_same_figures(coordinator_client, seeded):
    response = coordinator_client.get(url("requests", Q1 + "&format=csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Requests received", "5", "1"] in rows
    assert ["01-2026", "2"] in rows and ["03-2026", "2"] in rows
    assert ["Guest form", "1", "0"] in rows


def test_evaluation_exports_neutralise_formulas(coordinator_client, seeded):
    response = coordinator_client.get(url("evaluations", Q1 + "&format=csv"))
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text
    workbook = load_workbook(
        io.BytesIO(coordinator_client.get(url("evaluations", Q1 + "&format=xlsx")).content)
    )
    cells = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value and "HYPERLINK" in str(cell.value)
    ]
    assert cells and all(cell.data_type == "s" for cell in cells)
    assert all(str(cell.value).startswith("'=") for cell in cells)


@pytest.mark.parametrize("slug", list(REPORTS))
def test_no_private_text_and_no_free_text_outside_the_evaluations(coordinator_client, seeded, slug):
    for export in ("csv", "xlsx"):
        response = coordinator_client.get(url(slug, Q1 + f"&format={export}"))
        if export == "csv":
            text = response.content.decode("utf-8-sig")
        else:
            workbook = load_workbook(io.BytesIO(response.content))
            text = " ".join(
                str(cell.value)
                for sheet in workbook.worksheets
                for row in sheet.iter_rows()
                for cell in row
                if cell.value is not None
            )
        for secret in PRIVATE:
            assert secret not in text
        assert "youth workers" not in text.lower()  # the request's description
        if slug != "evaluations":
            assert "We changed our intake." not in text


# --- query budgets ------------------------------------------------------------------------------


def _more_data(count):
    expert = ExpertFactory()
    for number in range(count):
        request = made_request(
            confirmed_at=at(2026, 1 + number % 3, 1 + number % 27),
            status=RequestStatus.DELIVERED,
        )
        EngagementFactory(
            request=request,
            expert=expert,
            status=EngagementStatus.DELIVERED,
            starts_at=at(2026, 1 + number % 3, 1 + number % 27, 14),
            ends_at=at(2026, 1 + number % 3, 1 + number % 27, 16),
            confirmed_at=at(2026, 1 + number % 3, 1 + number % 27, 12),
            fee=10,
        )


@pytest.mark.parametrize("slug", list(REPORTS))
def test_each_report_renders_with_a_fixed_number_of_queries(
    coordinator_client, seeded, slug, django_assert_max_num_queries
):
    def count():
        with CaptureQueriesContext(connection) as context:
            assert coordinator_client.get(url(slug, Q1 + "&show=chart")).status_code == 200
        return len(context.captured_queries)

    coordinator_client.get(url(slug))  # warm the session and settings
    before = count()
    _more_data(12)
    assert count() == before
    with django_assert_max_num_queries(40):
        coordinator_client.get(url(slug, Q1 + "&show=chart"))


# --- the annual page and quotes -----------------------------------------------------------------


def test_a_coordinator_chooses_a_quote_and_the_annual_page_shows_it_without_hidden_names(
    coordinator_client, seeded
):
    hidden = ExpertFactory(public_name="Roos", identity_mode=IdentityMode.NOT_PUBLIC)
    answer = seeded["r1"].impact_answer
    answer.what_changed = "Since Roos spoke we listen first."
    answer.save()
    response = coordinator_client.post(
        reverse("hope_reports:quote", args=[seeded["r1"].pk]),
        {"source": "follow_up", "chosen": "1", "next": url("evaluations")},
    )
    assert response.status_code == 302
    html = coordinator_client.get(reverse("hope_reports:annual", args=[2026])).content.decode()
    assert "Since […] spoke we listen first." in html
    assert hidden.public_name not in html
    assert "Impact in 2026" in html
    assert seeded["r1"].organisation.name not in html
    # Key figures: delivered engagements this year, organisations reached.
    assert "Engagements delivered" in html


def test_annual_page_for_an_empty_year(coordinator_client):
    response = coordinator_client.get(reverse("hope_reports:annual", args=[2021]))
    assert response.status_code == 200
    assert "Nothing to report for this year yet." in response.content.decode()


# --- the workspace's report details -------------------------------------------------------------


def test_coordinator_sets_themes_and_unmet_reason_from_the_workspace(coordinator_client, seeded):
    booking_request = seeded["r4"]
    workspace = reverse("booking_requests:inspect", args=[booking_request.pk])
    assert "Report details" in coordinator_client.get(workspace).content.decode()
    response = coordinator_client.post(
        reverse("hope_reports:request_facts", args=[booking_request.pk]),
        {"themes": ["victim_friendly_care"], "unmet_reason": "availability"},
    )
    assert response.status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.unmet_reason == "availability"
    assert list(booking_request.themes.values_list("theme", flat=True)) == ["victim_friendly_care"]


def test_bad_report_details_show_an_error_and_save_nothing(coordinator_client, seeded):
    booking_request = seeded["r4"]
    response = coordinator_client.post(
        reverse("hope_reports:request_facts", args=[booking_request.pk]),
        {"themes": ["victim_friendly_care", "made_up"], "unmet_reason": "load"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not booking_request.themes.exists()


def test_only_coordinators_see_the_reports_menu_item(client, coordinator_client):
    reports_url = reverse("hope_reports:index")
    assert reports_url in coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(EditorFactory())
    assert reports_url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_cannot_tell_which_request_numbers_exist(client, seeded):
    client.force_login(EditorFactory())
    existing = seeded["r4"].pk
    for pk in (existing, 999999):
        response = client.post(reverse("hope_reports:request_facts", args=[pk]), {"themes": []})
        assert response.status_code == 403


def test_an_editor_cannot_probe_request_numbers_through_matching(client, seeded):
    client.force_login(EditorFactory())
    for pk in (seeded["r4"].pk, 999999):
        response = client.get(reverse("booking_requests:matching", args=[pk]))
        assert response.status_code in (302, 403)


def test_the_reports_index_names_itself_in_the_header(coordinator_client):
    # Its visible header had only "Home" in it; the page's own name is the last crumb.
    html = coordinator_client.get(reverse("hope_reports:index")).content.decode()
    crumbs = html.split("data-w-breadcrumbs", 1)[1].split("</ol>", 1)[0]
    assert "Reports" in crumbs
