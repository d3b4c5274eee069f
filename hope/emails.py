"""The one way the portal sends email: rendered in the recipient's language when it is sent.

Templates live in ``templates/email/``: ``<name>_subject.txt``, ``<name>.txt`` and optionally
``<name>.html`` (which extends ``email/base.html``). Asking for an email writes one row per
recipient to the outbox (``hope.outbox``) in the caller's transaction, with the context encrypted;
after commit a task carrying only the row's id renders and sends it. A rolled-back change never
sends mail, a slow mail server never slows a request, and a mail server that is down only delays
the email: it is retried with backoff and coordinators see the ones that failed.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from hope.mailtemplates.rendering import text_to_html

logger = logging.getLogger(__name__)


def render_email(*, template: str, context: dict, language: str) -> tuple[str, str, str | None]:
    """Return (subject, text, html) of an email template in the given language."""
    base_context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "language": language,
        **context,
    }
    with translation.override(language):
        overridden = _render_override(template=template, context=base_context, language=language)
        if overridden is not None:
            return overridden
        subject = render_to_string(f"email/{template}_subject.txt", base_context)
        subject = " ".join(subject.split())
        text = render_to_string(f"email/{template}.txt", base_context)
        try:
            html = render_to_string(f"email/{template}.html", base_context)
        except TemplateDoesNotExist:
            html = text_to_html(subject=subject, text=text, language=language)
    return subject, text, html


def render_email_override(*, template: str, context: dict, language: str):
    """(subject, text, html) from a coordinator's own text for this email, or None; for the
    few callers that render their emails themselves (in the recipient's language)."""
    base_context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "language": language,
        **context,
    }
    with translation.override(language):
        return _render_override(template=template, context=base_context, language=language)


def _render_override(*, template: str, context: dict, language: str):
    """A coordinator's text for this email, or None. A text that fails is flagged on its row and
    the file template is used instead: an email is never lost to a typo."""
    from hope.mailtemplates.models import EmailTemplateOverride
    from hope.mailtemplates.registry import get_spec
    from hope.mailtemplates.rendering import render_override

    spec = get_spec(template)
    if spec is None:
        return None
    override = EmailTemplateOverride.objects.filter(template=template, language=language).first()
    if override is None:
        return None
    try:
        return render_override(
            spec=spec,
            subject=override.subject,
            body=override.body,
            values=spec.values(context),
            language=language,
        )
    except Exception as error:  # noqa: BLE001 - any failure falls back to the file template
        reason = f"{type(error).__name__}: {error}"[:300]
        EmailTemplateOverride.objects.filter(pk=override.pk).update(broken_reason=reason)
        logger.warning(
            "email text %s (%s) failed, standard text sent: %s", template, language, reason
        )
        return None


def recipient_language(user) -> str:
    language = getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _request_id_from(context: dict) -> int | None:
    """The booking request an email is about, when the context names it (no bookings import:
    a `booking_request` object, or an `engagement` with a `request_id`)."""
    booking_request = context.get("booking_request")
    if booking_request is not None and getattr(booking_request, "pk", None):
        return booking_request.pk
    return getattr(context.get("engagement"), "request_id", None)


def send_templated_email(
    *,
    to: str | list[str],
    template: str,
    context: dict | None = None,
    language: str | None = None,
    reply_to: list[str] | None = None,
    booking_request_id: int | None = None,
    recipient_role: str | None = None,
) -> None:
    """Queue ``template`` for each address, rendered in ``language`` (default: the site's)."""
    from hope.outbox.services import outbound_email_queue

    recipients = [to] if isinstance(to, str) else list(to)
    context = context or {}
    for address in recipients:
        outbound_email_queue(
            to=address,
            template=template,
            context=context,
            language=language or settings.LANGUAGE_CODE,
            recipient_role=recipient_role,
            booking_request_id=booking_request_id or _request_id_from(context),
            reply_to=reply_to,
        )


def send_templated_email_to_user(
    *,
    user,
    template: str,
    context: dict | None = None,
    booking_request_id: int | None = None,
) -> None:
    """Send to one user in their preferred language."""
    send_templated_email(
        to=user.email,
        template=template,
        context={"recipient": user, **(context or {})},
        language=recipient_language(user),
        booking_request_id=booking_request_id,
    )


def enqueue_rendered_email(
    *,
    to: list[str],
    subject: str,
    text: str,
    html: str | None = None,
    from_email: str | None = None,
    reply_to: list[str] | None = None,
    template: str = "",
    language: str | None = None,
    booking_request_id: int | None = None,
    calendar: dict | None = None,
) -> None:
    """Queue an email whose text is already written; stored encrypted until it is sent."""
    from hope.outbox.services import outbound_email_queue_rendered

    for address in to:
        outbound_email_queue_rendered(
            to=address,
            subject=subject,
            text=text,
            html=html,
            template=template,
            language=language,
            booking_request_id=booking_request_id,
            from_email=from_email,
            reply_to=reply_to,
            calendar=calendar,
        )
