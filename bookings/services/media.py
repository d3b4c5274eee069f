"""Media interviews (rule of care 5): the details the journalist owes (questions, support person,
quote review), the expert's own conditions accepted in writing through a signed link, and the
review of her quotes until publication.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings import media_conditions
from bookings.enums import ActivityKind, RequestStatus
from bookings.gates import media_missing
from bookings.models import Activity, BookingRequest, Engagement, MediaAgreement
from bookings.models.media import text_sha256
from bookings.services.engagement_base import (
    EngagementRefused,
    _lock_request,
    _log,
    _require_coordinator,
    _require_own_expert,
    _sync,
)
from bookings.services.engagement_status import engagement_require_step
from bookings.services.request_base import _may_act_as, organisation_recipients
from hope.emails import recipient_language, send_templated_email_to_user
from hope.roles import is_coordinator

Actor = lifecycle.Actor
SALT = "bookings.media-consent.v1"
CONSENT_MAX_AGE = dt.timedelta(days=30)


class ConsentLinkProblem(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# --- the details the journalist owes ------------------------------------------------------------


def media_details_editable(booking_request: BookingRequest) -> bool:
    """Until the interview is confirmed, the media details can be completed."""
    return (
        booking_request.is_media_interview
        and not booking_request.is_final
        and booking_request.status != RequestStatus.AWAITING_CONFIRMATION
        and not booking_request.engagements.filter(status__in=lifecycle.CONFIRMED).exists()
    )


@transaction.atomic
def booking_set_media_details(
    *,
    booking_request: BookingRequest,
    actor,
    questions: str,
    support_person: str,
    quote_review_agreed: bool,
    expected_version: int | None = None,
) -> BookingRequest:
    """The journalist (from the portal) or a coordinator (in the workspace) records the
    questions, the support person and the quote review agreement."""
    locked = _lock_request(booking_request, expected_version)
    role = Actor.COORDINATOR if is_coordinator(actor) else Actor.ORGANISATION
    if not _may_act_as(role=role, user=actor, booking_request=locked):
        raise PermissionDenied(_("You may not change this request."))
    if not media_details_editable(locked):
        raise EngagementRefused(
            _("The media details can no longer be changed: the interview is confirmed.")
        )
    locked.media_questions = (questions or "").strip()[:5000]
    locked.media_support_person = (support_person or "").strip()[:200]
    locked.media_quote_review_agreed = bool(quote_review_agreed)
    locked.version = F("version") + 1
    locked.save(
        update_fields=[
            "media_questions",
            "media_support_person",
            "media_quote_review_agreed",
            "version",
            "updated_at",
        ]
    )
    Activity.objects.create(
        request=locked,
        actor=actor,
        kind=ActivityKind.UPDATED,
        message=_("Media details updated."),
        visible_to_organisation=True,
    )
    _sync(booking_request, locked)
    for name in ("media_questions", "media_support_person", "media_quote_review_agreed"):
        setattr(booking_request, name, getattr(locked, name))
    return booking_request


@transaction.atomic
def booking_ask_media_details(*, booking_request: BookingRequest, actor) -> list[str]:
    """Tell the journalist exactly what is still missing, with a link to complete it."""
    _require_coordinator(actor)
    locked = _lock_request(booking_request, None)
    if not media_details_editable(locked):
        raise EngagementRefused(_("The media details can no longer be changed."))
    missing = media_missing(locked)
    if not missing:
        raise EngagementRefused(_("Nothing is missing for this media interview."))
    Activity.objects.create(
        request=locked,
        actor=actor,
        kind=ActivityKind.MESSAGE,
        message=_("We asked you for: %(missing)s") % {"missing": " ".join(missing)},
        visible_to_organisation=True,
    )
    url = _absolute(reverse("bookings:request_media", args=[locked.reference]))
    for user in organisation_recipients(locked):
        with translation.override(recipient_language(user)):
            sentences = media_missing(locked)
        send_templated_email_to_user(
            user=user,
            template="bookings/media_details_missing",
            context={
                "reference": locked.reference,
                "title": locked.title,
                "missing": sentences,
                "media_url": url,
            },
        )
    return missing


# --- the expert's conditions, accepted in writing ------------------------------------------------


def _statement(engagement: Engagement, language: str) -> str:
    booking_request = engagement.request
    with translation.override(language):
        lines = media_conditions.conditions(
            expert=engagement.expert, medium=booking_request.media_medium
        )
        header = _(
            "Conditions of the expert for the interview for %(outlet)s (%(medium)s), "
            "request %(reference)s:"
        ) % {
            "outlet": booking_request.media_outlet,
            "medium": booking_request.get_media_medium_display(),
            "reference": booking_request.reference,
        }
    return "\n".join([header, *(f"- {line}" for line in lines)])


def consent_token(agreement: MediaAgreement, user) -> str:
    payload = {"a": agreement.pk, "h": text_sha256(agreement.text), "u": user.pk}
    return signing.TimestampSigner(salt=SALT).sign_object(payload)


def media_agreement_prepare(*, engagement: Engagement) -> MediaAgreement | None:
    """Once an expert is chosen: her conditions as a statement in the journalist's language,
    sent to the journalist with a signed link to accept them."""
    booking_request = engagement.request
    if not booking_request.is_media_interview:
        return None
    recipients = organisation_recipients(booking_request)
    language = recipient_language(recipients[0]) if recipients else settings.LANGUAGE_CODE
    agreement, _created = MediaAgreement.objects.get_or_create(
        engagement=engagement, defaults={"language": language, "text": ""}
    )
    if agreement.accepted_at is None:
        agreement.language = language
        agreement.text = _statement(engagement, language)
        agreement.save(update_fields=["language", "text"])
    for user in recipients:
        url = _absolute(reverse("bookings:media_consent", args=[consent_token(agreement, user)]))
        send_templated_email_to_user(
            user=user,
            template="bookings/media_conditions",
            context={
                "reference": booking_request.reference,
                "statement": agreement.text,
                "accept_url": url,
                "accepted": agreement.is_accepted,
            },
        )
    return agreement


def read_consent_token(token: str) -> tuple[MediaAgreement, object]:
    """The agreement and the person the link was sent to, or ConsentLinkProblem."""
    from django.contrib.auth import get_user_model

    invalid = ConsentLinkProblem(_("This link is not valid. Ask the coordinator for a new one."))
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=CONSENT_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ConsentLinkProblem(
            _("This link has expired. Ask the coordinator for a new one.")
        ) from error
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise invalid from error
    agreement = (
        MediaAgreement.objects.select_related("engagement__request", "engagement__expert")
        .filter(pk=payload.get("a"))
        .first()
    )
    user = get_user_model().objects.filter(pk=payload.get("u"), is_active=True).first()
    if agreement is None or user is None or payload.get("h") != text_sha256(agreement.text):
        raise invalid
    if not _may_act_as(
        role=Actor.ORGANISATION, user=user, booking_request=agreement.engagement.request
    ):
        raise invalid
    if agreement.engagement.status in lifecycle.ENDED:
        raise ConsentLinkProblem(_("This expert is no longer part of your request."))
    return agreement, user


@transaction.atomic
def media_consent_accept(*, token: str) -> MediaAgreement:
    """The journalist accepts the exact statement: who, when and a SHA-256 of the text."""
    agreement, user = read_consent_token(token)
    agreement = MediaAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.is_accepted:
        return agreement
    agreement.accepted_at = timezone.now()
    agreement.accepted_by = user
    agreement.accepted_by_email = user.email
    agreement.text_sha256 = text_sha256(agreement.text)
    agreement.save(update_fields=["accepted_at", "accepted_by", "accepted_by_email", "text_sha256"])
    engagement = agreement.engagement
    Activity.objects.create(
        request=engagement.request,
        engagement=engagement,
        actor=user,
        kind=ActivityKind.UPDATED,
        message=_("The expert's conditions were accepted in writing."),
        visible_to_organisation=True,
    )
    return agreement


# --- quote review -------------------------------------------------------------------------------


@transaction.atomic
def media_quote_review_record(
    *,
    engagement: Engagement,
    actor,
    draft_received_on: dt.date | None,
    published_on: dt.date | None,
    published_url: str = "",
) -> MediaAgreement:
    """A coordinator records the draft received and the publication (date, link)."""
    _require_coordinator(actor)
    engagement_require_step(engagement, "quote_review", Actor.COORDINATOR)
    today = timezone.localdate()
    for day in (draft_received_on, published_on):
        if day and day > today:
            raise EngagementRefused(_("The date cannot be in the future."))
    agreement = MediaAgreement.objects.select_for_update().filter(engagement=engagement).first()
    if agreement is None:
        raise EngagementRefused(_("This is not a media interview."))
    agreement.draft_received_on = draft_received_on
    agreement.published_on = published_on
    agreement.published_url = (published_url or "").strip()[:500]
    agreement.save(update_fields=["draft_received_on", "published_on", "published_url"])
    _log(
        booking_request=engagement.request,
        engagement=engagement,
        actor=actor,
        message=_("Quote review of %(expert)s: %(status)s.")
        % {"expert": engagement.expert.public_name, "status": agreement.quote_review_status},
    )
    return agreement


@transaction.atomic
def media_quotes_approve(*, engagement: Engagement, actor) -> MediaAgreement:
    """The expert approves her quotes (after reading the draft)."""
    _require_own_expert(engagement, actor)
    engagement_require_step(engagement, "approve_quotes", Actor.EXPERT)
    agreement = MediaAgreement.objects.select_for_update().filter(engagement=engagement).first()
    if agreement is None or not agreement.draft_received_on:
        raise EngagementRefused(_("There is no draft to approve yet."))
    agreement.quotes_approved_at = timezone.now()
    agreement.save(update_fields=["quotes_approved_at"])
    _log(
        booking_request=engagement.request,
        engagement=engagement,
        actor=actor,
        message=_("%(expert)s approved her quotes.") % {"expert": engagement.expert.public_name},
    )
    return agreement
