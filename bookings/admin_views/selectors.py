"""Reads for the coordinators' back office: the request listing, the workspace, gates."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings import workflow
from bookings.enums import (
    ENGAGEMENT_ENDED_STATES,
    EngagementStatus,
    RequestStatus,
)
from bookings.gates import check_gates
from bookings.models import Activity, BookingRequest, DateOption, Engagement, Message
from bookings.workflow import Actor
from hope.roles import COORDINATORS

# An expert who has not answered within this time needs a nudge.
ANSWER_OVERDUE_AFTER = dt.timedelta(hours=48)

# Moves that happen through the engagement actions (asking, confirming), never as a bare button.
ENGAGEMENT_DRIVEN_TARGETS = lifecycle.ENGAGEMENT_DRIVEN_REQUEST_TARGETS
# Moves whose button needs a message to the organisation.
MESSAGE_REQUIRED_TARGETS = workflow.MESSAGE_REQUIRED_TARGETS


def coordinators() -> QuerySet:
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=COORDINATORS)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def needs_attention_q(*, now: dt.datetime | None = None) -> Q:
    """A coordinator must act: new in triage, an unread message from the organisation, an
    expert's answer overdue, an accepted engagement to confirm, or a delivered request to
    finish (aftercare, fees)."""
    now = now or timezone.now()
    unread = Message.objects.filter(
        request=OuterRef("pk"), from_organisation=True, read_by_coordinator_at__isnull=True
    )
    overdue = Engagement.objects.filter(
        request=OuterRef("pk"),
        status__in=lifecycle.OPEN_QUESTION,
        created_at__lt=now - ANSWER_OVERDUE_AFTER,
    )
    to_confirm = Engagement.objects.filter(
        request=OuterRef("pk"),
        status__in=lifecycle.states_for("confirm", lifecycle.Actor.COORDINATOR),
    )
    return (
        Q(status__in=[RequestStatus.IN_TRIAGE, RequestStatus.DELIVERED])
        | Q(Exists(unread))
        | Q(Exists(overdue))
        | Q(Exists(to_confirm))
    )


def backoffice_requests(*, now: dt.datetime | None = None) -> QuerySet[BookingRequest]:
    """Every request the coordinators work on: never a guest's unconfirmed one. Constant
    number of queries whatever the number of rows (joins and annotations only).

    Both annotations are correlated subqueries, not aggregates: no GROUP BY over every row, so
    the page's count is a plain ``COUNT(*)`` (Django drops unused annotations from it) and the
    database works out the first date and the attention flag only for the rows it returns.
    """
    first_date = (
        DateOption.objects.filter(request=OuterRef("pk"))
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    return (
        BookingRequest.objects.confirmed()
        .select_related("organisation", "coordinator")
        .annotate(first_date=Subquery(first_date))
        .annotate(needs_attention=needs_attention_q(now=now))
    )


def workspace_request(*, pk: int) -> BookingRequest:
    """One request with everything the workspace shows, prefetched."""
    return (
        BookingRequest.objects.confirmed()
        .select_related("organisation", "contact", "coordinator", "preferred_expert")
        .prefetch_related(
            "topics",
            "date_options",
            Prefetch(
                "engagements",
                queryset=Engagement.objects.select_related("expert", "date_option").order_by(
                    "starts_at", "pk"
                ),
            ),
            Prefetch("activities", queryset=Activity.objects.select_related("actor")),
            Prefetch("messages", queryset=Message.objects.select_related("author")),
        )
        .get(pk=pk)
    )


def coordinator_actions(booking_request: BookingRequest) -> list[dict]:
    """The buttons for this request, straight from the workflow's transition table.

    Moves driven by engagements (asking, confirming) are offered as engagement actions instead,
    and "back to matching" only when no expert is still asked or booked.
    """
    active = [
        engagement
        for engagement in booking_request.engagements.all()
        if engagement.status not in ENGAGEMENT_ENDED_STATES
    ]
    actions = []
    for target in workflow.allowed_targets(
        old_status=booking_request.status, actor=Actor.COORDINATOR
    ):
        if target in ENGAGEMENT_DRIVEN_TARGETS:
            continue
        if (
            target == RequestStatus.MATCHING
            and active
            and booking_request.status
            in (
                RequestStatus.EXPERT_ASKED,
                RequestStatus.SCHEDULED,
            )
        ):
            continue
        actions.append(
            {
                "status": str(target),
                "label": workflow.ACTION_LABELS.get(target, RequestStatus(target).label),
                "needs_message": target in MESSAGE_REQUIRED_TARGETS,
                "destructive": target
                in (
                    RequestStatus.DECLINED,
                    RequestStatus.CANCELLED,
                    RequestStatus.NO_EXPERT_AVAILABLE,
                ),
            }
        )
    return actions


def workspace_gates(booking_request: BookingRequest) -> list[dict]:
    """The gates that matter now, each with exactly what is missing (for the workspace)."""
    gates = []
    if booking_request.is_media_interview:
        gates.append(
            {
                "title": _("Before a media interview is confirmed"),
                "missing": check_gates(booking_request, RequestStatus.SCHEDULED),
            }
        )
    if booking_request.status in (RequestStatus.SCHEDULED, RequestStatus.DELIVERED):
        missing = list(check_gates(booking_request, RequestStatus.CLOSED))
        for engagement in booking_request.engagements.all():
            if engagement.status in ENGAGEMENT_ENDED_STATES:
                continue
            name = engagement.expert.public_name
            if engagement.status != EngagementStatus.AFTERCARE_DONE:
                missing.append(_("Aftercare for %(expert)s is not recorded.") % {"expert": name})
            if engagement.fee is None:
                missing.append(_("The fee for %(expert)s is not recorded.") % {"expert": name})
        gates.append({"title": _("Before the request is closed"), "missing": missing})
    return gates
