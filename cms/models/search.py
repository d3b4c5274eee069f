"""The site search: pages in the visitor's language, and public experts and topics."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.models.base import BasePage
from cms.models.pagination import paginate

SEARCH_RESULTS_PER_PAGE = 10


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
