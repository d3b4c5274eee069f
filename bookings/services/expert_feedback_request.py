"""After the aftercare is recorded: one email asking the expert how the work went (her private
feedback, read only by coordinators). She can turn these emails off (`Expert.feedback_emails`);
the aftercare check-in is not one of them and always comes (rule of care 6)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from bookings.enums import EngagementStatus
from bookings.models import Engagement
from bookings.models.followup import FollowUpKind
from bookings.services import expert_answers
from bookings.services.followup_base import LIMIT_PER_RUN, claim, day_context, mail

FEEDBACK_WINDOW = dt.timedelta(days=14)


def send_expert_feedback_requests(*, now: dt.datetime, report) -> None:
    engagements = (
        Engagement.objects.filter(
            status=EngagementStatus.AFTERCARE_DONE,
            aftercare_recorded_at__lte=now,
            aftercare_recorded_at__gte=now - FEEDBACK_WINDOW,
            expert__user__isnull=False,
            expert__feedback_emails=True,
            expert_feedback__isnull=True,
        )
        .select_related("expert__user", "request")
        .order_by("aftercare_recorded_at", "pk")[:LIMIT_PER_RUN]
    )
    for engagement in engagements:
        with transaction.atomic():
            if not claim(
                kind=FollowUpKind.FEEDBACK_EXPERT, key=str(engagement.pk), engagement=engagement
            ):
                continue
            mail(
                [engagement.expert.user],
                "bookings/feedback_expert",
                day_context(engagement),
                links=lambda _user, pk=engagement.pk: {
                    "portal_url": expert_answers.absolute("engagements:detail", kwargs={"pk": pk})
                },
            )
            report.add(FollowUpKind.FEEDBACK_EXPERT)
