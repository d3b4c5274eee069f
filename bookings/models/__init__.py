from bookings.models.activity import Activity
from bookings.models.booking_request import (
    MAX_AUDIENCE_SIZE,
    MAX_DATE_OPTIONS,
    MAX_DAYS_AHEAD,
    BookingRequest,
    DateOption,
    RequestReferenceCounter,
    next_request_reference,
)
from bookings.models.checklist import ChecklistItem, ChecklistTemplate
from bookings.models.digest import CoordinatorDigestItem
from bookings.models.engagement import Engagement
from bookings.models.evaluation import Evaluation
from bookings.models.followup import (
    AftercareCheckIn,
    EngagementLink,
    ExpertFeedback,
    FollowUpMarker,
)
from bookings.models.impact import FeeCeilings, ImpactAnswer, ImpactQuote, RequestTheme
from bookings.models.media import MediaAgreement
from bookings.models.message import MAX_MESSAGE_LENGTH, Message
from bookings.models.organisation import Organisation, OrganisationMembership
from bookings.models.saved_filter import SavedListingFilter
from bookings.models.saved_reply import SavedReply

__all__ = [
    "MAX_AUDIENCE_SIZE",
    "MAX_DATE_OPTIONS",
    "MAX_DAYS_AHEAD",
    "MAX_MESSAGE_LENGTH",
    "Activity",
    "AftercareCheckIn",
    "BookingRequest",
    "ChecklistItem",
    "ChecklistTemplate",
    "CoordinatorDigestItem",
    "DateOption",
    "Engagement",
    "EngagementLink",
    "Evaluation",
    "ExpertFeedback",
    "FeeCeilings",
    "FollowUpMarker",
    "ImpactAnswer",
    "ImpactQuote",
    "MediaAgreement",
    "Message",
    "Organisation",
    "OrganisationMembership",
    "RequestReferenceCounter",
    "SavedListingFilter",
    "SavedReply",
    "RequestTheme",
    "next_request_reference",
]
