"""Reports about the experts' work: load against capacity (fairness), fees, and what
organisations said changed. Each runs a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Avg, Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings.enums import (
    ENGAGEMENT_CONFIRMED_STATES,
    ENGAGEMENT_ENDED_STATES,
    HEAVY_KINDS,
    EngagementKind,
    OrganisationKind,
)
from bookings.models import Engagement, Evaluation
from bookings.models.impact import ImpactAnswer, ImpactQuote, QuoteSource
from bookings.reports.fees import fee_years
from bookings.reports.period import Period
from bookings.reports.tables import Figure, Report, Table
from speakers.models import Expert
from speakers.selectors import AMSTERDAM

ZERO = Decimal("0.00")
AGE_BUCKETS = ((30, "0–30"), (60, "31–60"), (90, "61–90"), (None, "> 90"))


def _in_period(period: Period):
    return {"starts_at__gte": period.start, "starts_at__lt": period.end}


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return _("Not recorded")


# --- engagements per expert per month against capacity ---------------------------------------


def fairness_report(period: Period) -> Report:
    """An engagement counts in the month it starts (one spanning midnight at the end of a month
    counts once). Heavy kinds weigh as the expert's `heavy_weight` and are marked."""
    previous = period.previous()
    rows = list(
        Engagement.objects.filter(status__in=ENGAGEMENT_CONFIRMED_STATES, **_in_period(period))
        .annotate(month=TruncMonth("starts_at", tzinfo=AMSTERDAM))
        .values("expert_id", "month", "request__kind")
        .annotate(count=Count("id"))
        .order_by()
    )
    previous_total = Engagement.objects.filter(
        status__in=ENGAGEMENT_CONFIRMED_STATES, **_in_period(previous)
    ).count()
    experts = list(
        Expert.objects.only("pk", "public_name", "monthly_capacity", "heavy_weight").order_by(
            "public_name", "pk"
        )
    )
    months = period.months()
    counts = defaultdict(Counter)
    heavy = defaultdict(Counter)
    load = defaultdict(Counter)
    by_id = {expert.pk: expert for expert in experts}
    for row in rows:
        expert = by_id.get(row["expert_id"])
        month = row["month"].astimezone(AMSTERDAM).date().replace(day=1)
        counts[row["expert_id"]][month] += row["count"]
        weight = 1
        if row["request__kind"] in HEAVY_KINDS:
            heavy[row["expert_id"]][month] += row["count"]
            weight = max(int(expert.heavy_weight or 1), 1) if expert else 1
        load[row["expert_id"]][month] += row["count"] * weight
    table_rows, over = [], 0
    for expert in experts:
        cells = []
        for month in months:
            cell = str(counts[expert.pk][month])
            if heavy[expert.pk][month]:
                cell += " (" + _("%(heavy)s heavy") % {"heavy": heavy[expert.pk][month]} + ")"
            if load[expert.pk][month] > expert.monthly_capacity:
                cell += " !"
                over += 1
            cells.append(cell)
        table_rows.append(
            [expert.public_name, expert.monthly_capacity, *cells, sum(counts[expert.pk].values())]
        )
    total = sum(sum(counter.values()) for counter in counts.values())
    return Report(
        slug="fairness",
        title=_("Load and capacity"),
        period=period,
        previous_period=previous,
        empty=total == 0,
        figures=[
            Figure(_("Engagements"), total, previous_total),
            Figure(_("Months above capacity"), over),
        ],
        tables=[
            Table(
                key="load",
                title=_("Engagements per expert per month"),
                columns=[_("Expert"), _("Capacity per month")]
                + [f"{month:%m-%Y}" for month in months]
                + [_("Total")],
                rows=table_rows,
                chart="hbar",
                chart_columns=(len(months) + 2,),
                description=_(
                    "Confirmed and delivered engagements, in the month they start. "
                    "“heavy”: media interviews and other heavy kinds, which count more; "
                    "“!”: above the expert's capacity."
                ),
            ),
        ],
    )


# --- fees ---------------------------------------------------------------------------------------


def _fee_rows(period: Period):
    return list(
        Engagement.objects.filter(fee__isnull=False, **_in_period(period))
        .exclude(status__in=ENGAGEMENT_ENDED_STATES)
        .values_list("expert_id", "starts_at", "ends_at", "fee", "travel_costs", "paid_on")
        .order_by()
    )


