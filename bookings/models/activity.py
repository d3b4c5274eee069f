from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bookings.enums import ActivityKind, RequestStatus


class Activity(models.Model):
    """Who did what when to which request or engagement: the audit trail and the timeline."""

    request = models.ForeignKey(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("request"),
    )
    engagement = models.ForeignKey(
        "bookings.Engagement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("engagement"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=ActivityKind.choices)
    old_status = models.CharField(
        _("old status"), max_length=32, choices=RequestStatus.choices, blank=True
    )
    new_status = models.CharField(
        _("new status"), max_length=32, choices=RequestStatus.choices, blank=True
    )
    message = models.TextField(_("message"), blank=True)
    visible_to_organisation = models.BooleanField(_("visible to the organisation"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.kind}"
