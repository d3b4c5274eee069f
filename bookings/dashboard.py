"""The coordinators' panels on the Wagtail admin home page.

New requests awaiting triage (oldest first, with their age), experts who have not answered for
more than 48 hours, experts who asked for a debrief or support, this week's engagements,
checklist points due, aftercare due, fees outstanding, and experts near capacity. A fixed
number of queries, whatever the amount of data (each list is one query, capped).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.timesince import timesince
from wagtail.admin.ui.components import Component

from bookings import engagement_workflow as lifecycle
from bookings.admin_views.permissions import is_coordinator_cached
from bookings.admin_views.selectors import ANSWER_OVERDUE_AFTER
from bookings.enums import HEAVY_KINDS, EngagementStatus, RequestStatus
from bookings.matching import engagement_weight
from bookings.models import BookingRequest, ChecklistItem, Engagement
from bookings.models.followup import ALERTING_ANSWERS, AftercareCheckIn
from bookings.services.checklists import CHECKLIST_STATES
from speakers.models import Expert
from speakers.selectors import AMSTERDAM

PANEL_LIMIT = 10
# "Near capacity": one more ordinary engagement would fill the month (or it is full already).
NEAR_CAPACITY_MARGIN = 1
# Checklist points show from this many days before they are due (and stay while overdue).
CHECKLIST_HORIZON_DAYS = 7


@dataclass
class ExpertLoad:
    expert: Expert
    load: int
    capacity: int

    @property
    def full(self) -> bool:
        return self.load >= self.capacity


def week_bounds(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Today and the six days after it (on a Sunday the coming week is what matters)."""
    today = now.astimezone(AMSTERDAM).date()
    start = dt.datetime.combine(today, dt.time.min, tzinfo=AMSTERDAM)
    end = dt.datetime.combine(today + dt.timedelta(days=7), dt.time.min, tzinfo=AMSTERDAM)
    return start, end


