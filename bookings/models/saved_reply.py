from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bookings.models.message import MAX_MESSAGE_LENGTH


class SavedReply(models.Model):
    """A reply coordinators send often, per language; inserted into a message box in the
    workspace and still editable before sending."""

    class Purpose(models.TextChoices):
        # The first three match the request statuses whose step asks for a message.
        MORE_INFO_NEEDED = "more_info_needed", _("More information needed")
        DECLINED = "declined", _("Decline with a kind reason")
        NO_EXPERT_AVAILABLE = "no_expert_available", _("No expert available")
        PRACTICAL = "practical", _("Practical information")
        GENERAL = "general", _("General message")

    title = models.CharField(_("title"), max_length=120)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    purpose = models.CharField(
        _("used for"), max_length=32, choices=Purpose.choices, default=Purpose.GENERAL
    )
    body = models.TextField(
        _("text"),
        max_length=MAX_MESSAGE_LENGTH,
        help_text=_("Plain text. The coordinator can still change it before sending."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("saved reply")
        verbose_name_plural = _("saved replies")
        ordering = ["purpose", "language", "title"]

    def __str__(self):
        return f"{self.title} ({self.language})"
