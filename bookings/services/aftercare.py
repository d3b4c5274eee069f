"""After the engagement: it took place, then the expert's debrief is recorded (rule of care 6).
Only then can the request be closed (bookings.gates.closing_gates).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.enums import EngagementStatus
from bookings.models import Engagement
from bookings.models.engagement import AftercareStatus
from bookings.services.engagement_base import (
    EngagementRefused,
    _lock_request,
    _require_coordinator,
    _sync,
)
from bookings.services.engagement_status import engagement_set_status

Actor = lifecycle.Actor


@transaction.atomic
def engagement_mark_delivered(
    *, engagement: Engagement, actor, expected_version: int | None = None
) -> Engagement:
    """It took place. When every engagement of the request has, the request is delivered."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    engagement.refresh_from_db(fields=["status", "starts_at"])
    if engagement.status != EngagementStatus.CONFIRMED:
        raise EngagementRefused(
            _("Only a confirmed engagement can be marked as delivered (this one is “%(status)s”).")
            % {"status": engagement.get_status_display()}
        )
    if engagement.starts_at and engagement.starts_at > timezone.now():
        raise EngagementRefused(_("This engagement has not started yet."))
    engagement_set_status(
        engagement=engagement,
        new_status=EngagementStatus.DELIVERED,
        actor=actor,
        role=Actor.COORDINATOR,
        locked_request=locked_request,
        message=_("Engagement of %(expert)s delivered; aftercare is due.")
        % {"expert": engagement.expert.public_name},
    )
    _sync(engagement.request, locked_request)
    return engagement


@transaction.atomic
def engagement_record_aftercare(
    *,
    engagement: Engagement,
    actor,
    waived: bool = False,
    held_on: dt.date | None = None,
    notes: str = "",
    expected_version: int | None = None,
) -> Engagement:
    """Record that the expert's debrief took place (on `held_on`), or that the expert waived it.

    `notes` are private: shown to coordinators and to this expert only, never in an email or a
    calendar entry.
    """
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    engagement.refresh_from_db(fields=["status"])
    if engagement.status != EngagementStatus.DELIVERED:
        raise EngagementRefused(
            _("Aftercare is recorded after delivery (this engagement is “%(status)s”).")
            % {"status": engagement.get_status_display()}
        )
    if held_on and held_on > timezone.localdate():
        raise EngagementRefused(_("The debrief cannot be in the future."))
    engagement_set_status(
        engagement=engagement,
        new_status=EngagementStatus.AFTERCARE_DONE,
        actor=actor,
        role=Actor.COORDINATOR,
        locked_request=locked_request,
        changes={
            "aftercare_status": AftercareStatus.WAIVED if waived else AftercareStatus.DONE,
            "aftercare_recorded_at": timezone.now(),
            "aftercare_held_on": None if waived else (held_on or timezone.localdate()),
            "aftercare_notes": (notes or "").strip()[:5000],
        },
        message=(
            _("Aftercare for %(expert)s waived by the expert.")
            if waived
            else _("Aftercare for %(expert)s recorded.")
        )
        % {"expert": engagement.expert.public_name},
    )
    _sync(engagement.request, locked_request)
    return engagement
