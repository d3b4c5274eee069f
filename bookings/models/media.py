import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class MediaAgreement(models.Model):
    """One media engagement's written agreements (rule of care 5): the expert's own identity
    conditions as the journalist accepted them, and the review of her quotes.

    `text` is the exact statement shown to the journalist, in their language; `text_sha256` is
    its hash at the moment of acceptance, so what was accepted can be proven later.
    """

    engagement = models.OneToOneField(
        "bookings.Engagement",
        on_delete=models.CASCADE,
        related_name="media_agreement",
        verbose_name=_("engagement"),
    )
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("the expert's conditions, as shown to the journalist"))
    text_sha256 = models.CharField(_("SHA-256 of the accepted text"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    accepted_by_email = models.EmailField(_("accepted by (email address)"), blank=True)
    # Quote review (rule of care 5): draft received, approved by the expert, published.
    draft_received_on = models.DateField(_("draft received on"), null=True, blank=True)
    quotes_approved_at = models.DateTimeField(
        _("quotes approved by the expert at"), null=True, blank=True
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_url = models.URLField(_("link to the publication"), blank=True, max_length=500)

    class Meta:
        verbose_name = _("media agreement")
        verbose_name_plural = _("media agreements")

    def __str__(self):
        return f"{self.engagement_id} · {'accepted' if self.is_accepted else 'open'}"

    @property
    def is_accepted(self) -> bool:
        """Accepted, and the text is still exactly what was accepted."""
        return bool(self.accepted_at) and self.text_sha256 == text_sha256(self.text)

    @property
    def quote_review_status(self) -> str:
        if self.published_on:
            return str(_("published"))
        if self.quotes_approved_at:
            return str(_("approved by the expert"))
        if self.draft_received_on:
            return str(_("draft received, waiting for the expert"))
        return str(_("no draft yet"))
