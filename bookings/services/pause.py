"""When an expert pauses: the coordinators learn which of her engagements are affected (open
questions, upcoming engagements), and nothing else changes without her (rule of care 1)."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.models import Engagement
from bookings.services.coordinator_notices import coordinator_notify
from bookings.services.engagement_base import _log
from bookings.services.request_base import coordinator_recipients


def engagements_affected_by_pause(*, expert) -> list[Engagement]:
    return list(
        Engagement.objects.filter(
            expert=expert, status__in=lifecycle.GOING_AHEAD, starts_at__gt=timezone.now()
        )
        .select_related("request__coordinator", "expert")
        .order_by("starts_at", "pk")
    )


def expert_pause_notify(*, expert, until=None, hidden: bool = False) -> list[Engagement]:
    """Tell each request's coordinators what is affected; log it on each request (internal)."""
    affected = engagements_affected_by_pause(expert=expert)
    by_user = defaultdict(list)
    for engagement in affected:
        _log(
            booking_request=engagement.request,
            engagement=engagement,
            actor=None,
            message=_("%(expert)s paused her work; this engagement is affected.")
            % {"expert": expert.public_name},
        )
        for user in coordinator_recipients(engagement.request):
            by_user[user].append(engagement)
    for user, engagements in by_user.items():
        coordinator_notify(
            user=user,
            template="bookings/expert_paused_coordinator",
            context={
                "expert_name": expert.public_name,
                "until": until,
                "hidden": hidden,
                "open_questions": [e for e in engagements if e.status in lifecycle.OPEN_QUESTION],
                "upcoming": [e for e in engagements if e.status not in lifecycle.OPEN_QUESTION],
            },
        )
    return affected
