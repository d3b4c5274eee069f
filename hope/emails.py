"""The one way the portal sends email: rendered in the recipient's language, sent by a task.

Templates live in ``templates/email/``: ``<name>_subject.txt``, ``<name>.txt`` and optionally
``<name>.html`` (which extends ``email/base.html``). Rendering happens now, in the caller's
transaction; sending happens after commit in a django-tasks task, so a rolled-back change never
sends mail and a slow mail server never slows a request.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from hope.tasks import send_email_task

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
        subject = render_to_string(f"email/{template}_subject.txt", base_context)
        subject = " ".join(subject.split())
        text = render_to_string(f"email/{template}.txt", base_context)
        try:
            html = render_to_string(f"email/{template}.html", base_context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def recipient_language(user) -> str:
    language = getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def send_templated_email(
    *,
    to: str | list[str],
    template: str,
    context: dict | None = None,
    language: str | None = None,
    reply_to: list[str] | None = None,
) -> None:
    """Render ``template`` in ``language`` (default: the site's) and send it after commit."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return
    subject, text, html = render_email(
        template=template, context=context or {}, language=language or settings.LANGUAGE_CODE
    )
    enqueue_rendered_email(to=recipients, subject=subject, text=text, html=html, reply_to=reply_to)


def send_templated_email_to_user(*, user, template: str, context: dict | None = None) -> None:
    """Send to one user in their preferred language."""
    send_templated_email(
        to=user.email,
        template=template,
        context={"recipient": user, **(context or {})},
        language=recipient_language(user),
    )


def enqueue_rendered_email(
    *,
    to: list[str],
    subject: str,
    text: str,
    html: str | None = None,
    from_email: str | None = None,
    reply_to: list[str] | None = None,
) -> None:
    def _enqueue():
        send_email_task.enqueue(
            to=to,
            subject=subject,
            text=text,
            html=html,
            from_email=from_email or settings.DEFAULT_FROM_EMAIL,
            reply_to=reply_to or [],
        )

    transaction.on_commit(_enqueue, robust=True)
