from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailTemplateOverride(models.Model):
    """A coordinator's own text for one email in one language. Without one, the file template
    is used; a broken one at send time falls back to the file template and is flagged."""

    template = models.CharField(_("email"), max_length=200)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), max_length=10000)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    broken_reason = models.CharField(
        _("problem at sending"),
        max_length=300,
        blank=True,
        help_text=_("Set when this text could not be used; the standard text was sent instead."),
    )

    class Meta:
        verbose_name = _("email text")
        verbose_name_plural = _("email texts")
        constraints = [
            models.UniqueConstraint(
                fields=["template", "language"], name="hope_email_override_unique"
            )
        ]

    def __str__(self):
        return f"{self.template} ({self.language})"
