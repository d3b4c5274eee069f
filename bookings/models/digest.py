from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CoordinatorDigestItem(models.Model):
    """Something a coordinator who chose the daily digest will read about in it. `line` is a
    short sentence in her language, without any private note (the same rule as emails)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_items",
        verbose_name=_("coordinator"),
    )
    request = models.ForeignKey(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        related_name="digest_items",
        verbose_name=_("request"),
    )
    line = models.CharField(_("what happened"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("digest item")
        verbose_name_plural = _("digest items")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["user", "sent_at"], name="digest_user_sent_idx")]

    def __str__(self):
        return self.line
