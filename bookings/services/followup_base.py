"""What every follow-up of the periodic run shares (`followup.run_followups`): the marker that
makes each one go out once, the email to each person in her language, the facts of the day."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import translation

from bookings.models import Engagement
from bookings.models.followup import FollowUpMarker
from bookings.services import expert_answers
from hope.emails import recipient_language, send_templated_email_to_user

LIMIT_PER_RUN = 500


@dataclass
class FollowUpReport:
    sent: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.sent[kind] = self.sent.get(kind, 0) + 1

    def __str__(self) -> str:
        return ", ".join(f"{kind}: {count}" for kind, count in sorted(self.sent.items())) or "-"


def claim(*, kind: str, key: str, engagement=None, booking_request=None) -> bool:
    """Create the marker; False when this follow-up was already sent."""
    try:
        with transaction.atomic():
            FollowUpMarker.objects.create(
                key=f"{kind}:{key}", kind=kind, engagement=engagement, request=booking_request
            )
    except IntegrityError:
        return False
    return True


def mail(users, template: str, context: dict, links=None) -> None:
    """Send to each user; `links(user)` builds that user's URLs in their language."""
    for user in users:
        if user is not None and user.is_active and user.email:
            extra = {}
            if links is not None:
                with translation.override(recipient_language(user)):
                    extra = links(user)
            send_templated_email_to_user(user=user, template=template, context={**context, **extra})


def day_context(engagement: Engagement) -> dict:
    booking_request = engagement.request
    return {
        "engagement": engagement,
        "reference": booking_request.reference,
        "title": booking_request.title,
        "mode": expert_answers.choice_label(booking_request, "mode"),
        "place": booking_request.place,
    }
