from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bookings.enums import ENGAGEMENT_CONFIRMED_STATES, EngagementStatus


class AftercareStatus(models.TextChoices):
    """Rule of care 6: every engagement ends with a debrief offered to the expert."""

    PENDING = "pending", _("Not recorded yet")
    DONE = "done", _("Debrief done")
    WAIVED = "waived", _("Waived by the expert")


class FeeClaim(models.TextChoices):
    """Where the expert's fee stands (derived from the dates, never stored on its own)."""

    NONE = "none", _("No fee agreed yet")
    # Agreed, but the engagement has not taken place: nothing to claim yet.
    AGREED = "agreed", _("Agreed; claim it after the engagement")
    TO_CLAIM = "to_claim", _("To claim")
    CLAIMED = "claimed", _("Claimed")
    PAID = "paid", _("Paid")


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

    # The coordinators' back office (issue 6).
    date_option = models.ForeignKey(
        "bookings.DateOption",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="engagements",
        verbose_name=_("date option"),
    )
    series_position = models.PositiveSmallIntegerField(
        _("meeting number in the series"), null=True, blank=True
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asked by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.TextField(
        _("reason for saying no"),
        blank=True,
        help_text=_("Optional: an expert never has to give a reason."),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    aftercare_status = models.CharField(
        _("aftercare"),
        max_length=16,
        choices=AftercareStatus.choices,
        default=AftercareStatus.PENDING,
    )
    aftercare_recorded_at = models.DateTimeField(_("aftercare recorded at"), null=True, blank=True)
    fee_recorded_at = models.DateTimeField(_("fee recorded at"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    # The expert's side (issue 7).
    aftercare_held_on = models.DateField(_("debrief held on"), null=True, blank=True)
    aftercare_notes = models.TextField(
        _("aftercare notes"),
        blank=True,
        help_text=_("Private: only coordinators and this expert see these notes."),
    )
    claimed_on = models.DateField(_("fee claimed on"), null=True, blank=True)
    practical_info = models.TextField(
        _("practical information for the expert"),
        blank=True,
        help_text=_(
            "Shown to the expert: address or video link, who meets them, what to bring. "
            "Never private notes."
        ),
    )
    # Rises whenever the calendar entry changes in a way calendar apps must notice (a move, a
    # cancellation): same UID, higher SEQUENCE (RFC 5545).
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["starts_at", "id"]
        indexes = [
            # The expert's engagements and calendar; the dashboard's week and capacity panels.
            models.Index(fields=["expert", "starts_at"], name="bookings_engagement_expert_idx"),
            models.Index(fields=["status", "starts_at"], name="bookings_engagement_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True)
                | models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="bookings_engagement_ends_after_start",
            ),
        ]
        # PostgreSQL also forbids overlapping active engagements of one expert (migration 0003).

    def __str__(self):
        return f"{self.request_id} · {self.expert_id} · {self.status}"

    @property
    def is_confirmed(self) -> bool:
        return self.status in ENGAGEMENT_CONFIRMED_STATES

    @property
    def fee_total(self):
        if self.fee is None:
            return None
        return self.fee + (self.travel_costs or 0)

    @property
    def fee_claim(self) -> str:
        if self.fee is None:
            return FeeClaim.NONE
        if self.paid_on:
            return FeeClaim.PAID
        if self.claimed_on:
            return FeeClaim.CLAIMED
        from bookings import engagement_workflow as lifecycle

        if self.status not in lifecycle.TOOK_PLACE:
            return FeeClaim.AGREED
        return FeeClaim.TO_CLAIM

    @property
    def calendar_status(self) -> str:
        """The iCalendar STATUS of this engagement's entry (read by speakers.ics)."""
        from bookings import engagement_workflow as lifecycle

        if self.status in lifecycle.ENDED:
            return "CANCELLED"
        if self.status in lifecycle.PENDING:
            return "TENTATIVE"
        return "CONFIRMED"

    def get_fee_claim_display(self) -> str:
        return str(FeeClaim(self.fee_claim).label)
