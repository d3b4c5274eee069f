"""The funnel report: how far the period's requests got, and when and why they left."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from bookings.enums import ActivityKind, EngagementStatus
from bookings.models import Activity, Engagement
from bookings.reports.cohort import S, cohort
from bookings.reports.period import Period
from bookings.reports.tables import Figure, Report, Table, ratio

# Where a request is once it passed each stage of the funnel.
REACHED = {
    "triaged": {S.MATCHING, S.EXPERT_ASKED, S.SCHEDULED, S.DELIVERED, S.CLOSED},
    "matched": {S.SCHEDULED, S.DELIVERED, S.CLOSED},
    "delivered": {S.DELIVERED, S.CLOSED},
}
# The status change that marks each stage in the activity log.
STAGE_STATUS = {"triaged": S.MATCHING, "matched": S.SCHEDULED, "delivered": S.DELIVERED}
EXITS = (S.DECLINED, S.WITHDRAWN, S.CANCELLED, S.NO_EXPERT_AVAILABLE)

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
