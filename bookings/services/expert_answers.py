"""Signed, single-use, expiring links in emails to experts (answer a question, aftercare).

A link's token signs {link id, nonce, choice, expert id} with a TimestampSigner and its own salt;
the `EngagementLink` row makes it single-use. Opening a link (GET) only shows a confirmation page;
the answer is given by the POST of that page, so a mail scanner that follows links changes
nothing. Every problem (expired, used, tampered, someone else's, no longer open) is a
`LinkProblem` with a clear sentence, and nothing changes.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings import media_conditions
from bookings.models.engagement import Engagement
from bookings.models.followup import CheckInAnswer, EngagementLink, LinkPurpose

SALT = "bookings.expert-link.v1"
MAX_AGE_DAYS = {LinkPurpose.ANSWER: 7, LinkPurpose.AFTERCARE: 14}
CHOICES = {
    LinkPurpose.ANSWER: ("yes", "no"),
    LinkPurpose.AFTERCARE: tuple(CheckInAnswer.values),
}


class LinkProblem(Exception):
    """Why a link cannot be used; `code` for tests, `message` for the person."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def absolute(name: str, **kwargs) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, **kwargs)


def issue_link(*, engagement: Engagement, purpose: str) -> EngagementLink:
    """A new set of buttons; earlier unused links of the same purpose stop working."""
    EngagementLink.objects.filter(
        engagement=engagement, purpose=purpose, used_at__isnull=True
    ).update(used_at=timezone.now(), used_choice="superseded")
    return EngagementLink.objects.create(engagement=engagement, purpose=purpose)


def make_token(link: EngagementLink, choice: str) -> str:
    payload = {"l": link.pk, "n": link.nonce, "c": choice, "e": link.engagement.expert_id}
    return signing.TimestampSigner(salt=SALT).sign_object(payload)


def link_url(link: EngagementLink, choice: str) -> str:
    return absolute("engagements:link", kwargs={"token": make_token(link, choice)})


def _invalid() -> LinkProblem:
    return LinkProblem(
        "invalid",
        _(
            "This link is not valid. Perhaps it was copied incompletely. "
            "You can answer in the portal."
        ),
    )


def read_link(*, token: str, user, lock: bool = False) -> tuple[EngagementLink, str]:
    """The link and the choice it carries, or LinkProblem. Changes nothing."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        payload = signer.unsign_object(token)
        link_id, nonce, choice, expert_id = (payload[k] for k in ("l", "n", "c", "e"))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise _invalid() from error
    links = EngagementLink.objects.select_related(
        "engagement__expert", "engagement__request__organisation"
    )
    if lock:
        links = links.select_for_update(of=("self",))
    link = links.filter(pk=link_id, nonce=nonce).first()
    if link is None or link.engagement.expert_id != expert_id:
        raise _invalid()
    if choice not in CHOICES.get(link.purpose, ()):
        raise _invalid()
    try:
        signer.unsign_object(token, max_age=dt.timedelta(days=MAX_AGE_DAYS[link.purpose]))
    except signing.SignatureExpired as error:
        raise LinkProblem(
            "expired",
            _(
                "This link has expired. You can still answer in the portal, "
                "or call your coordinator."
            ),
        ) from error
    owner_id = link.engagement.expert.user_id
    if getattr(user, "is_authenticated", False) and user.pk != owner_id:
        raise LinkProblem(
            "wrong_expert",
            _("This link was sent to someone else. Log out first if it was meant for you."),
        )
    if link.used_at is not None:
        raise LinkProblem(
            "used",
            _("This link has already been used. Your answer was saved; see the portal."),
        )
    if link.purpose == LinkPurpose.ANSWER and link.engagement.status not in lifecycle.OPEN_QUESTION:
        raise LinkProblem(
            "closed",
            _("This question is no longer open. See the portal for the current state."),
        )
    return link, choice


def _series_of(engagement: Engagement) -> list[Engagement]:
    """An asked series is answered as a whole from the email."""
    if not engagement.series_position:
        return [engagement]
    return list(
        Engagement.objects.filter(
            request_id=engagement.request_id,
            expert_id=engagement.expert_id,
            status__in=lifecycle.OPEN_QUESTION,
            series_position__isnull=False,
        )
        .select_related("expert", "request")
        .order_by("series_position")
    )


def city_of(place: str) -> str:
    """The town of a place ("Catharijnesingel 1, Utrecht" -> "Utrecht"); never the address."""
    if "," not in (place or ""):
        return ""
    return place.rsplit(",", 1)[-1].strip()


def choice_label(instance, field_name: str):
    """A choice field's label, translated when it is shown (not in the caller's language)."""
    value = getattr(instance, field_name)
    return dict(instance._meta.get_field(field_name).flatchoices).get(value, value)


def lazy_str(function):
    return lazy(function, str)()


def question_context(engagement: Engagement) -> dict:
    """What the expert reads before deciding (email, link page, portal): no private notes.

    For a media interview also the outlet, the questions, her own conditions (and whether the
    journalist accepted them) and where the quote review stands. `city` is for the link page,
    which never shows the exact address or the organisation's contact details.
    """
    booking_request = engagement.request
    try:
        agreement = engagement.media_agreement
    except Exception:  # RelatedObjectDoesNotExist: not a media interview, or not prepared
        agreement = None
    return {
        "engagement": engagement,
        "booking_request": booking_request,
        # Labels stay lazy: the email is rendered later, in the expert's language.
        "kind": choice_label(booking_request, "kind"),
        "organisation_kind": choice_label(booking_request.organisation, "kind"),
        "organisation_name": booking_request.organisation.name,
        "topics": lazy_str(
            lambda: ", ".join(topic.label for topic in booking_request.topics.all())
        ),
        "audience": booking_request.audience_description
        or choice_label(booking_request, "audience_kind"),
        "audience_size": booking_request.audience_size,
        "mode": choice_label(booking_request, "mode"),
        "place": booking_request.place,
        "city": city_of(booking_request.place),
        "fee_offered": booking_request.fee_offered,
        "is_media": booking_request.is_media_interview,
        "media_outlet": booking_request.media_outlet,
        "media_medium": booking_request.get_media_medium_display(),
        "media_questions": booking_request.media_questions,
        "media_publication_date": booking_request.media_publication_date,
        "media_quote_review_agreed": booking_request.media_quote_review_agreed,
        "media_agreement": agreement,
        # A callable: rendered in the reader's language (the expert's email, her portal).
        "media_conditions": (
            lambda: media_conditions.conditions(
                expert=engagement.expert, medium=booking_request.media_medium
            )
        )
        if booking_request.is_media_interview
        else None,
        "media_identity_conditions_accepted": bool(agreement and agreement.is_accepted),
    }
