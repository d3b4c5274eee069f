"""Every report figure against seeded data with known answers (tests/factories/reports.py)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from bookings.reports import demand, funnel, response_times, work
from bookings.reports.fees import ceiling_warnings, fee_year
from bookings.reports.period import (
    PeriodForm,
    month_period,
    quarter_period,
    year_period,
)
from bookings.reports.tables import median, percentile, ratio
from tests.factories.reports import at, seed_quarter

pytestmark = pytest.mark.django_db

Q1 = quarter_period(2026, 1)
EMPTY = quarter_period(2025, 3)


def table(report, key):
    return next(t for t in report.tables if t.key == key)


def rows_by_label(t):
    return {row[0]: row[1:] for row in t.rows}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def seeded():
    return seed_quarter()


# --- periods ------------------------------------------------------------------------------------


def test_periods_and_their_previous_periods():
    assert Q1.first_day == dt.date(2026, 1, 1) and Q1.last_day == dt.date(2026, 3, 31)
    assert Q1.previous() == quarter_period(2025, 4)
    assert year_period(2026).previous() == year_period(2025)
    assert month_period(2026, 1).previous() == month_period(2025, 12)
    assert Q1.start == at(2026, 1, 1, 0) and Q1.end == at(2026, 4, 1, 0)
    assert [m.month for m in Q1.months()] == [1, 2, 3]


def test_custom_period_previous_is_as_long_and_just_before():
    form = PeriodForm({"period": "custom", "start": "2026-03-10", "end": "2026-03-19"})
    period = form.get_period()
    assert period.days == 10
    previous = period.previous()
    assert (previous.first_day, previous.last_day) == (dt.date(2026, 2, 28), dt.date(2026, 3, 9))


def test_bad_period_input_gives_errors_and_the_default_period():
    form = PeriodForm({"period": "custom", "start": "2026-05-01", "end": "2026-01-01"})
    assert not form.is_valid()
    assert "end" in form.errors
    assert form.get_period().kind == "quarter"
    assert not PeriodForm({"period": "month", "year": "x"}).is_valid()


def test_median_and_p90_nearest_rank_and_no_division_by_zero():
    assert median([0.5, 4, 24, 24, 48]) == 24
    assert percentile([0.5, 4, 24, 24, 48], 0.9) == 48
    assert percentile([48, 51], 0.9) == 51
    assert median([]) is None and percentile([], 0.9) is None
    assert ratio(1, 0) is None and ratio(1, 5) == 20.0


# --- requests -----------------------------------------------------------------------------------


def test_requests_by_month_kind_organisation_kind_and_source(seeded):
    report = demand.requests_report(Q1)
    assert report.figures[0].value == 5  # R6 never confirmed; R7 is in the previous quarter
    assert report.figures[0].previous == 1
    assert table(report, "by_month").rows == [["01-2026", 2], ["02-2026", 1], ["03-2026", 2]]
    by_kind = rows_by_label(table(report, "by_kind"))
    assert by_kind["Talk or information session"] == [2, 0]
    assert by_kind["Training"] == [1, 0]
    assert by_kind["Media interview"] == [1, 1]
    assert by_kind["Advice"] == [1, 0]
    by_org = rows_by_label(table(report, "by_org"))
    assert by_org["Municipality"] == [2, 0]
    assert by_org["Police or investigative service"] == [1, 0]
    by_source = rows_by_label(table(report, "by_source"))
    assert by_source["Organisation portal"] == [4, 1]
    assert by_source["Guest form"] == [1, 0]


def test_funnel_stages_and_every_exit(seeded):
    report = funnel.funnel_report(Q1)
    stages = rows_by_label(table(report, "stages"))
    assert stages["Submitted"][0] == 5
    assert stages["Accepted for matching"][0] == 3  # R1, R2, R4
    assert stages["Expert found, date fixed"][0] == 2  # R1, R2
    assert stages["Delivered"] == [1, 0, 20.0]
    exits = {row[0]: row for row in table(report, "exits").rows}
    columns = table(report, "exits").columns
    short = columns.index("less than 48 hours before")
    no_date = columns.index("before a date was fixed")
    assert exits["Declined by HOPE"][2] == 1  # the anonymised R5 still counts
    assert exits["Withdrawn"][1] == "the organisation"
    assert exits["Withdrawn"][2] == 1 and exits["Withdrawn"][short] == 1
    assert exits["Cancelled"][2] == 1 and exits["Cancelled"][no_date] == 1
    assert exits["No expert available"][2] == 1
    assert exits["An expert said no"][2] == 1
    # R2's engagement was called off with the request: counted once, as the withdrawal.
    assert exits["An engagement was cancelled"][2] == 0


def test_unmet_demand_and_why(seeded):
    report = demand.unmet_report(Q1)
    assert report.figures[0].value == 1
    assert rows_by_label(table(report, "reasons")) == {"Experts at their capacity": [1]}
    assert table(report, "requests").rows == [
        [seeded["r4"].reference, "Advice", "Care or youth care", "Experts at their capacity", 1]
    ]


def test_response_times_median_and_p90(seeded):
    report = response_times.response_report(Q1)
    first, fixed = table(report, "times").rows
    # First responses: R3 0.5 h (a message), R1 4, R2 24, R5 24, R4 48.
    assert first[1:4] == [5, 24.0, 48.0]
    # Date fixed: R1 48 h, R2 51 h.
    assert fixed[1:4] == [2, 49.5, 51.0]


def test_themes_by_request_and_engagement(seeded):
    rows = rows_by_label(table(demand.themes_report(Q1), "themes"))
    assert rows["Breaking taboos"] == [2, 0, 1]
    assert rows["A better reporting process"] == [1, 0, 1]
    assert rows["Victim-friendly care"] == [0, 0, 0]


# --- work -----------------------------------------------------------------------------------------


def test_fairness_counts_a_two_month_engagement_once_and_marks_heavy_and_over_capacity(seeded):
    report = work.fairness_report(Q1)
    rows = rows_by_label(table(report, "load"))
    assert rows["Expert Anna"] == [1, "1", "1 (1 heavy) !", "0", 2]
    assert rows["Expert Bo"] == [2, "0", "0", "0", 0]
    assert report.figures[0].value == 2
    assert report.figures[1].value == 1


def test_fees_agreed_paid_outstanding_and_for_how_long(seeded):
    report = work.fees_report(Q1, today=dt.date(2026, 4, 1))
    figures = {figure.label: figure.value for figure in report.figures}
    assert figures["Agreed (euro)"] == Decimal("370.00")
    assert figures["Paid (euro)"] == Decimal("170.00")
    assert figures["Outstanding (euro)"] == Decimal("200.00")
    assert figures["Oldest outstanding (days)"] == 45
    ages = rows_by_label(table(report, "outstanding"))
    assert ages["31–60"] == [1, Decimal("200.00")]
    experts = rows_by_label(table(report, "experts"))
    assert experts["Expert Anna"][:4] == [
        Decimal("370.00"),
        Decimal("170.00"),
        Decimal("200.00"),
        Decimal("350.00"),
    ]


def test_fee_ceilings_running_totals_and_warnings(seeded):
    expert = seeded["expert_a"]
    year = fee_year(expert=expert, year=2026)
    assert [m.fees for m in year.months[:3]] == [Decimal("150.00"), Decimal("200.00"), 0]
    assert year.total == Decimal("350.00") and not year.over_year and not year.months_over
    warnings = ceiling_warnings(
        expert_ids=[expert.pk], starts_at=at(2026, 2, 20), fee=Decimal("20.00")
    )
    assert "€ 220.00" in warnings[expert.pk][0] and "a month" in warnings[expert.pk][0]
    assert (
        ceiling_warnings(expert_ids=[expert.pk], starts_at=at(2026, 3, 20), fee=Decimal("20.00"))
        == {}
    )
    yearly = ceiling_warnings(
        expert_ids=[expert.pk], starts_at=at(2026, 5, 20), fee=Decimal("1800.00")
    )[expert.pk]
    assert any("a year" in sentence for sentence in yearly)


def test_evaluations_average_and_what_changed(seeded):
    report = work.evaluations_report(Q1)
    figures = {figure.label: figure.value for figure in report.figures}
    assert figures["Evaluations"] == 1
    assert figures["Average rating (1–5)"] == 4
    assert figures["Answers three months on"] == 1
    texts = [row[-1] for row in table(report, "what_changed").rows]
    assert texts == ['=HYPERLINK("http://x") we listen first now', "We changed our intake."]
    assert rows_by_label(table(report, "ratings"))["4"] == [1]


# --- an empty period ----------------------------------------------------------------------------

ALL = [
    demand.requests_report,
    funnel.funnel_report,
    demand.unmet_report,
    response_times.response_report,
    demand.themes_report,
    work.fairness_report,
    work.fees_report,
    work.evaluations_report,
]


@pytest.mark.parametrize("function", ALL)
def test_an_empty_period_is_an_empty_report(seeded, function):
    report = function(EMPTY)
    assert report.empty
    for figure in report.figures:
        assert figure.value in (0, None, Decimal("0.00"))
