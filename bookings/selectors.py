"""Reads of the organisation's side that carry rules: who sees which request, and how much."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from bookings import workflow
from bookings.enums import ENGAGEMENT_CONFIRMED_STATES, ActivityKind, RequestStatus
from bookings.identity import expert_display_name
from bookings.models import Activity, BookingRequest, DateOption, Engagement, Message


def portal_requests(user) -> QuerySet[BookingRequest]:
    """The requests of the user's organisations, as the portal lists them.

    Colleagues see each other's requests; a request still awaiting email confirmation is shown
    only to the person who sent it (someone may have used their address).
    """
    return (
        BookingRequest.objects.for_organisations_of(user)
        .filter(~Q(status=RequestStatus.AWAITING_CONFIRMATION) | Q(contact=user))
        .filter(anonymised_at__isnull=True)
        .select_related("organisation")
        .order_by("-created_at", "-id")
    )


def portal_request(user, reference: str) -> BookingRequest | None:
    """One request the user may see, with what its page shows, or None."""
    return (
        portal_requests(user)
        .select_related("contact", "preferred_expert", "offering")
        .prefetch_related(
            "topics",
            Prefetch("date_options", queryset=DateOption.objects.order_by("position")),
        )
        .filter(reference=reference)
        .first()
    )


@dataclass(frozen=True)
class VisibleEngagement:
    name: str
    starts_at: object
    ends_at: object


def visible_engagements(booking_request: BookingRequest) -> list[VisibleEngagement]:
    """Confirmed engagements only, with the name the expert's identity mode allows."""
    engagements = (
        Engagement.objects.filter(request=booking_request, status__in=ENGAGEMENT_CONFIRMED_STATES)
        .select_related("expert")
        .order_by("starts_at", "id")
    )
    return [
        VisibleEngagement(
            name=expert_display_name(engagement.expert),
            starts_at=engagement.starts_at,
            ends_at=engagement.ends_at,
        )
        for engagement in engagements
    ]


@dataclass(frozen=True)
class TimelineEntry:
    created_at: object
    label: str
    message: str
    is_current: bool = False


def organisation_timeline(booking_request: BookingRequest) -> list[TimelineEntry]:
    """The request's story in the organisation's words, oldest first."""
    activities = Activity.objects.filter(
        request=booking_request, visible_to_organisation=True
    ).order_by("created_at", "id")
    entries = []
    for activity in activities:
        if activity.kind == ActivityKind.CREATED:
            label = _("You sent the request")
        elif activity.kind == ActivityKind.STATUS_CHANGED:
            label = str(workflow.organisation_label(activity.new_status))
        elif activity.kind == ActivityKind.UPDATED:
            label = _("You changed the request")
        elif activity.kind == ActivityKind.EVALUATION:
            label = _("You gave feedback")
        else:
            continue
        message = activity.message if activity.kind == ActivityKind.STATUS_CHANGED else ""
        entries.append(TimelineEntry(activity.created_at, label, message))
    if entries:
        last = entries[-1]
        entries[-1] = TimelineEntry(last.created_at, last.label, last.message, is_current=True)
    return entries


def organisation_messages(booking_request: BookingRequest) -> list[Message]:
    """The thread as the organisation sees it: never the coordinators' internal notes."""
    return list(
        Message.objects.filter(request=booking_request, internal=False)
        .select_related("author")
        .order_by("created_at", "id")
    )


def message_author_label(message: Message) -> str:
    if message.from_organisation:
        author = message.author
        return (author.get_full_name() or author.email) if author else _("Your organisation")
    first_name = message.author.first_name if message.author else ""
    if first_name:
        return _("%(name)s, Platform HOPE") % {"name": first_name}
    return _("Platform HOPE")
