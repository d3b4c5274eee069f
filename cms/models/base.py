"""The abstract page every public page type extends: SEO and sharing fields, one place."""

from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media. Landscape, 1200×630."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image")], heading=_("Sharing")),
    ]

    # Whole-page cache for anonymous visitors (cms.cache); off for pages with forms or queries.
    cache_for_visitors = True

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        from cms import cache

        response = super().serve(request, *args, **kwargs)
        if cache.is_cacheable(request, self):
            cache.mark_shareable(response)  # hope.page_cache.PublicPageCacheMiddleware keeps it
        return response

    @property
    def meta_description(self) -> str:
        text = self.search_description or self.intro or ""
        return Truncator(" ".join(text.split())).chars(160)