def fees_report(period: Period, *, today: dt.date | None = None) -> Report:
    previous = period.previous()
    today = today or timezone.localdate()
    rows, previous_rows = _fee_rows(period), _fee_rows(previous)

    def totals(fee_rows):
        agreed = paid = ZERO
        for _expert, _start, _end, fee, travel, paid_on in fee_rows:
            amount = fee + (travel or ZERO)
            agreed += amount
            if paid_on:
                paid += amount
        return agreed, paid, agreed - paid

    agreed, paid, outstanding = totals(rows)
    before = totals(previous_rows)
    ages, oldest = Counter(), 0
    amounts_by_age: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for _expert, starts_at, ends_at, fee, travel, paid_on in rows:
        if paid_on:
            continue
        days = (today - (ends_at or starts_at).astimezone(AMSTERDAM).date()).days
        if days < 0:
            continue  # not taken place yet: not outstanding for long
        oldest = max(oldest, days)
        for limit, label in AGE_BUCKETS:
            if limit is None or days <= limit:
                ages[label] += 1
                amounts_by_age[label] += fee + (travel or ZERO)
                break
    expert_ids = sorted({row[0] for row in rows})
    names = dict(Expert.objects.filter(pk__in=expert_ids).values_list("pk", "public_name"))
    year = period.last_day.year
    years = fee_years(expert_ids=expert_ids, year=year)
    per_expert: dict[int, list] = defaultdict(lambda: [ZERO, ZERO])
    for expert_id, _start, _end, fee, travel, paid_on in rows:
        amount = fee + (travel or ZERO)
        per_expert[expert_id][0] += amount
        if paid_on:
            per_expert[expert_id][1] += amount
    expert_rows = []
    for expert_id in sorted(expert_ids, key=lambda pk: (names.get(pk, ""), pk)):
        fee_year = years[expert_id]
        expert_rows.append(
            [
                names.get(expert_id, ""),
                per_expert[expert_id][0],
                per_expert[expert_id][1],
                per_expert[expert_id][0] - per_expert[expert_id][1],
                fee_year.total,
                ", ".join(f"{month.month:%m}" for month in fee_year.months_over) or "—",
                _("yes") if fee_year.over_year else _("no"),
            ]
        )
    return Report(
        slug="fees",
        title=_("Fees"),
        period=period,
        previous_period=previous,
        empty=not rows,
        figures=[
            Figure(_("Agreed (euro)"), agreed, before[0]),
            Figure(_("Paid (euro)"), paid, before[1]),
            Figure(_("Outstanding (euro)"), outstanding, before[2]),
            Figure(_("Oldest outstanding (days)"), oldest),
        ],
        tables=[
            Table(
                key="outstanding",
                title=_("Outstanding, by days since the engagement"),
                columns=[_("Days"), _("Engagements"), _("Amount (euro)")],
                rows=[[label, ages[label], amounts_by_age[label]] for _limit, label in AGE_BUCKETS],
                chart="bar",
                chart_columns=(2,),
            ),
            Table(
                key="experts",
                title=_("Per expert"),
                columns=[
                    _("Expert"),
                    _("Agreed (euro)"),
                    _("Paid (euro)"),
                    _("Outstanding (euro)"),
                    _("Fees in %(year)s so far (euro)") % {"year": year},
                    _("Months above the monthly allowance"),
                    _("Above the yearly allowance"),
                ],
                rows=expert_rows,
                description=_(
                    "Amounts include travel costs; the allowance columns count fees only."
                ),
            ),
        ],
    )


# --- evaluations and what changed ---------------------------------------------------------------


def evaluations_report(period: Period) -> Report:
    previous = period.previous()
    window = {"created_at__gte": period.start, "created_at__lt": period.end}
    summary = Evaluation.objects.filter(**window).aggregate(
        average=Avg("rating"), count=Count("id")
    )
    previous_summary = Evaluation.objects.filter(
        created_at__gte=previous.start, created_at__lt=previous.end
    ).aggregate(average=Avg("rating"), count=Count("id"))
    ratings = dict(
        Evaluation.objects.filter(**window)
        .values("rating")
        .annotate(count=Count("id"))
        .values_list("rating", "count")
        .order_by()
    )
    fields = ("request_id", "request__reference", "request__kind", "request__organisation__kind")
    evaluations = list(
        Evaluation.objects.filter(**window)
        .exclude(what_changed="")
        .values(*fields, "rating", "what_changed", "created_at")
        .order_by("created_at", "pk")
    )
    answers = list(
        ImpactAnswer.objects.filter(**window)
        .values(*fields, "what_changed", "created_at")
        .order_by("created_at", "pk")
    )
    chosen = set(ImpactQuote.objects.values_list("request_id", "source"))
    quotes = []
    for source, items in ((QuoteSource.EVALUATION, evaluations), (QuoteSource.FOLLOW_UP, answers)):
        for item in items:
            quotes.append(
                {
                    "request_id": item["request_id"],
                    "reference": item["request__reference"],
                    "kind": _label(EngagementKind, item["request__kind"]),
                    "organisation_kind": _label(
                        OrganisationKind, item["request__organisation__kind"]
                    ),
                    "source": source,
                    "source_label": str(source.label),
                    "text": item["what_changed"],
                    "date": item["created_at"],
                    "chosen": (item["request_id"], source.value) in chosen,
                }
            )
    average = summary["average"]
    previous_average = previous_summary["average"]
    return Report(
        slug="evaluations",
        title=_("Evaluations"),
        period=period,
        previous_period=previous,
        empty=not summary["count"] and not answers,
        figures=[
            Figure(_("Evaluations"), summary["count"], previous_summary["count"]),
            Figure(
                _("Average rating (1–5)"),
                round(average, 2) if average is not None else None,
                round(previous_average, 2) if previous_average is not None else None,
            ),
            Figure(_("Answers three months on"), len(answers)),
        ],
        tables=[
            Table(
                key="ratings",
                title=_("Ratings"),
                columns=[_("Rating"), _("Evaluations")],
                rows=[[str(rating), ratings.get(rating, 0)] for rating in range(5, 0, -1)],
                chart="hbar",
            ),
            Table(
                key="what_changed",
                title=_("What changed, in their words"),
                columns=[
                    _("Date"),
                    _("Reference"),
                    _("Kind"),
                    _("Kind of organisation"),
                    _("Source"),
                    _("What changed"),
                ],
                rows=[
                    [
                        timezone.localtime(quote["date"]).date(),
                        quote["reference"],
                        quote["kind"],
                        quote["organisation_kind"],
                        quote["source_label"],
                        quote["text"],
                    ]
                    for quote in quotes
                ],
                free_text=True,
            ),
        ],
        extra={"quotes": quotes},
    )
