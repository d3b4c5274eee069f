from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedListingFilter(models.Model):
    """A coordinator's own named shortcut to a filtered request listing. Only the listing's own
    filter parameters are kept (see bookings.services.saved_filters); nobody else sees it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_listing_filters",
        verbose_name=_("coordinator"),
    )
    name = models.CharField(_("name"), max_length=80)
    query_string = models.CharField(_("filter"), max_length=1000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_filter_unique_name"),
        ]

    def __str__(self):
        return self.name
