"""The only code that changes coordinators' email texts."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hope.mailtemplates.models import EmailTemplateOverride
from hope.mailtemplates.registry import get_spec
from hope.mailtemplates.rendering import override_errors
from hope.roles import is_coordinator

logger = logging.getLogger(__name__)


def _check(*, template: str, language: str, actor):
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators may change email texts."))
    spec = get_spec(template)
    if spec is None or language not in dict(settings.LANGUAGES):
        raise ValidationError(_("This email cannot be changed."))
    return spec


@transaction.atomic
def email_template_override_save(
    *, template: str, language: str, subject: str, body: str, actor
) -> EmailTemplateOverride:
    """Store a coordinator's text, refused (with the line and the reason) when it would not
    render."""
    spec = _check(template=template, language=language, actor=actor)
    errors = override_errors(spec=spec, subject=subject, body=body)
    if errors:
        raise ValidationError(errors)
    override, _created = EmailTemplateOverride.objects.update_or_create(
        template=template,
        language=language,
        defaults={
            "subject": subject.strip(),
            "body": body.strip() + "\n",
            "updated_by": actor,
            "broken_reason": "",
        },
    )
    logger.info("email text %s (%s) changed by user %s", template, language, actor.pk)
    return override


@transaction.atomic
def email_template_override_reset(*, template: str, language: str, actor) -> bool:
    """Back to the standard text; True when there was an own text to remove."""
    _check(template=template, language=language, actor=actor)
    deleted, _rows = EmailTemplateOverride.objects.filter(
        template=template, language=language
    ).delete()
    logger.info("email text %s (%s) reset by user %s", template, language, actor.pk)
    return bool(deleted)
