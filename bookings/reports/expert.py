"""The expert's own impact page and yearly statement: only ever her own engagements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from bookings.enums import (
    ENGAGEMENT_CONFIRMED_STATES,
    ENGAGEMENT_ENDED_STATES,
    EngagementKind,
    EngagementStatus,
)
from bookings.models import Engagement
from bookings.models.impact import ImpactAnswer
from bookings.reports.fees import FeeYear, fee_year
from speakers.selectors import AMSTERDAM

ZERO = Decimal("0.00")
DELIVERED = (EngagementStatus.DELIVERED, EngagementStatus.AFTERCARE_DONE)


def _year(year: int) -> dict:
    return {
        "starts_at__gte": dt.datetime(year, 1, 1, tzinfo=AMSTERDAM),
        "starts_at__lt": dt.datetime(year + 1, 1, 1, tzinfo=AMSTERDAM),
    }


@dataclass
class ExpertImpact:
    year: int
    by_kind: list[tuple[str, int]]
    total: int
    paid: Decimal
    outstanding: Decimal
    fees: FeeYear
    changes: list[dict]


def expert_impact(*, expert, year: int) -> ExpertImpact:
    counts = dict(
        Engagement.objects.filter(
            expert=expert, status__in=ENGAGEMENT_CONFIRMED_STATES, **_year(year)
        )
        .values("request__kind")
        .annotate(count=Count("id"))
        .values_list("request__kind", "count")
        .order_by()
    )
    by_kind = [
        (str(kind.label), counts[kind.value]) for kind in EngagementKind if counts.get(kind.value)
    ]
    paid = outstanding = ZERO
    for fee, travel, paid_on, status in (
        Engagement.objects.filter(expert=expert, fee__isnull=False)
        .exclude(status__in=ENGAGEMENT_ENDED_STATES)
        .values_list("fee", "travel_costs", "paid_on", "status")
    ):
        amount = fee + (travel or ZERO)
        if paid_on and paid_on.year == year:
            paid += amount
        elif not paid_on and status in DELIVERED:
            # Only what took place is still to be paid; a date to come is not owed yet.
            outstanding += amount
    # What organisations said changed, where they agreed that the experts may read it.
    changes = [
        {"text": text, "date": created_at, "kind": str(EngagementKind(kind).label)}
        for text, created_at, kind in ImpactAnswer.objects.filter(
            share_with_experts=True,
            request__anonymised_at__isnull=True,
            request__engagements__expert=expert,
            request__engagements__status__in=DELIVERED,
        )
        .distinct()
        .order_by("-created_at")
        .values_list("what_changed", "created_at", "request__kind")
    ]
    return ExpertImpact(
        year=year,
        by_kind=by_kind,
        total=sum(counts.values()),
        paid=paid,
        outstanding=outstanding,
        fees=fee_year(expert=expert, year=year),
        changes=changes,
    )


@dataclass
class Statement:
    year: int
    rows: list[Engagement]
    fees: Decimal
    travel: Decimal
    paid: Decimal
    fee_year: FeeYear

    @property
    def total(self) -> Decimal:
        return self.fees + self.travel


def yearly_statement(*, expert, year: int) -> Statement:
    rows = list(
        Engagement.objects.filter(expert=expert, fee__isnull=False, **_year(year))
        .exclude(status__in=ENGAGEMENT_ENDED_STATES)
        .select_related("request__organisation")
        .order_by("starts_at", "pk")
    )
    fees = sum((row.fee for row in rows), ZERO)
    travel = sum((row.travel_costs or ZERO for row in rows), ZERO)
    paid = sum((row.fee_total for row in rows if row.paid_on), ZERO)
    return Statement(
        year=year,
        rows=rows,
        fees=fees,
        travel=travel,
        paid=paid,
        fee_year=fee_year(expert=expert, year=year),
    )
