"""The outbox: one row per email to one recipient, from the moment it is asked for until it is
delivered, given up on or cancelled.

The same record serves the retry (status, attempts, next_attempt_at), the coordinators' failed
list and the sent log (template, recipient role, language, booking request, timestamps). What is
needed to render the email (its context) is stored encrypted, and wiped once the email is sent.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    RETRYING = "retrying", _("Retrying")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


# A worker may take these when their next_attempt_at has come. SENDING is there for a worker that
# died mid-send: its claim (a lease in next_attempt_at) runs out and another worker takes over.
DUE_STATES = (OutboundEmailStatus.QUEUED, OutboundEmailStatus.RETRYING, OutboundEmailStatus.SENDING)
# Coordinators are asked to look at these (and may resend them).
ATTENTION_STATES = (OutboundEmailStatus.FAILED, OutboundEmailStatus.RETRYING)
RESENDABLE_STATES = (
    OutboundEmailStatus.FAILED,
    OutboundEmailStatus.RETRYING,
    OutboundEmailStatus.CANCELLED,
)


class RecipientRole(models.TextChoices):
    EXPERT = "expert", _("Expert")
    ORGANISATION = "organisation", _("Organisation")
    COORDINATOR = "coordinator", _("Coordinator")
    GUEST = "guest", _("Guest")
    OTHER = "other", _("Other")


class OutboundEmail(models.Model):
    template = models.CharField(_("template"), max_length=200)
    to_address = models.EmailField(_("recipient address"), max_length=254)
    recipient_role = models.CharField(
        _("recipient role"), max_length=20, choices=RecipientRole.choices
    )
    language = models.CharField(_("language"), max_length=8)
    # A plain integer, not a foreign key: `hope` knows nothing of `bookings` (layering).
    booking_request_id = models.PositiveIntegerField(
        _("booking request"), null=True, blank=True, db_index=True
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=OutboundEmailStatus.choices,
        default=OutboundEmailStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    # Fernet token (see hope.outbox.crypto): context, sender and reply-to, or the rendered email
    # for the few callers that hand over finished text. Emptied after a successful send.
    payload = models.TextField(blank=True, editable=False)
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # A coordinator's resend of a delivered email is a new row pointing at the one it copies.
    resent_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resends",
        verbose_name=_("copy of"),
    )

    class Meta:
        app_label = "hope"
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="hope_outbox_due")]
        permissions = [("resend_outboundemail", _("Can resend an email"))]

    def __str__(self) -> str:
        return (
            f"{self.template} → {self.get_recipient_role_display()} ({self.get_status_display()})"
        )

    @property
    def can_resend(self) -> bool:
        """Failed, retrying or cancelled (sent again as it is), or delivered while its context
        is still kept (a new copy, rendered anew): hope.outbox.services.outbound_email_resend."""
        if not self.payload:
            return False
        return self.status in RESENDABLE_STATES or self.status == OutboundEmailStatus.SENT
