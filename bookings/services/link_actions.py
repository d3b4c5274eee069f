"""Acting on a signed link from an expert's email (the POST of its confirmation page).

Kept apart from the link primitives (expert_answers), so links, answers and follow-ups import one
way only: expert_answers ← asking/followup ← answers ← link_actions.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from bookings.enums import AnswerChannel
from bookings.models.followup import EngagementLink, LinkPurpose
from bookings.services.answers import engagement_expert_answer
from bookings.services.expert_answers import _series_of, read_link
from bookings.services.followup import aftercare_checkin_answer


@transaction.atomic
def use_link(*, token: str, user, note: str = "") -> tuple[EngagementLink, str]:
    """Act on a link (the POST of the confirmation page): answer, or check in after care."""
    link, choice = read_link(token=token, user=user, lock=True)
    link.used_at = timezone.now()
    link.used_choice = choice
    link.save(update_fields=["used_at", "used_choice"])
    expert_user = link.engagement.expert.user
    if link.purpose == LinkPurpose.ANSWER:
        for engagement in _series_of(link.engagement):
            engagement_expert_answer(
                engagement=engagement,
                actor=expert_user,
                accepted=choice == "yes",
                note=note,
                channel=AnswerChannel.EMAIL,
            )
    else:
        aftercare_checkin_answer(engagement=link.engagement, actor=expert_user, answer=choice)
    return link, choice
