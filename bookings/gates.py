"""Conditions a request must meet before it may enter a status (rules of care 5, 6 and 7).

`check_gates(booking_request, new_status)` returns what is missing, as translated sentences; an
empty list means the move may go ahead. `booking_set_status` refuses a move with missing gates.
Other parts of the back office may add checks with `register_gate`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from bookings.enums import (
    ENGAGEMENT_ENDED_STATES,
    OPEN_STATES,
    EngagementKind,
    EngagementStatus,
    RequestStatus,
)

Gate = Callable[[object, str], list[str]]
_registered_gates: list[Gate] = []
# Empty or only white space (what `str.strip()` removes), in SQLite and PostgreSQL alike.
BLANK = r"^\s*$"


def register_gate(gate: Gate) -> Gate:
    """Add a gate `gate(booking_request, new_status) -> list[str]` (usable as a decorator)."""
    if gate not in _registered_gates:
        _registered_gates.append(gate)
    return gate


def unregister_gate(gate: Gate) -> None:
    if gate in _registered_gates:
        _registered_gates.remove(gate)


def media_missing(booking_request, engagement=None) -> list[str]:
    """What a media interview still lacks (rule of care 5), as sentences the journalist and the
    coordinators can act on. With `engagement`: that expert's conditions must be accepted;
    without: those of at least one expert who is still going ahead."""
    if not booking_request.is_media_interview:
        return []
    missing = []
    if not booking_request.media_questions.strip():
        missing.append(_("The questions have not been received in advance."))
    if not _conditions_accepted(booking_request, engagement):
        missing.append(_("The journalist has not accepted the expert's identity conditions."))
    if not booking_request.media_support_person.strip():
        missing.append(_("No support person has been named."))
    if not booking_request.media_quote_review_agreed:
        missing.append(_("The right to review quotes before publication has not been agreed."))
    return missing


def media_details_missing_q() -> Q:
    """`media_missing` as a query, for the listing's "waiting on the organisation": media
    interviews whose details can still be completed (open, no date fixed) and that lack what
    the journalist must give: the questions, a support person, the quote-review agreement, or
    the acceptance of an expert's conditions sent to her."""
    from bookings import engagement_workflow as lifecycle
    from bookings.models import Engagement, MediaAgreement

    date_fixed = Engagement.objects.filter(request=OuterRef("pk"), status__in=lifecycle.CONFIRMED)
    conditions_waiting = MediaAgreement.objects.filter(
        engagement__request=OuterRef("pk"), accepted_at__isnull=True
    ).exclude(engagement__status__in=ENGAGEMENT_ENDED_STATES)
    missing = (
        Q(media_questions__regex=BLANK)
        | Q(media_support_person__regex=BLANK)
        | Q(media_quote_review_agreed=False)
        | Q(Exists(conditions_waiting))
    )
    return (
        Q(kind=EngagementKind.MEDIA_INTERVIEW, status__in=OPEN_STATES)
        & ~Q(Exists(date_fixed))
        & missing
    )


def _conditions_accepted(booking_request, engagement) -> bool:
    from bookings.models import MediaAgreement

    agreements = MediaAgreement.objects.filter(
        engagement__request_id=booking_request.pk, accepted_at__isnull=False
    ).exclude(engagement__status__in=ENGAGEMENT_ENDED_STATES)
    if engagement is not None:
        agreements = agreements.filter(engagement_id=engagement.pk)
    return any(agreement.is_accepted for agreement in agreements)


def media_gates(booking_request, new_status: str) -> list[str]:
    """Before a media interview's date is fixed: questions, identity conditions, support, quotes."""
    if new_status != RequestStatus.SCHEDULED:
        return []
    return media_missing(booking_request)


def closing_gates(booking_request, new_status: str) -> list[str]:
    """A request is closed only when every expert's aftercare is recorded and fees are agreed."""
    if new_status != RequestStatus.CLOSED:
        return []
    missing = []
    engagements = [
        engagement
        for engagement in booking_request.engagements.all()
        if engagement.status not in ENGAGEMENT_ENDED_STATES
    ]
    if not engagements:
        missing.append(_("No engagement took place for this request."))
    if any(engagement.status != EngagementStatus.AFTERCARE_DONE for engagement in engagements):
        missing.append(_("Aftercare has not been recorded for every expert."))
    if any(engagement.fee is None for engagement in engagements):
        missing.append(_("The fee has not been recorded for every expert."))
    return missing


BUILTIN_GATES: tuple[Gate, ...] = (media_gates, closing_gates)


def check_gates(booking_request, new_status: str) -> list[str]:
    missing: list[str] = []
    for gate in (*BUILTIN_GATES, *_registered_gates):
        missing.extend(gate(booking_request, str(new_status)))
    return missing
