"""Privacy rights of an expert: what the portal holds about her, and erasing it.

`expert_personal_data` is her part of the data download (profile, preferences, availability);
the engagements and fees are added by bookings (speakers knows nothing of bookings).
`expert_anonymise` removes everything that could identify her from her profile, for when a
coordinator erases her: her engagements stay (fees are financial records), nameless.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from speakers.models import Expert, IdentityMode, Unavailability

logger = logging.getLogger(__name__)


def _iso(value):
    return value.isoformat() if value else None


def expert_personal_data(*, expert: Expert) -> dict:
    """Her profile, preferences and availability as she gave them. No secrets (feed token)."""
    periods = Unavailability.objects.filter(expert=expert).select_related("event__rule")
    return {
        "public_name": expert.public_name,
        "identity_mode": expert.identity_mode,
        "show_photo": expert.show_photo,
        "has_photo": expert.photo_id is not None,
        "short_bio": expert.short_bio,
        "bio": expert.bio,
        "topics": sorted(topic.name for topic in expert.topics.all()),
        "no_go_topics": sorted(topic.name for topic in expert.no_go_topics.all()),
        "formats": sorted(option.code for option in expert.formats.all()),
        "audiences": sorted(option.code for option in expert.audiences.all()),
        "regions": list(expert.regions),
        "languages": list(expert.languages),
        "media": {
            "face_visible": expert.media_face_visible,
            "voice_altered": expert.media_voice_altered,
            "name_on_record": expert.media_name_on_record,
            "recording_allowed": expert.media_recording_allowed,
            "quote_review_required": expert.media_quote_review_required,
        },
        "monthly_capacity": expert.monthly_capacity,
        "rest_days_after_heavy": expert.rest_days_after_heavy,
        "paused": expert.paused,
        "paused_until": _iso(expert.paused_until),
        "created_at": _iso(expert.created_at),
        "unavailable_periods": [
            {
                "start": _iso(period.event.start),
                "end": _iso(period.event.end),
                "weekly": period.event.rule_id is not None,
                "repeat_until": _iso(period.event.end_recurring_period),
                "note": period.label,
            }
            for period in periods
        ],
    }


@transaction.atomic
def expert_anonymise(*, expert: Expert) -> Expert:
    """Strip the profile of everything that identifies her; she no longer appears anywhere."""
    locked = Expert.objects.select_for_update().get(pk=expert.pk)
    locked.public_name = f"Expert {locked.pk}"
    locked.slug = f"expert-{locked.pk}-removed"
    locked.identity_mode = IdentityMode.NOT_PUBLIC
    locked.photo = None
    locked.show_photo = False
    locked.short_bio = ""
    locked.bio = ""
    locked.regions = []
    locked.languages = []
    locked.paused = True
    locked.paused_until = None
    locked.updated_at = timezone.now()
    locked.save()
    locked.topics.clear()
    locked.no_go_topics.clear()
    Unavailability.objects.filter(expert=locked).update(label="")
    logger.info("expert %s anonymised", locked.pk)
    return locked
