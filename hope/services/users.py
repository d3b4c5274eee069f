"""State changes of a person's own account settings."""

import logging

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


@transaction.atomic
def user_set_preferred_language(*, user, language: str) -> bool:
    """Remember the language a person chose on the site: her portal and emails use it.

    Returns whether it changed; an unknown language code is ignored.
    """
    if language not in dict(settings.LANGUAGES) or user.preferred_language == language:
        return False
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    logger.info("user %s set preferred language %s", user.pk, language)
    return True
