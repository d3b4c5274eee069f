"""What the request services share: the request's fields, errors, roles, recipients, emails,
the activity log and the checks of the organisation's data.

Imports go one way: `request_base` <- `request_status` <- `request_intake`, `request_edits`,
`request_messages`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bookings.enums import EngagementKind, MeetingMode
from bookings.models import MAX_DATE_OPTIONS, MAX_DAYS_AHEAD, Activity, BookingRequest, DateOption
from bookings.services.coordinator_notices import coordinator_notify
from bookings.workflow import Actor
from hope.emails import recipient_language, send_templated_email_to_user
from hope.roles import COORDINATORS, is_coordinator

MEDIA_FIELDS = (
    "media_outlet",
    "media_medium",
    "media_publication_date",
    "media_questions",
    "media_identity_conditions_accepted",
    "media_support_person",
    "media_quote_review_agreed",
)
# Fields of a request the organisation fills in (the form and `booking_update` use these).
REQUEST_FIELDS = (
    "kind",
    "title",
    "description",
    "audience_description",
    "audience_kind",
    "audience_size",
    "mode",
    "place",
    "duration_minutes",
    "fee_offered",
    "preferred_expert",
    "offering",
    *MEDIA_FIELDS,
)
_MEDIA_EMPTY = {
    "media_outlet": "",
    "media_medium": "",
    "media_publication_date": None,
    "media_questions": "",
    "media_identity_conditions_accepted": False,
    "media_support_person": "",
    "media_quote_review_agreed": False,
}


class TransitionNotAllowed(Exception):
    """A status change the workflow or the gates refuse. `str(error)` is translated."""

    def __init__(self, message: str, *, missing: Sequence[str] = ()):
        super().__init__(message)
        self.message = message
        self.missing = list(missing)


class StaleRequest(TransitionNotAllowed):
    """Someone else changed the request since the form was loaded."""


# --- helpers ------------------------------------------------------------------------------------


def actor_role(*, user, booking_request: BookingRequest) -> str | None:
    """The workflow role in which `user` acts on this request (None: no role at all)."""
    if user is None:
        return Actor.SYSTEM
    if is_coordinator(user):
        return Actor.COORDINATOR
    if booking_request.organisation.memberships.filter(user=user).exists():
        return Actor.ORGANISATION
    return None


def _may_act_as(*, role: str, user, booking_request: BookingRequest) -> bool:
    """An explicit role must be one the user holds. SYSTEM is for trusted code paths only."""
    if role == Actor.SYSTEM:
        return True
    if user is None:
        return False
    if role == Actor.COORDINATOR:
        return is_coordinator(user)
    if role == Actor.ORGANISATION:
        return booking_request.organisation.memberships.filter(user=user).exists()
    return False


def _request_url(booking_request: BookingRequest) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("bookings:request_detail", args=[booking_request.reference])


def coordinator_recipients(booking_request: BookingRequest) -> list:
    """The assigned coordinator, or every active coordinator while nobody is assigned."""
    if booking_request.coordinator_id and booking_request.coordinator.is_active:
        return [booking_request.coordinator]
    return list(
        get_user_model()
        .objects.filter(groups__name=COORDINATORS, is_active=True)
        .distinct()
        .order_by("email")
    )


def organisation_recipients(booking_request: BookingRequest) -> list:
    """The contact person; when they have no account any more, the organisation's members."""
    if booking_request.contact_id and booking_request.contact.is_active:
        return [booking_request.contact]
    return [
        membership.user
        for membership in booking_request.organisation.memberships.select_related("user")
        if membership.user.is_active
    ]


def _email_context(booking_request: BookingRequest, **extra) -> dict:
    return {
        "booking_request": booking_request,
        "reference": booking_request.reference,
        "title": booking_request.title,
        "request_url": _request_url(booking_request),
        "portal_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("bookings:portal"),
        **extra,
    }


def _notify_organisation(booking_request: BookingRequest, *, template: str, **context) -> None:
    for user in organisation_recipients(booking_request):
        # Links in the reader's language (an English contact gets /en/ addresses).
        with translation.override(recipient_language(user)):
            user_context = _email_context(booking_request, **context)
        send_templated_email_to_user(user=user, template=template, context=user_context)


def _notify_coordinators(booking_request: BookingRequest, *, template: str, **context) -> None:
    # coordinator_notify adds the link to the request's workspace (`admin_url`).
    for user in coordinator_recipients(booking_request):
        with translation.override(recipient_language(user)):
            user_context = _email_context(booking_request, **context)
        coordinator_notify(user=user, template=template, context=user_context)  # or her digest


def _log(
    *,
    booking_request: BookingRequest,
    kind: str,
    actor=None,
    message: str = "",
    old_status: str = "",
    new_status: str = "",
    visible_to_organisation: bool = True,
    engagement=None,
) -> Activity:
    return Activity.objects.create(
        request=booking_request,
        engagement=engagement,
        actor=actor,
        kind=kind,
        message=message,
        old_status=old_status,
        new_status=new_status,
        visible_to_organisation=visible_to_organisation,
    )


def _validate_date_options(date_options: Sequence[tuple[dt.datetime, dt.datetime]]) -> None:
    errors = []
    if len(date_options) > MAX_DATE_OPTIONS:
        errors.append(_("Give at most three date options."))
    now = timezone.now()
    horizon = now + dt.timedelta(days=MAX_DAYS_AHEAD)
    for starts_at, ends_at in date_options:
        if starts_at < now:
            errors.append(_("A date option lies in the past."))
        if starts_at > horizon:
            errors.append(_("A date option lies more than two years ahead."))
        if ends_at <= starts_at:
            errors.append(_("A date option ends before it starts."))
    if errors:
        raise ValidationError(errors)


def _validate_request_data(data: dict) -> None:
    errors = {}
    if (
        data.get("mode") in (MeetingMode.IN_PERSON, MeetingMode.HYBRID)
        and not (data.get("place") or "").strip()
    ):
        errors["place"] = _("Tell us where, as you meet in person.")
    if data.get("kind") == EngagementKind.MEDIA_INTERVIEW:
        if not (data.get("media_outlet") or "").strip():
            errors["media_outlet"] = _("Name the outlet you work for.")
        if not data.get("media_medium"):
            errors["media_medium"] = _("Choose the medium.")
        if not data.get("media_identity_conditions_accepted"):
            errors["media_identity_conditions_accepted"] = _(
                "A media interview is only possible when you accept the expert's identity "
                "conditions."
            )
    if errors:
        raise ValidationError(errors)


def _clean_data(data: dict) -> dict:
    """Keep only the request fields; drop media fields for other kinds; strip free text."""
    cleaned = {key: value for key, value in data.items() if key in REQUEST_FIELDS}
    for key, value in cleaned.items():
        if isinstance(value, str):
            cleaned[key] = value.strip()
    if cleaned.get("kind") and cleaned["kind"] != EngagementKind.MEDIA_INTERVIEW:
        cleaned.update(_MEDIA_EMPTY)
    if isinstance(cleaned.get("fee_offered"), (int, float)):
        cleaned["fee_offered"] = Decimal(str(cleaned["fee_offered"]))
    return cleaned


def _replace_date_options(
    booking_request: BookingRequest, date_options: Sequence[tuple[dt.datetime, dt.datetime]]
) -> None:
    booking_request.date_options.all().delete()
    DateOption.objects.bulk_create(
        DateOption(request=booking_request, starts_at=start, ends_at=end, position=position)
        for position, (start, end) in enumerate(date_options, start=1)
    )
