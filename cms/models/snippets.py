from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


class Theme(TranslatableMixin, models.Model):
    """A theme news articles are filed under (e.g. online grooming, victim blaming)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="cms_theme_unique_slug_per_locale"
            ),
        ]

    def __str__(self) -> str:
        return self.name
