"""The page types of the public site and where each may live in the tree."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from bookings.enums import EngagementKind, MeetingMode
from cms.blocks import SIMPLE_RICH_TEXT_FEATURES, BodyBlock, OfferBodyBlock
from cms.models.base import BasePage

NEWS_PER_PAGE = 10
EVENTS_ARCHIVE_PER_PAGE = 10
SEARCH_RESULTS_PER_PAGE = 10


def paginate(request, items, per_page):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def booking_request_page_for(locale):
    """The live booking-request page in this language (or in any language as a fallback)."""
    pages = BookingRequestPage.objects.live().public().order_by("path")
    return pages.filter(locale=locale).first() or pages.first()


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


class StandardPage(BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("content page")


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


class NewsIndexPage(BasePage):
    content_panels = BasePage.content_panels
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsArticlePage"]
    template = "cms/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from cms.models.snippets import Theme

        context = super().get_context(request, *args, **kwargs)
        themes = list(Theme.objects.filter(locale_id=self.locale_id))
        articles = (
            NewsArticlePage.objects.live()
            .public()
            .child_of(self)
            .order_by("-date", "-pk")
            .select_related("image")
            .prefetch_related("themes", "image__renditions")
        )
        slug = request.GET.get("theme", "")
        current_theme = next((theme for theme in themes if theme.slug == slug), None)
        if current_theme is not None:
            articles = articles.filter(themes=current_theme)
        context.update(
            themes=themes,
            current_theme=current_theme,
            articles=paginate(request, articles, NEWS_PER_PAGE),
        )
        return context


class NewsArticlePage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Empty if decorative."),
    )
    themes = ParentalManyToManyField("cms.Theme", verbose_name=_("themes"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("themes"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "cms/news_article_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


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


class FaqPage(BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("questions and answers"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types: list[str] = []
    template = "cms/faq_page.html"

    class Meta:
        verbose_name = _("FAQ page")


class ContactPage(BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "cms/contact_page.html"

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["request_page"] = booking_request_page_for(self.locale)
        return context


class BookingRequestPage(BasePage):
    """Hosts the request form of the bookings app; until it exists, a contact route."""

    body = RichTextField(
        _("introduction text"),
        blank=True,
        features=SIMPLE_RICH_TEXT_FEATURES,
        help_text=_("Shown above the request form: what happens after someone asks."),
    )
    contact_route = RichTextField(
        _("other ways to ask"),
        blank=True,
        features=SIMPLE_RICH_TEXT_FEATURES,
        help_text=_(
            "For people who prefer to call or email. Contact details come from the site settings."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("contact_route")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "cms/booking_request_page.html"
    cache_for_visitors = False  # hosts a form with a CSRF token

    class Meta:
        verbose_name = _("booking request page")

    def serve(self, request, *args, **kwargs):
        intake = booking_intake_view()
        if intake is not None:
            return intake(request, self)
        return super().serve(request, *args, **kwargs)


def booking_intake_view():
    """The request form of the bookings app (imported here, so `lint-imports` sees it)."""
    from bookings.intake import serve_booking_request_page

    return serve_booking_request_page


class SearchPage(BasePage):
    content_panels = BasePage.content_panels
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "cms/search_page.html"
    cache_for_visitors = False

    class Meta:
        verbose_name = _("search page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = " ".join(request.GET.get("q", "").split())[:200]
        results = None
        if query:
            found = (
                Page.objects.live()
                .public()
                .filter(locale_id=self.locale_id)
                .exclude(pk=self.pk)
                .specific()
                .search(query)
            )
            results = paginate(request, found, SEARCH_RESULTS_PER_PAGE)
        context.update(query=query, results=results, **self._expert_results(query))
        return context

    @staticmethod
    def _expert_results(query: str) -> dict:
        """Public experts and topics matching the query, linked to the directory."""
        if not query:
            return {"expert_results": [], "topic_results": []}
        from speakers import selectors

        directory = selectors.directory_page()
        experts = selectors.with_profile_urls(
            selectors.search_public_experts(query=query)[:12], page=directory
        )
        topics = list(selectors.search_public_topics(query=query)[:12])
        base = directory.url if directory is not None else None
        for topic in topics:
            topic.directory_url = f"{base}?topic={topic.slug}" if base else None
        return {"expert_results": experts, "topic_results": topics}
