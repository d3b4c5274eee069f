"""News: the index (filtered by theme, paginated) and the articles."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.base import BasePage
from cms.models.pagination import paginate

NEWS_PER_PAGE = 10


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
