"""How fast coordinators answered: time to the first response and to a fixed date."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from bookings.enums import TRIAGE_STATES, ActivityKind
from bookings.models import Activity, Engagement, Message
from bookings.reports.cohort import S, cohort
from bookings.reports.period import Period
from bookings.reports.tables import Figure, Report, Table, median, percentile

# A coordinator's first decision on a request in triage.
TRIAGE_DECISIONS = (S.MATCHING, S.MORE_INFO_NEEDED, S.DECLINED, S.CANCELLED)


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
