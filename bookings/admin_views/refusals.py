"""How the back office shows a refused step: which errors are refusals, and their text."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from bookings.services.request_base import TransitionNotAllowed
from bookings.services.scheduling import SchedulingConflict

REFUSALS = (TransitionNotAllowed, SchedulingConflict, PermissionDenied)


def refusal_text(error: Exception) -> str:
    """The sentence a coordinator reads; a bare refusal (no message) still says something."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return getattr(error, "message", None) or str(error) or _("Not allowed.")
