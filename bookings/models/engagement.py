from django.db import models
from django.utils.translation import gettext_lazy as _

from bookings.enums import ENGAGEMENT_CONFIRMED_STATES, EngagementStatus


class Engagement(models.Model):
    """One expert on one request. Extended by the coordinators' back office (issue 6)."""

    request = models.ForeignKey(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        related_name="engagements",
        verbose_name=_("request"),
    )
    expert = models.ForeignKey(
        "speakers.Expert",
        on_delete=models.PROTECT,
        related_name="engagements",
        verbose_name=_("expert"),
    )
    status = models.CharField(
        _("status"),
        max_length=32,
        choices=EngagementStatus.choices,
        default=EngagementStatus.ASKED,
        db_index=True,
    )
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    event = models.OneToOneField(
        "schedule.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="engagement",
        verbose_name=_("calendar event"),
    )
    fee = models.DecimalField(
        _("fee (euro)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    travel_costs = models.DecimalField(
        _("travel costs (euro)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["starts_at", "id"]

    def __str__(self):
        return f"{self.request_id} · {self.expert_id} · {self.status}"

    @property
    def is_confirmed(self) -> bool:
        return self.status in ENGAGEMENT_CONFIRMED_STATES
