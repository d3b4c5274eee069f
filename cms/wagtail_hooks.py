from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("News themes")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(ThemeViewSet)
