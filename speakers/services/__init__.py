"""The only code that changes experts' state. Keyword-only arguments, one function per change."""

from speakers.services.availability import (
    unavailability_add,
    unavailability_remove,
    unavailability_skip_occurrence,
)
from speakers.services.experts import (
    InvitationError,
    expert_create,
    expert_ensure_calendar,
    expert_invite,
    expert_pause,
    expert_rotate_ics_token,
    expert_unpause,
    expert_update_profile,
)
from speakers.services.photos import expert_photo_release, expert_photo_secure

__all__ = [
    "InvitationError",
    "expert_create",
    "expert_ensure_calendar",
    "expert_invite",
    "expert_pause",
    "expert_photo_release",
    "expert_photo_secure",
    "expert_rotate_ics_token",
    "expert_unpause",
    "expert_update_profile",
    "unavailability_add",
    "unavailability_remove",
    "unavailability_skip_occurrence",
]
