""" "What we offer" and its catalogue of concrete offerings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from bookings.enums import EngagementKind, MeetingMode
from cms.blocks import BodyBlock, OfferBodyBlock
from cms.models.base import BasePage
from cms.models.booking_request import booking_request_page_for


class OfferingIndexPage(BasePage):
    """ "What we offer": the kinds of engagement, and the catalogue of concrete offerings."""

    body = StreamField(OfferBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.OfferingPage"]
    template = "cms/offering_index_page.html"

    class Meta:
        verbose_name = _("what we offer page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offerings"] = OfferingPage.objects.live().public().child_of(self).order_by("path")
        context["request_page"] = booking_request_page_for(self.locale)
        return context


class OfferingPage(BasePage):
    """One concrete offering in the catalogue, e.g. a training for police officers."""

    engagement_kind = models.CharField(
        _("kind of engagement"), max_length=32, choices=EngagementKind.choices
    )
    audience = models.CharField(
        _("for whom"), max_length=200, help_text=_("For example: police officers, teachers")
    )
    duration = models.CharField(
        _("duration"), max_length=100, help_text=_("For example: half a day, 90 minutes")
    )
    meeting_mode = models.CharField(
        _("format"), max_length=16, choices=MeetingMode.choices, blank=True
    )
    format_details = models.CharField(
        _("format details"),
        max_length=200,
        blank=True,
        help_text=_("For example: up to 25 participants, with a trainer of your own"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("engagement_kind"),
                FieldPanel("audience"),
                FieldPanel("duration"),
                FieldPanel("meeting_mode"),
                FieldPanel("format_details"),
            ],
            heading=_("At a glance"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("audience"),
        index.SearchField("body"),
        index.FilterField("engagement_kind"),
    ]
    parent_page_types = ["cms.OfferingIndexPage"]
    subpage_types: list[str] = []
    template = "cms/offering_page.html"

    class Meta:
        verbose_name = _("offering")
        verbose_name_plural = _("offerings")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["request_page"] = booking_request_page_for(self.locale)
        return context
