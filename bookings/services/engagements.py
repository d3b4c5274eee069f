"""The engagement services, by phase of the lifecycle (bookings.engagement_workflow):

- asking (`asking`): engagement_ask, engagement_series_ask;
- answers (`answers`): engagement_record_answer, engagement_expert_answer, engagement_confirm,
  engagement_withdraw;
- changes (`changes`): engagement_reschedule, engagement_cancel, booking_cancel,
  booking_assign_coordinator;
- media (`media`): the media details, the expert's conditions and quote review;
- aftercare (`aftercare`): engagement_mark_delivered, engagement_record_aftercare;
- fees (`fees`): engagement_record_fee, engagement_mark_fee_claimed, engagement_mark_fee_paid,
  engagement_set_practical_info;
- links (`expert_answers`, `link_actions`): the signed buttons in the expert's emails.

`engagement_set_status` (`engagement_status`) is the only code that changes a status. This module
only gathers the public names, so callers can keep importing them from one place.
"""

from bookings.services.aftercare import engagement_mark_delivered, engagement_record_aftercare
from bookings.services.answers import (
    engagement_confirm,
    engagement_expert_answer,
    engagement_record_answer,
    engagement_withdraw,
)
from bookings.services.asking import (
    ASKING_STATES,
    MAX_SERIES,
    engagement_ask,
    engagement_series_ask,
    series_starts,
)
from bookings.services.changes import (
    booking_assign_coordinator,
    booking_cancel,
    booking_withdraw,
    engagement_cancel,
    engagement_reschedule,
)
from bookings.services.engagement_base import EngagementRefused
from bookings.services.engagement_status import engagement_set_status
from bookings.services.fees import (
    engagement_mark_fee_claimed,
    engagement_mark_fee_paid,
    engagement_record_fee,
    engagement_set_practical_info,
)

__all__ = [
    "ASKING_STATES",
    "MAX_SERIES",
    "EngagementRefused",
    "booking_assign_coordinator",
    "booking_cancel",
    "booking_withdraw",
    "engagement_ask",
    "engagement_cancel",
    "engagement_confirm",
    "engagement_expert_answer",
    "engagement_mark_delivered",
    "engagement_mark_fee_claimed",
    "engagement_mark_fee_paid",
    "engagement_record_aftercare",
    "engagement_record_answer",
    "engagement_record_fee",
    "engagement_reschedule",
    "engagement_series_ask",
    "engagement_set_practical_info",
    "engagement_set_status",
    "engagement_withdraw",
    "series_starts",
]
