"""Creating, inviting and updating experts."""

from __future__ import annotations

import datetime
import html
import logging
import re

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import linebreaks, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from schedule.models import Calendar

from hope.emails import send_templated_email_to_user
from hope.sanitize import sanitize_html
from speakers.models import (
    AudienceOption,
    Expert,
    FormatOption,
    IdentityMode,
    Region,
    SpokenLanguage,
    Topic,
)
from speakers.services.photos import expert_photo_secure

logger = logging.getLogger(__name__)

# Text counts as HTML only if it uses a tag the sanitiser keeps; otherwise it is plain text.
_TAG = re.compile(
    r"<\s*/?\s*(p|br|strong|b|em|i|ul|ol|li|a|h2|h3|h4|blockquote)\b[^>]*>", re.IGNORECASE
)


class InvitationError(ValidationError):
    """The invitation cannot be sent (the expert has an account, or the email is taken)."""


def _unique_slug(*, base: str, exclude_pk: int | None = None) -> str:
    base = slugify(base)[:100] or "expert"
    slug, n = base, 2
    while Expert.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# An "about me" is read on one page: 3000 visible characters is about two screens. The raw cap
# stops megabytes of markup that would show as little text.
BIO_MAX_CHARACTERS = 3000
BIO_MAX_RAW = 4 * BIO_MAX_CHARACTERS


def bio_length(bio: str) -> int:
    """The number of characters a reader sees (tags removed, entities counted once)."""
    return len(html.unescape(strip_tags(bio or "")).strip())


def validate_bio_length(bio: str) -> None:
    """The one home of the bio's length rule (the forms and the services ask it)."""
    count = bio_length(bio)
    if count > BIO_MAX_CHARACTERS or len(bio or "") > BIO_MAX_RAW:
        raise ValidationError(
            _("Keep this text under %(limit)s characters; it now has %(count)s."),
            code="max_length",
            params={"limit": BIO_MAX_CHARACTERS, "count": count},
        )


def clean_bio(bio: str) -> str:
    """Plain text becomes paragraphs; HTML is reduced to the allow-list (hope.sanitize)."""
    bio = (bio or "").strip()
    if not bio:
        return ""
    if not _TAG.search(bio):
        bio = linebreaks(bio, autoescape=True)
    return sanitize_html(bio)


def expert_ensure_calendar(*, expert: Expert) -> Calendar:
    """Give the expert their own calendar (one-to-one; slug from the id, never from a name)."""
    if expert.calendar_id:
        return expert.calendar
    with transaction.atomic():
        locked = Expert.objects.select_for_update().get(pk=expert.pk)
        if locked.calendar_id is None:
            calendar = Calendar.objects.create(
                name=f"expert-{expert.pk}", slug=f"expert-{expert.pk}"
            )
            locked.calendar = calendar
            locked.save(update_fields=["calendar", "updated_at"])
        expert.calendar = locked.calendar
    return expert.calendar


@transaction.atomic
def expert_create(*, public_name: str, slug: str = "", **fields) -> Expert:
    """Create an expert with their own calendar. ``fields`` are plain model fields."""
    expert = Expert(public_name=public_name.strip(), slug=slug or "", **fields)
    try:
        validate_bio_length(expert.bio)
    except ValidationError as exc:
        raise ValidationError({"bio": exc.error_list}) from exc
    expert.slug = _unique_slug(base=slug or public_name)
    expert.bio = clean_bio(expert.bio)
    expert.bio_en = clean_bio(expert.bio_en)
    expert.full_clean(exclude=["calendar", "user"])
    expert.save()
    expert_ensure_calendar(expert=expert)
    logger.info("expert %s created", expert.pk)
    return expert


_M2M = {
    "topics": Topic,
    "no_go_topics": Topic,
    "formats": FormatOption,
    "audiences": AudienceOption,
}
_EDITABLE = {
    "public_name",
    "identity_mode",
    "show_photo",
    "short_bio",
    "bio",
    "short_bio_en",
    "bio_en",
    "regions",
    "languages",
    "media_face_visible",
    "media_voice_altered",
    "media_name_on_record",
    "media_recording_allowed",
    "media_quote_review_required",
    "monthly_capacity",
    "heavy_weight",
    "rest_days_after_heavy",
    "reminder_days_before",
    "feedback_emails",
}


# Only coordinators (the Wagtail admin) change these.
_COORDINATOR_EDITABLE = {"slug", "photo"}


