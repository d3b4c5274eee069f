"""Reports about requests: what came in, how far it got, what went unmet, how fast we answered,
and which improvement-agenda themes it served. Each runs a fixed number of queries.

A request belongs to the period in which it reached the coordinators (`confirmed_at`); a guest's
request that was never confirmed never reached anyone and is not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from bookings.enums import (
    ENGAGEMENT_CONFIRMED_STATES,
    TRIAGE_STATES,
    ActivityKind,
    EngagementKind,
    EngagementStatus,
    OrganisationKind,
    RequestStatus,
)
from bookings.models import Activity, BookingRequest, Engagement, Message
from bookings.models.impact import ImprovementTheme, RequestSource, RequestTheme, UnmetReason
from bookings.reports.period import Period
from bookings.reports.tables import Figure, Report, Table, median, percentile, ratio
from speakers.selectors import AMSTERDAM

S = RequestStatus

# Where a request is once it passed each stage of the funnel.
REACHED = {
    "triaged": {S.MATCHING, S.EXPERT_ASKED, S.SCHEDULED, S.DELIVERED, S.CLOSED},
    "matched": {S.SCHEDULED, S.DELIVERED, S.CLOSED},
    "delivered": {S.DELIVERED, S.CLOSED},
}
# The status change that marks each stage in the activity log.
STAGE_STATUS = {"triaged": S.MATCHING, "matched": S.SCHEDULED, "delivered": S.DELIVERED}
EXITS = (S.DECLINED, S.WITHDRAWN, S.CANCELLED, S.NO_EXPERT_AVAILABLE)
# A coordinator's first decision on a request in triage.
TRIAGE_DECISIONS = (S.MATCHING, S.MORE_INFO_NEEDED, S.DECLINED, S.CANCELLED)

LATE_NO_DATE = "no_date"
LATE_EARLY = "early"
LATE_WEEKS = "weeks"
LATE_SHORT = "short"
LATE_AFTER = "after"


def late_labels() -> dict[str, str]:
    return {
        LATE_NO_DATE: _("before a date was fixed"),
        LATE_EARLY: _("more than 14 days before"),
        LATE_WEEKS: _("2 to 14 days before"),
        LATE_SHORT: _("less than 48 hours before"),
        LATE_AFTER: _("after the planned start"),
    }


def how_late(*, left_at: dt.datetime | None, starts_at: dt.datetime | None) -> str:
    """How long before the fixed date someone stepped out."""
    if starts_at is None or left_at is None:
        return LATE_NO_DATE
    before = starts_at - left_at
    if before < dt.timedelta(0):
        return LATE_AFTER
    if before < dt.timedelta(hours=48):
        return LATE_SHORT
    if before <= dt.timedelta(days=14):
        return LATE_WEEKS
    return LATE_EARLY


def cohort(period: Period) -> QuerySet[BookingRequest]:
    """The requests that reached the coordinators in the period."""
    return BookingRequest.objects.filter(
        confirmed_at__gte=period.start, confirmed_at__lt=period.end
    )


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return _("Not recorded")


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


# --- the funnel ---------------------------------------------------------------------------------


def _stage_exists(stage: str):
    return Exists(
        Activity.objects.filter(
            request=OuterRef("pk"),
            kind=ActivityKind.STATUS_CHANGED,
            new_status=STAGE_STATUS[stage],
        )
    )


def _funnel_counts(period: Period) -> dict:
    """Stage counts in one query: a stage counts when the log shows it, or the status is past it."""
    aggregates = {"submitted": Count("pk")}
    queryset = cohort(period)
    for stage, statuses in REACHED.items():
        queryset = queryset.annotate(**{f"has_{stage}": _stage_exists(stage)})
        aggregates[stage] = Count("pk", filter=Q(status__in=statuses) | Q(**{f"has_{stage}": True}))
    for status in EXITS:
        aggregates[str(status)] = Count("pk", filter=Q(status=status))
    return queryset.aggregate(**aggregates)


def _first_fixed_start():
    return Subquery(
        Engagement.objects.filter(request=OuterRef("request_id"), confirmed_at__isnull=False)
        .order_by("starts_at")
        .values("starts_at")[:1]
    )


def funnel_report(period: Period) -> Report:
    previous = period.previous()
    counts, before = _funnel_counts(period), _funnel_counts(previous)
    total = counts["submitted"]
    stages = [
        ("submitted", _("Submitted")),
        ("triaged", _("Accepted for matching")),
        ("matched", _("Expert found, date fixed")),
        ("delivered", _("Delivered")),
    ]
    # Request exits: the status change into the exit, and the first fixed date (if any).
    exit_rows = list(
        Activity.objects.filter(
            request__in=cohort(period).filter(status__in=EXITS),
            kind=ActivityKind.STATUS_CHANGED,
            new_status__in=EXITS,
        )
        .annotate(fixed_start=_first_fixed_start())
        .values("request_id", "new_status", "old_status", "created_at", "fixed_start")
        .order_by("request_id", "-created_at")
    )
    seen, late = set(), defaultdict(Counter)
    for row in exit_rows:
        if row["request_id"] in seen:
            continue
        seen.add(row["request_id"])
        late[row["new_status"]][
            how_late(left_at=row["created_at"], starts_at=row["fixed_start"])
        ] += 1
    # Engagement exits on requests that went on (a cancelled request's engagements are counted
    # with the request).
    engagement_rows = list(
        Engagement.objects.filter(
            request__in=cohort(period),
            status__in=(
                EngagementStatus.DECLINED,
                EngagementStatus.WITHDRAWN,
                EngagementStatus.CANCELLED,
            ),
        )
        .exclude(request__status__in=(S.CANCELLED, S.WITHDRAWN))
        .values("status", "starts_at", "confirmed_at", "cancelled_at", "updated_at")
        .order_by()
    )
    engagement_late = defaultdict(Counter)
    for row in engagement_rows:
        starts_at = row["starts_at"] if row["confirmed_at"] else None
        left_at = row["cancelled_at"] or row["updated_at"]
        engagement_late[row["status"]][how_late(left_at=left_at, starts_at=starts_at)] += 1

    labels = late_labels()
    exits = [
        (S.DECLINED, _("Declined by HOPE"), _("coordinator"), late[S.DECLINED]),
        (S.WITHDRAWN, _("Withdrawn"), _("the organisation"), late[S.WITHDRAWN]),
        (S.CANCELLED, _("Cancelled"), _("coordinator"), late[S.CANCELLED]),
        (S.NO_EXPERT_AVAILABLE, _("No expert available"), _("coordinator"), Counter()),
    ]
    exit_table_rows = [
        [name, who, counts[str(status)], before[str(status)]] + [when[key] for key in labels]
        for status, name, who, when in exits
    ]
    engagement_exits = [
        (EngagementStatus.DECLINED, _("An expert said no"), _("the expert")),
        (EngagementStatus.WITHDRAWN, _("An expert took back her yes"), _("the expert")),
        (EngagementStatus.CANCELLED, _("An engagement was cancelled"), _("coordinator")),
    ]
    exit_table_rows += [
        [name, who, sum(engagement_late[status].values()), None]
        + [engagement_late[status][key] for key in labels]
        for status, name, who in engagement_exits
    ]
    return Report(
        slug="funnel",
        title=_("Funnel"),
        period=period,
        previous_period=previous,
        empty=total == 0,
        figures=[
            Figure(_("Submitted"), total, before["submitted"]),
            Figure(_("Delivered"), counts["delivered"], before["delivered"]),
            Figure(
                _("Delivered (share of submitted)"),
                ratio(counts["delivered"], total),
                ratio(before["delivered"], before["submitted"]),
                "%",
            ),
        ],
        tables=[
            Table(
                key="stages",
                title=_("From request to delivery"),
                columns=[_("Stage"), _("Requests"), _("Previous period"), _("Share (%)")],
                rows=[
                    [label, counts[key], before[key], ratio(counts[key], total)]
                    for key, label in stages
                ],
                chart="hbar",
                chart_columns=(1,),
                description=_("How many of the period's requests reached each stage."),
            ),
            Table(
                key="exits",
                title=_("Where requests left the road"),
                columns=[_("Exit"), _("By whom"), _("Count"), _("Previous period")]
                + [str(label) for label in labels.values()],
                rows=exit_table_rows,
                chart="hbar",
                chart_columns=(2,),
            ),
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


# --- time to first response and to a fixed date -------------------------------------------------


def _durations(period: Period) -> tuple[list[float], list[float]]:
    """Hours from arrival to the first response, and to the first fixed date."""
    first_decision = (
        Activity.objects.filter(
            request=OuterRef("pk"),
            kind=ActivityKind.STATUS_CHANGED,
            old_status__in=TRIAGE_STATES,
            new_status__in=TRIAGE_DECISIONS,
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    first_message = (
        Message.objects.filter(request=OuterRef("pk"), from_organisation=False, internal=False)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    first_fixed = (
        Engagement.objects.filter(request=OuterRef("pk"), confirmed_at__isnull=False)
        .order_by("confirmed_at")
        .values("confirmed_at")[:1]
    )
    rows = (
        cohort(period)
        .annotate(
            decision=Subquery(first_decision),
            message=Subquery(first_message),
            fixed=Subquery(first_fixed),
        )
        .values_list("confirmed_at", "decision", "message", "fixed")
        .order_by()
    )
    response, fixed = [], []
    for arrived, decision, message, fixed_at in rows:
        answers = [moment for moment in (decision, message) if moment is not None]
        if answers:
            response.append((min(answers) - arrived).total_seconds() / 3600)
        if fixed_at is not None:
            fixed.append((fixed_at - arrived).total_seconds() / 3600)
    return response, fixed


def _hours(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def response_report(period: Period) -> Report:
    previous = period.previous()
    response, fixed = _durations(period)
    previous_response, previous_fixed = _durations(previous)
    rows = []
    for label, now, before in (
        (_("First response"), response, previous_response),
        (_("Date fixed"), fixed, previous_fixed),
    ):
        rows.append(
            [
                label,
                len(now),
                _hours(median(now)),
                _hours(percentile(now, 0.9)),
                _hours(median(before)),
                _hours(percentile(before, 0.9)),
            ]
        )
    return Report(
        slug="response",
        title=_("Response times"),
        period=period,
        previous_period=previous,
        empty=not response and not fixed,
        figures=[
            Figure(
                _("First response, median (hours)"),
                _hours(median(response)),
                _hours(median(previous_response)),
            ),
            Figure(
                _("Date fixed, median (hours)"),
                _hours(median(fixed)),
                _hours(median(previous_fixed)),
            ),
        ],
        tables=[
            Table(
                key="times",
                title=_("Hours from arrival"),
                columns=[
                    _("Step"),
                    _("Requests"),
                    _("Median (hours)"),
                    _("90th percentile (hours)"),
                    _("Median, previous period"),
                    _("90th percentile, previous period"),
                ],
                rows=rows,
                chart="bar",
                chart_columns=(2, 3),
                description=_(
                    "First response: a coordinator's first decision or message to the "
                    "organisation. The 90th percentile: nine in ten were faster."
                ),
            )
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
