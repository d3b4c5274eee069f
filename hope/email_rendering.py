"""An email's subject, text and HTML in one language: a coordinator's own text for it when
there is one that works, else the file templates under ``templates/email/``.

Used by ``hope.emails`` (which re-exports these names) and by the outbox when it sends; it
imports neither, so the two do not import each other.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from hope.mailtemplates.rendering import text_to_html

logger = logging.getLogger("hope.emails")


def _base_context(context: dict, language: str) -> dict:
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "language": language,
        **context,
    }


def render_email(*, template: str, context: dict, language: str) -> tuple[str, str, str | None]:
    """Return (subject, text, html) of an email template in the given language."""
    base_context = _base_context(context, language)
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
    base_context = _base_context(context, language)
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
