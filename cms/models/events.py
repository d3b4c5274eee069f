"""Events: the index (upcoming, and the paginated archive) and the events."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import SIMPLE_RICH_TEXT_FEATURES, BodyBlock
from cms.models.base import BasePage
from cms.models.pagination import paginate

EVENTS_ARCHIVE_PER_PAGE = 10


class EventIndexPage(BasePage):
    content_panels = BasePage.content_panels
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]
    template = "cms/event_index_page.html"

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self)
        now = timezone.now()
        context["upcoming_events"] = events.filter(start__gte=now).order_by("start")
        context["past_events"] = paginate(
            request, events.filter(start__lt=now).order_by("-start"), EVENTS_ARCHIVE_PER_PAGE
        )
        return context


class EventPage(BasePage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("programme and details"), blank=True)
    registration = RichTextField(
        _("how to register"), blank=True, features=SIMPLE_RICH_TEXT_FEATURES
    )
    registration_url = models.URLField(_("registration link"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("location"), FieldPanel("address")],
            heading=_("When and where"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("registration"), FieldPanel("registration_url")],
            heading=_("Registration"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("location"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []
    template = "cms/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def is_past(self) -> bool:
        return (self.end or self.start) < timezone.now()

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
