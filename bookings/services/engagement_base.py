"""What every engagement service shares: the refusal, locks, the request's version, the log and
the emails to the expert and the organisation. Imports no other engagement module, so links,
follow-ups and the phases below can all build on it without import cycles.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.enums import ActivityKind
from bookings.identity import expert_name_for_organisation
from bookings.models import Activity, BookingRequest, Engagement
from bookings.services.request_base import (
    StaleRequest,
    TransitionNotAllowed,
    organisation_recipients,
)
from hope.emails import enqueue_rendered_email, recipient_language, render_email_override
from hope.roles import is_coordinator
from speakers.models import Expert
from speakers.selectors import AMSTERDAM


class EngagementRefused(TransitionNotAllowed):
    """A rule of care, the calendar or the engagement's state forbids this step."""


# --- helpers ------------------------------------------------------------------------------------


def _require_coordinator(actor) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators manage engagements."))


def _require_own_expert(engagement: Engagement, actor) -> None:
    """The expert themselves (their user account), never anyone else."""
    user_id = engagement.expert.user_id
    if actor is None or user_id is None or getattr(actor, "pk", None) != user_id:
        raise PermissionDenied(_("Only the expert who was asked can answer."))


def _lock_request(booking_request: BookingRequest, expected_version: int | None) -> BookingRequest:
    locked = (
        BookingRequest.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=booking_request.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise StaleRequest(
            _("This request was changed by someone else in the meantime. Reload and try again.")
        )
    return locked


def _bump_version(locked: BookingRequest, original: BookingRequest | None = None) -> None:
    BookingRequest.objects.filter(pk=locked.pk).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    locked.refresh_from_db(fields=["version", "updated_at", "status"])
    if original is not None and original is not locked:
        original.version = locked.version
        original.status = locked.status
        original.updated_at = locked.updated_at


def _sync(original: BookingRequest, locked: BookingRequest) -> None:
    locked.refresh_from_db(fields=["version", "updated_at", "status"])
    for name in ("version", "updated_at", "status"):
        setattr(original, name, getattr(locked, name))


def _log(*, booking_request, engagement, actor, message: str) -> Activity:
    return Activity.objects.create(
        request=booking_request,
        engagement=engagement,
        actor=actor,
        kind=ActivityKind.ENGAGEMENT,
        message=message,
        visible_to_organisation=False,
    )


def _when(starts_at: dt.datetime) -> str:
    from django.utils.formats import date_format

    return date_format(starts_at.astimezone(AMSTERDAM), "j F Y H:i")


def _lock_engagement(engagement: Engagement) -> Engagement:
    return (
        Engagement.objects.select_for_update(of=("self",))
        .select_related("expert", "event", "request")
        .get(pk=engagement.pk)
    )


# Which emails carry a calendar invitation, and with which method (bookings.invitations).
CALENDAR_METHODS = {
    "engagement_confirmed_expert": "REQUEST",
    "engagement_confirmed_organisation": "REQUEST",
    "engagement_moved": "REQUEST",
    "engagement_cancelled": "CANCEL",
}


def _invitation(*, template: str, context: dict, user, language: str, audience: str):
    engagement = context.get("engagement")
    method = CALENDAR_METHODS.get(template)
    if method is None or engagement is None or not engagement.starts_at or not engagement.ends_at:
        return None
    from bookings.invitations import engagement_invitation

    return {
        "method": method,
        "ics": engagement_invitation(
            engagement=engagement,
            audience=audience,
            method=method,
            recipient_email=user.email,
            language=language,
        ),
    }


def _send(*, user, template: str, context: dict, audience: str = "") -> None:
    """An email from this module's templates, in the recipient's language, after commit; with
    a calendar invitation when the email confirms, moves or cancels a date."""
    if user is None or not user.is_active or not user.email:
        return
    language = recipient_language(user)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    full_context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": base,
        "recipient": user,
        **context,
    }
    with translation.override(language), timezone.override(AMSTERDAM):
        # A coordinator's own text (bookings/email_texts), else the file template.
        own = render_email_override(
            template=f"bookings/admin/{template}", context=full_context, language=language
        )
        if own is not None:
            subject, text, _html = own
        else:
            subject = render_to_string(f"bookings/admin/email/{template}_subject.txt", full_context)
            text = render_to_string(f"bookings/admin/email/{template}.txt", full_context)
    enqueue_rendered_email(
        to=[user.email],
        subject=" ".join(subject.split()),
        text=text,
        template=f"bookings/admin/{template}",
        language=language,
        booking_request_id=getattr(context.get("engagement"), "request_id", None),
        calendar=_invitation(
            template=template, context=context, user=user, language=language, audience=audience
        )
        if audience
        else None,
    )


def _tell_expert(engagement: Engagement, template: str, **context) -> None:
    _send(
        user=engagement.expert.user,
        audience="expert",
        template=template,
        context={
            "engagement": engagement,
            "kind": engagement.request.get_kind_display,
            "place": engagement.request.place,
            "mode": engagement.request.get_mode_display,
            **context,
        },
    )


def _tell_organisation(engagement: Engagement, template: str, **context) -> None:
    booking_request = engagement.request
    for user in organisation_recipients(booking_request):
        _send(
            user=user,
            audience="organisation",
            template=template,
            context={
                "engagement": engagement,
                "reference": booking_request.reference,
                "title": booking_request.title,
                "expert_name": expert_name_for_organisation(engagement.expert),
                **context,
            },
        )


def _refuse_excluded(reasons: list[str], expert: Expert) -> None:
    if reasons:
        raise EngagementRefused(
            _("%(expert)s cannot be asked: %(reasons)s.")
            % {"expert": expert.public_name, "reasons": "; ".join(reasons)},
            missing=reasons,
        )


def _lock_expert(expert: Expert) -> Expert:
    # Serialises bookings of one expert (PostgreSQL); SQLite serialises every write anyway.
    return Expert.objects.select_for_update().get(pk=expert.pk)


def _active_others(engagement: Engagement):
    return Engagement.objects.filter(
        request_id=engagement.request_id, status__in=lifecycle.ACTIVE
    ).exclude(pk=engagement.pk)