def month_bounds(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    local = now.astimezone(AMSTERDAM)
    start = dt.datetime(local.year, local.month, 1, tzinfo=AMSTERDAM)
    if local.month == 12:
        end = dt.datetime(local.year + 1, 1, 1, tzinfo=AMSTERDAM)
    else:
        end = dt.datetime(local.year, local.month + 1, 1, tzinfo=AMSTERDAM)
    return start, end


def awaiting_triage(*, now: dt.datetime, limit: int = PANEL_LIMIT) -> list[BookingRequest]:
    requests = list(
        BookingRequest.objects.filter(status=RequestStatus.IN_TRIAGE)
        .select_related("organisation")
        .order_by("confirmed_at", "pk")[:limit]
    )
    for booking_request in requests:
        received = booking_request.confirmed_at or booking_request.created_at
        booking_request.age = timesince(received, now)
    return requests


def answers_overdue(*, now: dt.datetime, limit: int = PANEL_LIMIT) -> list[Engagement]:
    return list(
        Engagement.objects.filter(
            status__in=lifecycle.states_for("alert_unanswered", lifecycle.Actor.SYSTEM),
            created_at__lt=now - ANSWER_OVERDUE_AFTER,
        )
        .select_related("expert", "request")
        .order_by("created_at", "pk")[:limit]
    )


def engagements_this_week(*, now: dt.datetime, limit: int = 50) -> list[Engagement]:
    start, end = week_bounds(now)
    return list(
        Engagement.objects.filter(
            status__in=lifecycle.ON_THE_AGENDA,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .select_related("expert", "request")
        .order_by("starts_at", "pk")[:limit]
    )


def aftercare_due(*, now: dt.datetime, limit: int = PANEL_LIMIT) -> list[Engagement]:
    """Delivered engagements without aftercare, and confirmed ones that have already ended."""
    return list(
        Engagement.objects.filter(
            Q(status__in=lifecycle.states_for("aftercare", lifecycle.Actor.COORDINATOR))
            | Q(
                status__in=lifecycle.states_for("delivered", lifecycle.Actor.COORDINATOR),
                ends_at__lt=now,
            )
        )
        .select_related("expert", "request")
        .order_by("ends_at", "pk")[:limit]
    )


def aftercare_requests(*, limit: int = PANEL_LIMIT) -> list[AftercareCheckIn]:
    """Experts who asked for a debrief or for support now, until aftercare is recorded
    ("support now" first, then oldest first)."""
    rows = list(
        AftercareCheckIn.objects.filter(answer__in=ALERTING_ANSWERS)
        .exclude(engagement__status=EngagementStatus.AFTERCARE_DONE)
        .select_related("engagement__expert", "engagement__request")
        .order_by("answered_at", "pk")[: limit * 2]
    )
    rows.sort(key=lambda row: (row.answer != "support_now", row.answered_at))
    return rows[:limit]


def checklist_items_due(*, now: dt.datetime, limit: int = PANEL_LIMIT) -> list[ChecklistItem]:
    """Open checklist points due within the next seven days, or overdue, earliest first."""
    today = now.astimezone(AMSTERDAM).date()
    return list(
        ChecklistItem.objects.filter(
            done_at__isnull=True,
            due_on__lte=today + dt.timedelta(days=CHECKLIST_HORIZON_DAYS),
            engagement__status__in=CHECKLIST_STATES,
        )
        .select_related("engagement__expert", "engagement__request")
        .order_by("due_on", "order", "pk")[:limit]
    )


@dataclass
class OutstandingFees:
    engagements: list[Engagement]
    total: object
    count: int


def fees_outstanding(*, now: dt.datetime, limit: int = PANEL_LIMIT) -> OutstandingFees:
    """Fees of engagements that took place and are not paid yet, longest waiting first, with
    for how long (since the claim, or since the engagement when not claimed yet)."""
    from django.db.models import Count, Sum
    from django.db.models.functions import Coalesce

    unpaid = Engagement.objects.filter(
        fee__isnull=False,
        paid_on__isnull=True,
        status__in=lifecycle.TOOK_PLACE,
    )
    totals = unpaid.aggregate(
        fees=Coalesce(Sum("fee"), 0, output_field=Engagement._meta.get_field("fee")),
        travel=Coalesce(Sum("travel_costs"), 0, output_field=Engagement._meta.get_field("fee")),
        count=Count("pk"),
    )
    rows = list(unpaid.select_related("expert", "request").order_by("ends_at", "pk")[:limit])
    today = now.astimezone(AMSTERDAM).date()
    for engagement in rows:
        since = engagement.claimed_on or engagement.ends_at.astimezone(AMSTERDAM).date()
        engagement.days_outstanding = (today - since).days
    return OutstandingFees(
        engagements=rows,
        total=Decimal(totals["fees"] + totals["travel"]).quantize(Decimal("0.01")),
        count=totals["count"],
    )


def experts_near_capacity(*, now: dt.datetime, limit: int = PANEL_LIMIT) -> list[ExpertLoad]:
    """Experts whose load this month is within one engagement of their capacity (two queries)."""
    start, end = month_bounds(now)
    rows = Engagement.objects.filter(
        status__in=lifecycle.ACTIVE, starts_at__gte=start, starts_at__lt=end
    ).values_list("expert_id", "request__kind")
    kinds_by_expert: dict[int, list[str]] = defaultdict(list)
    for expert_id, kind in rows:
        kinds_by_expert[expert_id].append(kind)
    if not kinds_by_expert:
        return []
    loads = []
    for expert in Expert.objects.filter(pk__in=list(kinds_by_expert)).order_by("public_name"):
        load = sum(
            engagement_weight(kind=kind, expert=expert) for kind in kinds_by_expert[expert.pk]
        )
        if load + NEAR_CAPACITY_MARGIN >= expert.monthly_capacity:
            loads.append(ExpertLoad(expert=expert, load=load, capacity=expert.monthly_capacity))
    loads.sort(key=lambda item: (-(item.load - item.capacity), item.expert.public_name))
    return loads[:limit]


class CoordinatorDashboardPanel(Component):
    name = "hope_coordinator_dashboard"
    template_name = "bookings/admin/dashboard_panel.html"
    order = 50

    def __init__(self, *, inspect_url_name: str):
        self.inspect_url_name = inspect_url_name

    def get_context_data(self, parent_context):
        now = timezone.now()
        return {
            "request": parent_context.get("request"),
            "inspect_url_name": self.inspect_url_name,
            "awaiting_triage": awaiting_triage(now=now),
            "triage_count": BookingRequest.objects.filter(status=RequestStatus.IN_TRIAGE).count(),
            "answers_overdue": answers_overdue(now=now),
            "this_week": engagements_this_week(now=now),
            "aftercare_due": aftercare_due(now=now),
            "checklist_due": checklist_items_due(now=now),
            "near_capacity": experts_near_capacity(now=now),
            "aftercare_requests": aftercare_requests(),
            "fees_outstanding": fees_outstanding(now=now),
            "heavy_kinds": HEAVY_KINDS,
        }

    def render_html(self, parent_context=None):
        request = (parent_context or {}).get("request")
        if request is None or not is_coordinator_cached(request.user):
            return ""
        return super().render_html(parent_context)
