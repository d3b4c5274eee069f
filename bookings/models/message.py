from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hope.submission import submission_token_model_field

MAX_MESSAGE_LENGTH = 5000


class Message(models.Model):
    """A message between the organisation and the coordinators, or a coordinators-only note."""

    request = models.ForeignKey(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("request"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"), max_length=MAX_MESSAGE_LENGTH)
    internal = models.BooleanField(
        _("internal note"),
        default=False,
        help_text=_("Visible to coordinators only, never to the organisation."),
    )
    from_organisation = models.BooleanField(_("written by the organisation"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_by_organisation_at = models.DateTimeField(
        _("read by the organisation at"), null=True, blank=True
    )
    read_by_coordinator_at = models.DateTimeField(
        _("read by a coordinator at"), null=True, blank=True
    )
    # The form's one-time token (hope.submission): the same message posted twice is stored once.
    submission_token = submission_token_model_field()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.request_id} · {self.created_at:%Y-%m-%d %H:%M}"
