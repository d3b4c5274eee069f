"""Reads for the expert's engagement pages: only ever the logged-in expert's own rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from bookings import engagement_workflow as lifecycle
from bookings.models import Engagement
from bookings.models.engagement import FeeClaim
from speakers.models import Expert

UPCOMING_STATES = lifecycle.GOING_AHEAD


def own_engagements(*, expert: Expert) -> QuerySet[Engagement]:
    return Engagement.objects.filter(expert=expert).select_related(
        "request__organisation", "request__contact", "checkin", "expert_feedback"
    )


@dataclass
class EngagementOverview:
    asked: list[Engagement]
    upcoming: list[Engagement]
    past: list[Engagement]


def engagement_overview(*, expert: Expert, now: dt.datetime | None = None) -> EngagementOverview:
    """Open questions first, then what is coming, then the past (one query)."""
    now = now or timezone.now()
    asked, upcoming, past = [], [], []
    for engagement in own_engagements(expert=expert).order_by("starts_at", "pk"):
        ended = engagement.ends_at is not None and engagement.ends_at <= now
        if engagement.status in lifecycle.OPEN_QUESTION and not ended:
            asked.append(engagement)
        elif engagement.status in UPCOMING_STATES and not ended:
            upcoming.append(engagement)
        else:
            past.append(engagement)
    past.reverse()
    return EngagementOverview(asked=asked, upcoming=upcoming, past=past)


def open_question_count(*, expert: Expert) -> int:
    return Engagement.objects.filter(
        expert=expert, status__in=lifecycle.OPEN_QUESTION, starts_at__gt=timezone.now()
    ).count()


@dataclass
class YearTotal:
    year: int
    paid: Decimal = Decimal("0.00")
    engagements: list[Engagement] = field(default_factory=list)


@dataclass
class Payments:
    rows: list[Engagement]
    years: list[YearTotal]
    outstanding: Decimal  # took place, not paid yet: what she can claim or has claimed
    to_come: Decimal = Decimal("0.00")  # agreed for engagements that have not taken place


def payments(*, expert: Expert) -> Payments:
    """Every engagement with a fee; paid amounts per calendar year of payment (tax return).

    "Still to be paid" counts only engagements that took place (claimable or claimed); a fee
    agreed for a question she has not answered, or a date still to come, is shown apart."""
    rows = list(
        Engagement.objects.filter(expert=expert, fee__isnull=False)
        .exclude(status__in=lifecycle.ENDED)
        .select_related("request__organisation")
        .order_by("-starts_at", "-pk")
    )
    by_year: dict[int, YearTotal] = defaultdict(lambda: YearTotal(year=0))
    outstanding = to_come = Decimal("0.00")
    for engagement in rows:
        claim = engagement.fee_claim
        if claim == FeeClaim.PAID:
            total = by_year[engagement.paid_on.year]
            total.year = engagement.paid_on.year
            total.paid += engagement.fee_total
            total.engagements.append(engagement)
        elif claim == FeeClaim.AGREED:
            to_come += engagement.fee_total
        else:
            outstanding += engagement.fee_total
    years = sorted(by_year.values(), key=lambda item: -item.year)
    return Payments(rows=rows, years=years, outstanding=outstanding, to_come=to_come)
