"""sitemap.xml for every language: Wagtail's own sitemap only walks the default site root."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = list(site.root_page.get_translations(inclusive=True))
        condition = Q()
        for root in roots:
            condition |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(condition)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
