"""What the period's requests asked for: counts by month, kind, organisation kind and source,
unmet demand, and the improvement-agenda themes they served.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from bookings.enums import (
    ENGAGEMENT_CONFIRMED_STATES,
    EngagementKind,
    EngagementStatus,
    OrganisationKind,
)
from bookings.models.impact import ImprovementTheme, RequestSource, RequestTheme, UnmetReason
from bookings.reports.cohort import S, _label, cohort
from bookings.reports.period import Period
from bookings.reports.tables import Figure, Report, Table
from speakers.selectors import AMSTERDAM

# --- requests by month, kind, organisation kind and source --------------------------------------


def _request_counts(period: Period) -> list[dict]:
    return list(
        cohort(period)
        .annotate(month=TruncMonth("confirmed_at", tzinfo=AMSTERDAM))
        .values("month", "kind", "organisation__kind", "source")
        .annotate(count=Count("id"))
        .order_by()
    )


def _tally(rows: list[dict], key: str) -> Counter:
    counts: Counter = Counter()
    for row in rows:
        value = row[key]
        if key == "month":
            value = value.astimezone(AMSTERDAM).date().replace(day=1)
        counts[value] += row["count"]
    return counts


def requests_report(period: Period) -> Report:
    previous = period.previous()
    rows, previous_rows = _request_counts(period), _request_counts(previous)
    total = sum(row["count"] for row in rows)
    previous_total = sum(row["count"] for row in previous_rows)
    by_month = _tally(rows, "month")
    columns = [_("Category"), _("Requests"), _("Previous period")]

    def breakdown(key, choices, title, table_key):
        now, before = _tally(rows, key), _tally(previous_rows, key)
        values = [choice.value for choice in choices]
        values += sorted(k for k in {*now, *before} if k not in values)
        return Table(
            key=table_key,
            title=title,
            columns=columns,
            rows=[
                [_label(choices, value), now[value], before[value]]
                for value in values
                if now[value] or before[value]
            ],
            chart="bar",
            chart_columns=(1, 2),
        )

    return Report(
        slug="requests",
        title=_("Requests"),
        period=period,
        previous_period=previous,
        empty=total == 0,
        figures=[Figure(_("Requests received"), total, previous_total)],
        tables=[
            Table(
                key="by_month",
                title=_("Requests per month"),
                columns=[_("Month"), _("Requests")],
                rows=[[f"{month:%m-%Y}", by_month[month]] for month in period.months()],
                chart="bar",
            ),
            breakdown("kind", EngagementKind, _("By kind of engagement"), "by_kind"),
            breakdown(
                "organisation__kind", OrganisationKind, _("By kind of organisation"), "by_org"
            ),
            breakdown("source", RequestSource, _("Where they came from"), "by_source"),
        ],
    )


# --- unmet demand -------------------------------------------------------------------------------


def unmet_report(period: Period) -> Report:
    previous = period.previous()
    unmet = cohort(period).filter(status=S.NO_EXPERT_AVAILABLE)
    rows = list(
        unmet.annotate(
            said_no=Count("engagements", filter=Q(engagements__status=EngagementStatus.DECLINED))
        )
        .values("reference", "kind", "organisation__kind", "unmet_reason", "said_no")
        .order_by("confirmed_at", "pk")
    )
    previous_count = cohort(previous).filter(status=S.NO_EXPERT_AVAILABLE).count()
    reasons = Counter(row["unmet_reason"] for row in rows)
    kinds = Counter(row["kind"] for row in rows)
    reason_values = [choice.value for choice in UnmetReason] + [""]
    return Report(
        slug="unmet",
        title=_("Unmet demand"),
        period=period,
        previous_period=previous,
        empty=not rows,
        figures=[Figure(_("Requests no expert could take"), len(rows), previous_count)],
        tables=[
            Table(
                key="reasons",
                title=_("Why no expert could take them"),
                columns=[_("Reason"), _("Requests")],
                rows=[
                    [_label(UnmetReason, value), reasons[value]]
                    for value in reason_values
                    if reasons[value]
                ],
                chart="hbar",
            ),
            Table(
                key="kinds",
                title=_("By kind of engagement"),
                columns=[_("Kind"), _("Requests")],
                rows=[
                    [_label(EngagementKind, kind.value), kinds[kind.value]]
                    for kind in EngagementKind
                    if kinds[kind.value]
                ],
                chart="bar",
            ),
            Table(
                key="requests",
                title=_("The requests"),
                columns=[
                    _("Reference"),
                    _("Kind"),
                    _("Kind of organisation"),
                    _("Reason"),
                    _("Experts who said no"),
                ],
                rows=[
                    [
                        row["reference"],
                        _label(EngagementKind, row["kind"]),
                        _label(OrganisationKind, row["organisation__kind"]),
                        _label(UnmetReason, row["unmet_reason"]),
                        row["said_no"],
                    ]
                    for row in rows
                ],
            ),
        ],
    )


# --- the improvement agenda ---------------------------------------------------------------------


def themes_report(period: Period) -> Report:
    previous = period.previous()

    def request_counts(p):
        return dict(
            RequestTheme.objects.filter(request__in=cohort(p))
            .values("theme")
            .annotate(count=Count("request", distinct=True))
            .values_list("theme", "count")
            .order_by()
        )

    now, before = request_counts(period), request_counts(previous)
    engagements = dict(
        RequestTheme.objects.filter(
            request__engagements__status__in=ENGAGEMENT_CONFIRMED_STATES,
            request__engagements__starts_at__gte=period.start,
            request__engagements__starts_at__lt=period.end,
        )
        .values("theme")
        .annotate(count=Count("request__engagements", distinct=True))
        .values_list("theme", "count")
        .order_by()
    )
    rows = [
        [
            str(theme.label),
            now.get(theme.value, 0),
            before.get(theme.value, 0),
            engagements.get(theme.value, 0),
        ]
        for theme in ImprovementTheme
    ]
    return Report(
        slug="themes",
        title=_("Improvement agenda"),
        period=period,
        previous_period=previous,
        empty=not any(now.values()) and not any(engagements.values()),
        tables=[
            Table(
                key="themes",
                title=_("Requests and engagements by theme"),
                columns=[
                    _("Theme"),
                    _("Requests"),
                    _("Requests, previous period"),
                    _("Engagements"),
                ],
                rows=rows,
                chart="bar",
                chart_columns=(1, 2),
                description=_("Themes are set by a coordinator on each request."),
            )
        ],
    )
