"""What HOPE achieves: improvement-agenda themes, the three-month answer, chosen quotes, and the
volunteer-allowance ceilings (issue 14). Read by `bookings.reports`; changed only by
`bookings.services.impact`."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class ImprovementTheme(models.TextChoices):
    """HOPE's improvement agenda (verbeteragenda)."""

    BREAKING_TABOOS = "breaking_taboos", _("Breaking taboos")
    STOP_VICTIM_BLAMING = "stop_victim_blaming", _("Stopping victim blaming")
    VICTIM_FRIENDLY_CARE = "victim_friendly_care", _("Victim-friendly care")
    BETTER_REPORTING = "better_reporting", _("A better reporting process")


class RequestSource(models.TextChoices):
    GUEST = "guest", _("Guest form")
    PORTAL = "portal", _("Organisation portal")


class UnmetReason(models.TextChoices):
    """Why no expert could take a request (set by the coordinator)."""

    NO_GO_TOPIC = "no_go_topic", _("A no-go topic for the experts who fit")
    LOAD = "load", _("Experts at their capacity")
    AVAILABILITY = "availability", _("No expert free on the dates")
    EXPERTS_DECLINED = "experts_declined", _("The experts asked said no")
    OTHER = "other", _("Another reason")


class RequestTheme(models.Model):
    """One improvement-agenda theme a coordinator set on a request."""

    request = models.ForeignKey(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        related_name="themes",
        verbose_name=_("request"),
    )
    theme = models.CharField(_("theme"), max_length=32, choices=ImprovementTheme.choices)

    class Meta:
        verbose_name = _("improvement theme")
        verbose_name_plural = _("improvement themes")
        constraints = [
            models.UniqueConstraint(fields=["request", "theme"], name="bookings_theme_unique")
        ]

    def __str__(self):
        return f"{self.request_id} · {self.theme}"


class ImpactAnswer(models.Model):
    """The organisation's answer, three months on, to "what did you change because of this?"."""

    request = models.OneToOneField(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        related_name="impact_answer",
        verbose_name=_("request"),
    )
    what_changed = models.TextField(_("what changed"), max_length=3000)
    share_with_experts = models.BooleanField(
        _("the experts may read this"),
        default=False,
        help_text=_("The organisation agreed that the experts who came may read this answer."),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer on what changed")
        verbose_name_plural = _("answers on what changed")

    def __str__(self):
        return f"{self.request_id}: what changed"


class QuoteSource(models.TextChoices):
    EVALUATION = "evaluation", _("Evaluation")
    FOLLOW_UP = "follow_up", _("Three-month answer")


class ImpactQuote(models.Model):
    """A "what changed" answer a coordinator chose for the annual impact page."""

    request = models.ForeignKey(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        related_name="impact_quotes",
        verbose_name=_("request"),
    )
    source = models.CharField(_("source"), max_length=16, choices=QuoteSource.choices)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chosen by"),
    )
    created_at = models.DateTimeField(_("chosen at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quote for the impact page")
        verbose_name_plural = _("quotes for the impact page")
        constraints = [
            models.UniqueConstraint(fields=["request", "source"], name="bookings_quote_unique")
        ]

    def __str__(self):
        return f"{self.request_id} · {self.source}"


DEFAULT_MONTHLY_CEILING = Decimal("210.00")
DEFAULT_YEARLY_CEILING = Decimal("2100.00")


@register_setting(icon="cog")
class FeeCeilings(BaseGenericSetting):
    """The volunteer-allowance ceilings (vrijwilligersvergoeding): above them an expert's fees
    may be taxed or touch her benefits. Lives in bookings so bookings never imports cms."""

    monthly_ceiling = models.DecimalField(
        _("monthly ceiling (euro)"),
        max_digits=8,
        decimal_places=2,
        default=DEFAULT_MONTHLY_CEILING,
        validators=[MinValueValidator(0)],
    )
    yearly_ceiling = models.DecimalField(
        _("yearly ceiling (euro)"),
        max_digits=8,
        decimal_places=2,
        default=DEFAULT_YEARLY_CEILING,
        validators=[MinValueValidator(0)],
    )

    panels = [FieldPanel("monthly_ceiling"), FieldPanel("yearly_ceiling")]

    class Meta:
        verbose_name = _("volunteer-allowance ceilings")