@transaction.atomic
def expert_update_profile(*, expert: Expert, actor, **changes) -> Expert:
    """Apply profile changes made by the expert (her portal) or a coordinator (the Wagtail
    admin) in one transaction: both screens go through here.

    Many-to-many fields take iterables of objects or keys. A topic cannot be both a topic and a
    no-go topic.
    """
    from hope.roles import is_coordinator

    editable = _EDITABLE | (_COORDINATOR_EDITABLE if is_coordinator(actor) else set())
    unknown = set(changes) - editable - set(_M2M)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    errors: dict[str, list] = {}
    topics = changes.get("topics")
    no_go = changes.get("no_go_topics")
    topic_ids = {
        getattr(t, "pk", t) for t in (topics if topics is not None else expert.topics.all())
    }
    no_go_ids = {
        getattr(t, "pk", t) for t in (no_go if no_go is not None else expert.no_go_topics.all())
    }
    if topic_ids & no_go_ids:
        errors["no_go_topics"] = [
            _("A topic cannot be both one you speak on and one you never discuss.")
        ]
    if "regions" in changes:
        changes["regions"] = [code for code in Region.values if code in set(changes["regions"])]
    if "languages" in changes:
        wanted = set(changes["languages"])
        changes["languages"] = [code for code in SpokenLanguage.values if code in wanted]
    for bio_field in ("bio", "bio_en"):
        if bio_field in changes:
            try:
                validate_bio_length(changes[bio_field])
            except ValidationError as exc:
                errors[bio_field] = exc.error_list
            changes[bio_field] = clean_bio(changes[bio_field])
    if "slug" in changes:
        changes["slug"] = _unique_slug(
            base=changes["slug"] or expert.public_name, exclude_pk=expert.pk
        )
    for name, value in changes.items():
        if name in editable:
            setattr(expert, name, value)
    try:
        expert.full_clean(exclude=["calendar", "user", "photo"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    expert.save()
    for name in _M2M:
        if name in changes:
            getattr(expert, name).set(list(changes[name]))
    if {"identity_mode", "show_photo"} & set(changes):
        # Not public any more, or the photo switched off: its public copies go at once.
        expert_photo_secure(expert=expert)
    logger.info("expert %s profile updated by user %s", expert.pk, getattr(actor, "pk", None))
    return expert


@transaction.atomic
def expert_pause(
    *, expert: Expert, until: datetime.date | None = None, hide_profile: bool = False
) -> Expert:
    """Pause all new work. No reason is asked, ever (Rule of care 1). With `hide_profile` her
    public profile disappears at once (she can show it again from her profile). Apps built on
    speakers hear of it (`speakers.signals.expert_paused`): bookings tells the coordinators
    what is affected."""
    from django.utils import timezone

    from speakers.signals import expert_paused

    if until is not None and until <= timezone.localdate():
        raise ValidationError({"paused_until": [_("Choose a date in the future, or none.")]})
    expert.paused = True
    expert.paused_until = until
    fields = ["paused", "paused_until", "updated_at"]
    if hide_profile:
        expert.identity_mode = IdentityMode.NOT_PUBLIC
        fields.append("identity_mode")
    expert.save(update_fields=fields)
    logger.info("expert %s paused", expert.pk)
    expert_paused.send(sender=Expert, expert=expert, until=until, hidden=hide_profile)
    return expert


def expert_unpause(*, expert: Expert) -> Expert:
    expert.paused = False
    expert.paused_until = None
    expert.save(update_fields=["paused", "paused_until", "updated_at"])
    logger.info("expert %s unpaused", expert.pk)
    return expert


def expert_rotate_ics_token(*, expert: Expert) -> Expert:
    """A new secret feed address; the old one stops working at once."""
    from speakers.models import new_ics_token

    expert.ics_token = new_ics_token()
    expert.save(update_fields=["ics_token", "updated_at"])
    logger.info("expert %s rotated their calendar feed token", expert.pk)
    return expert


def set_password_url(*, user) -> str:
    """An allauth password-reset-from-key link, used as the invitation's set-password link."""
    key = default_token_generator.make_token(user)
    with translation.override(getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": key},
        )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def expert_invite(*, expert: Expert, email: str, invited_by, language: str = "nl"):
    """Create the account (verified email, no password yet) and email a set-password link."""
    email = (email or "").strip().lower()
    if expert.user_id:
        raise InvitationError(_("This expert already has an account."))
    user_model = get_user_model()
    if (
        user_model.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    ):
        raise InvitationError(_("An account with this email address already exists."))
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    user = user_model(email=email, preferred_language=language)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    expert.user = user
    expert.save(update_fields=["user", "updated_at"])
    expert_ensure_calendar(expert=expert)
    send_templated_email_to_user(
        user=user,
        template="speakers/invitation",
        context={
            "expert": expert,
            "set_password_url": set_password_url(user=user),
            "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_login"),
        },
    )
    logger.info("expert %s invited by user %s", expert.pk, getattr(invited_by, "pk", None))
    return user
