"""Site-wide settings editors manage in the admin (Settings → Site settings)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_hours = models.CharField(
        _("when we answer the phone"),
        max_length=120,
        blank=True,
        help_text=_("In Dutch, for example: maandag tot en met donderdag, 10.00–16.00 uur"),
    )
    contact_hours_en = models.CharField(
        _("when we answer the phone (English)"), max_length=120, blank=True
    )

    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    footer_text = models.TextField(_("footer text"), blank=True)
    footer_text_en = models.TextField(_("footer text (English)"), blank=True)

    crisis_notice = models.TextField(
        _("help line notice"),
        blank=True,
        help_text=_(
            "Shown in the footer of every page: where someone who needs help right now can go."
        ),
    )
    crisis_notice_en = models.TextField(_("help line notice (English)"), blank=True)

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fee_guidance_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("fee guidance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the request form links to about fees and travel costs."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_hours"),
                FieldPanel("contact_hours_en"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("crisis_notice"),
                FieldPanel("crisis_notice_en"),
                FieldPanel("footer_text"),
                FieldPanel("footer_text_en"),
            ],
            heading=_("Footer"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("fee_guidance_page")],
            heading=_("Pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def _in_language(self, field: str) -> str:
        dutch = getattr(self, field)
        if (get_language() or "nl").startswith("en"):
            return getattr(self, f"{field}_en") or dutch
        return dutch

    @property
    def localized_footer_text(self) -> str:
        return self._in_language("footer_text")

    @property
    def localized_crisis_notice(self) -> str:
        return self._in_language("crisis_notice")

    @property
    def localized_contact_hours(self) -> str:
        return self._in_language("contact_hours")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
