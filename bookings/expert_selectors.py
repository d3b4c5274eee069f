"""Reads for the expert's engagement pages: only ever the logged-in expert's own rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone

from bookings import engagement_workflow as lifecycle
from bookings.models import Engagement
from bookings.models.engagement import FeeClaim
from speakers.models import Expert

UPCOMING_STATES = lifecycle.GOING_AHEAD
# The past grows with the years; it is shown a page at a time, newest first.
PAST_PAGE_SIZE = 20


def own_engagements(*, expert: Expert) -> QuerySet[Engagement]:
    return Engagement.objects.filter(expert=expert).select_related(
        "request__organisation", "request__contact", "checkin", "expert_feedback"
    )


@dataclass
class EngagementOverview:
    asked: list[Engagement]
    upcoming: list[Engagement]
    past: Page  # one page of the past, newest first


def _still_ahead(now: dt.datetime) -> Q:
    """Going ahead and not ended yet: a question for her or something coming up."""
    return Q(status__in=UPCOMING_STATES) & (Q(ends_at__isnull=True) | Q(ends_at__gt=now))


def engagement_overview(
    *, expert: Expert, now: dt.datetime | None = None, past_page: str | int | None = None
) -> EngagementOverview:
    """Open questions first, then what is coming (one query), then one page of the past (a count
    and the page): the same three queries however many engagements she has had."""
    now = now or timezone.now()
    asked, upcoming = [], []
    ahead = own_engagements(expert=expert).filter(_still_ahead(now)).order_by("starts_at", "pk")
    for engagement in ahead:
        if engagement.status in lifecycle.OPEN_QUESTION:
            asked.append(engagement)
        else:
            upcoming.append(engagement)
    earlier = (
        own_engagements(expert=expert).exclude(_still_ahead(now)).order_by("-starts_at", "-pk")
    )
    past = Paginator(earlier, PAST_PAGE_SIZE).get_page(past_page)
    return EngagementOverview(asked=asked, upcoming=upcoming, past=past)


def open_question_count(*, expert: Expert) -> int:
    return Engagement.objects.filter(
        expert=expert, status__in=lifecycle.OPEN_QUESTION, starts_at__gt=timezone.now()
    ).count()


def dashboard_context(*, expert: Expert) -> dict:
    """What the expert's dashboard (speakers) shows of her engagements (speakers.dashboard)."""
    return {"open_questions": open_question_count(expert=expert)}


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
