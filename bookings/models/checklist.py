import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bookings.enums import EngagementKind

# Due days are counted in the portal's time zone (Europe/Amsterdam), whatever the server's.
ZONE = ZoneInfo(settings.TIME_ZONE)


def due_day(starts_at: dt.datetime | None, offset_days: int) -> dt.date | None:
    """The day a point is due: `offset_days` from the engagement's start day in Amsterdam."""
    if starts_at is None:
        return None
    return timezone.localtime(starts_at, ZONE).date() + dt.timedelta(days=offset_days)


def today() -> dt.date:
    return timezone.localdate(timezone=ZONE)


class DueWhen(models.TextChoices):
    BEFORE = "before", _("before the engagement")
    AFTER = "after", _("after the engagement")


class _Labelled(models.Model):
    """A Dutch label and an optional English one (like `Topic.name` / `Topic.name_en`)."""

    label = models.CharField(_("label (Dutch)"), max_length=160)
    label_en = models.CharField(_("label (English)"), max_length=160, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        if self.label_en and (get_language() or "").startswith("en"):
            return self.label_en
        return self.label


class ChecklistTemplate(_Labelled):
    """One point every engagement of a kind must have done by a day relative to its start
    (practical information sent, support person confirmed, ...). Coordinators edit these in
    the admin; an engagement copies them when its date is fixed (`ChecklistItem`)."""

    kind = models.CharField(_("kind of engagement"), max_length=32, choices=EngagementKind.choices)
    days = models.PositiveSmallIntegerField(
        _("days"), default=0, help_text=_("How many days before or after the engagement starts.")
    )
    when = models.CharField(
        _("before or after"), max_length=8, choices=DueWhen.choices, default=DueWhen.BEFORE
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("checklist point")
        verbose_name_plural = _("checklist points")
        ordering = ["kind", "order", "pk"]

    @property
    def offset_days(self) -> int:
        return -self.days if self.when == DueWhen.BEFORE else self.days


class ChecklistItem(_Labelled):
    """One point of one engagement's checklist, copied from a template when the engagement was
    confirmed, so later edits of the templates do not change what was promised."""

    engagement = models.ForeignKey(
        "bookings.Engagement",
        on_delete=models.CASCADE,
        related_name="checklist_items",
        verbose_name=_("engagement"),
    )
    template = models.ForeignKey(
        ChecklistTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("checklist point"),
    )
    offset_days = models.SmallIntegerField(_("days from the start"), default=0)
    due_on = models.DateField(_("due on"), null=True, blank=True, db_index=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["due_on", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "template"], name="checklist_item_once_per_template"
            )
        ]

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.due_on is not None and self.due_on < today()
