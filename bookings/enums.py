"""The bookings' kinds and statuses (engagement kinds and audiences: hope/vocabulary.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The kinds of engagement and the audiences are shared with the experts, so they live below both
# apps (hope/vocabulary.py); bookings code keeps importing them from here.
from hope.vocabulary import Audience, EngagementKind  # noqa: F401  (re-exported)

# Heavy formats count more towards an expert's monthly capacity and are followed by rest days.
HEAVY_KINDS = frozenset({EngagementKind.MEDIA_INTERVIEW})


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    GOVERNMENT = "government", _("Ministry or national government")
    POLICE = "police", _("Police or investigative service")
    PROSECUTOR = "prosecutor", _("Public prosecutor (OM)")
    JUDICIARY = "judiciary", _("Judiciary")
    CARE = "care", _("Care or youth care")
    EDUCATION = "education", _("School or training institute")
    MEDIA = "media", _("Media")
    NGO = "ngo", _("NGO")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class RequestStatus(models.TextChoices):
    """Where a booking request stands. Moves between them are in `bookings.workflow`."""

    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Awaiting email confirmation")
    IN_TRIAGE = "in_triage", _("Submitted, in triage")
    MORE_INFO_NEEDED = "more_info_needed", _("More information needed")
    MATCHING = "matching", _("Matching")
    EXPERT_ASKED = "expert_asked", _("Expert asked")
    SCHEDULED = "scheduled", _("Scheduled")
    DELIVERED = "delivered", _("Delivered")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")
    NO_EXPERT_AVAILABLE = "no_expert_available", _("No expert available")


# Not yet seen by coordinators: a guest has not confirmed their email address.
UNCONFIRMED_STATES = frozenset({RequestStatus.AWAITING_CONFIRMATION})
# The ends of the road: nothing moves on from here.
FINAL_STATES = frozenset(
    {
        RequestStatus.CLOSED,
        RequestStatus.DECLINED,
        RequestStatus.WITHDRAWN,
        RequestStatus.CANCELLED,
        RequestStatus.NO_EXPERT_AVAILABLE,
    }
)
# Confirmed and not finished: the coordinators' work queue.
OPEN_STATES = frozenset(
    {
        RequestStatus.IN_TRIAGE,
        RequestStatus.MORE_INFO_NEEDED,
        RequestStatus.MATCHING,
        RequestStatus.EXPERT_ASKED,
        RequestStatus.SCHEDULED,
        RequestStatus.DELIVERED,
    }
)
# Waiting for a coordinator's first decision.
TRIAGE_STATES = frozenset({RequestStatus.IN_TRIAGE, RequestStatus.MORE_INFO_NEEDED})
# The organisation may still change what it asked for.
EDITABLE_BY_ORGANISATION = frozenset(
    {
        RequestStatus.AWAITING_CONFIRMATION,
        RequestStatus.IN_TRIAGE,
        RequestStatus.MORE_INFO_NEEDED,
    }
)
# The organisation may still withdraw the request.
WITHDRAWABLE_BY_ORGANISATION = frozenset(
    {
        RequestStatus.AWAITING_CONFIRMATION,
        RequestStatus.IN_TRIAGE,
        RequestStatus.MORE_INFO_NEEDED,
        RequestStatus.MATCHING,
        RequestStatus.EXPERT_ASKED,
        RequestStatus.SCHEDULED,
    }
)
# Messages can still be exchanged on the request.
MESSAGING_STATES = frozenset(OPEN_STATES | {RequestStatus.AWAITING_CONFIRMATION})
# The organisation may give its evaluation.
EVALUABLE_STATES = frozenset({RequestStatus.DELIVERED, RequestStatus.CLOSED})
# Every status, for completeness checks.
ALL_STATES = frozenset(RequestStatus)


class EngagementStatus(models.TextChoices):
    """One expert on one request: asked → accepted/declined → confirmed → delivered → aftercare."""

    ASKED = "asked", _("Asked")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CONFIRMED = "confirmed", _("Confirmed")
    DELIVERED = "delivered", _("Delivered")
    AFTERCARE_DONE = "aftercare_done", _("Aftercare done")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")


class AnswerChannel(models.TextChoices):
    """How the expert gave her own answer (the coordinators' notice says so, and only so)."""

    PORTAL = "portal", _("in the portal")
    EMAIL = "email", _("with the link in her email")


# Still waiting for the expert's answer or for the date to be fixed.
ENGAGEMENT_PENDING_STATES = frozenset({EngagementStatus.ASKED, EngagementStatus.ACCEPTED})
# The expert said yes and the date is fixed: the organisation may see the expert's public name.
ENGAGEMENT_CONFIRMED_STATES = frozenset(
    {EngagementStatus.CONFIRMED, EngagementStatus.DELIVERED, EngagementStatus.AFTERCARE_DONE}
)
# Counts towards the expert's load (occupies their calendar).
ENGAGEMENT_ACTIVE_STATES = frozenset(
    {
        EngagementStatus.ASKED,
        EngagementStatus.ACCEPTED,
        EngagementStatus.CONFIRMED,
        EngagementStatus.DELIVERED,
        EngagementStatus.AFTERCARE_DONE,
    }
)
# No longer going ahead.
ENGAGEMENT_ENDED_STATES = frozenset(
    {EngagementStatus.DECLINED, EngagementStatus.WITHDRAWN, EngagementStatus.CANCELLED}
)
ENGAGEMENT_FINAL_STATES = frozenset(ENGAGEMENT_ENDED_STATES | {EngagementStatus.AFTERCARE_DONE})


class Medium(models.TextChoices):
    PRINT = "print", _("Print")
    TV = "tv", _("TV")
    RADIO = "radio", _("Radio")
    ONLINE = "online", _("Online")
    PODCAST = "podcast", _("Podcast")


class MembershipRole(models.TextChoices):
    CONTACT = "contact", _("Contact")
    ADMIN = "admin", _("Administrator")


class ActivityKind(models.TextChoices):
    CREATED = "created", _("Request created")
    STATUS_CHANGED = "status_changed", _("Status changed")
    UPDATED = "updated", _("Request updated")
    MESSAGE = "message", _("Message")
    NOTE = "note", _("Internal note")
    EVALUATION = "evaluation", _("Evaluation received")
    ENGAGEMENT = "engagement", _("Engagement")
    ASSIGNED = "assigned", _("Coordinator assigned")
    ANONYMISED = "anonymised", _("Anonymised")
