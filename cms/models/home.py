"""The home page: the latest news, the next event and the ways to ask."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.base import BasePage
from cms.models.booking_request import booking_request_page_for
from cms.models.events import EventPage
from cms.models.news import NewsArticlePage
from cms.models.offerings import OfferingIndexPage


class HomePage(BasePage):
    hero_heading = models.CharField(
        _("hero heading"),
        max_length=160,
        blank=True,
        help_text=_("The big sentence at the top. Defaults to the page title."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StandardPage",
        "cms.OfferingIndexPage",
        "cms.NewsIndexPage",
        "cms.EventIndexPage",
        "cms.FaqPage",
        "cms.ContactPage",
        "cms.BookingRequestPage",
        "cms.SearchPage",
        "speakers.ExpertIndexPage",
    ]
    max_count_per_parent = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = list(
            NewsArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-date", "-pk")
            .select_related("image")
            .prefetch_related("image__renditions")[:3]
        )
        context["next_event"] = (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(start__gte=timezone.now())
            .order_by("start")
            .first()
        )
        context["offer_page"] = (
            OfferingIndexPage.objects.live().public().child_of(self).order_by("path").first()
        )
        context["request_page"] = booking_request_page_for(self.locale)
        return context
