from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Evaluation(models.Model):
    """The organisation's feedback after delivery: what changed because of the expert?"""

    request = models.OneToOneField(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        related_name="evaluation",
        verbose_name=_("request"),
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    went_well = models.TextField(_("what went well"), max_length=3000, blank=True)
    what_changed = models.TextField(
        _("what changed because of the expert's contribution"), max_length=3000, blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5),
                name="bookings_evaluation_rating_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.request_id}: {self.rating}/5"
