"""Navigation, language switch, breadcrumbs and meta tags for every public template."""

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _site_home(context):
    """The home page in the active language (the site root's translation), memoised per request."""
    request = context.get("request")
    cache = getattr(request, "_hope_site_home", None) if request is not None else None
    if cache is not None:
        return cache
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    home = site.root_page.localized if site is not None else None
    if request is not None and home is not None:
        request._hope_site_home = home
    return home


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    home = _site_home(context)
    current = _current_page(context)
    items = []
    if home is not None:
        for child in home.get_children().live().public().in_menu().order_by("path"):
            is_current = current is not None and (
                current.pk == child.pk or current.path.startswith(child.path)
            )
            is_exact = current is not None and current.pk == child.pk
            items.append({"page": child, "is_current": is_current, "is_exact": is_exact})
    return {"items": items, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def site_home_url(context):
    home = _site_home(context)
    request = context.get("request")
    return home.get_url(request) if home is not None else "/"


@register.simple_tag(takes_context=True)
def search_page_url(context):
    from cms.models import SearchPage

    home = _site_home(context)
    if home is None:
        return ""
    page = SearchPage.objects.live().child_of(home).first()
    return page.get_url(context.get("request")) if page else ""


@register.inclusion_tag("navigation/language_switch.html", takes_context=True)
def language_switch(context):
    return {"languages": language_links(context), "user": context.get("user")}


def language_links(context) -> list[dict]:
    """One link per site language: the page's translation, else that language's home page."""
    request = context.get("request")
    current_code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    page = _current_page(context)
    urls: dict[str, str] = {}
    if page is not None and getattr(page, "pk", None):
        # A routable page's sub-route (an expert's profile) and the query (a search, a topic
        # filter) carry over to the translation.
        suffix = context.get("translation_subpath", "")
        query = request.META.get("QUERY_STRING", "") if request is not None else ""
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            url = translation.get_url(request)
            if url:
                url = url + suffix + (f"?{query}" if query else "")
            urls[translation.locale.language_code] = url
        missing = [code for code, _name in settings.LANGUAGES if code not in urls]
        if missing:
            home = _site_home(context)
            if home is not None:
                for translation in (
                    home.get_translations(inclusive=True).live().select_related("locale")
                ):
                    urls.setdefault(translation.locale.language_code, translation.get_url(request))
    links = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": _native_name(code),
                "url": url or "/",
                "is_current": code == current_code,
                "has_page": code in urls or page is None,
            }
        )
    return links


def _native_name(code: str) -> str:
    return {"nl": "Nederlands", "en": "English"}.get(code, code)


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = _current_page(context)
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"crumbs": list(ancestors), "page": page, "request": context.get("request")}


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    request = context.get("request")
    page = _current_page(context)
    if page is None or request is None:
        return {}
    specific = page.specific_deferred if not hasattr(page, "meta_description") else page
    image_url = ""
    social_image = getattr(specific, "social_image", None) or getattr(specific, "image", None)
    if social_image is not None:
        rendition = social_image.get_rendition("fill-1200x630|format-jpeg")
        image_url = request.build_absolute_uri(rendition.url)
    alternates = []
    if page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            alternates.append(
                {"code": translation.locale.language_code, "url": translation.get_full_url(request)}
            )
    return {
        "page": specific,
        "canonical": page.get_full_url(request) if page.pk else request.build_absolute_uri(),
        "description": getattr(specific, "meta_description", page.search_description),
        "image_url": image_url,
        "og_locale": "en_GB" if (get_language() or "nl").startswith("en") else "nl_NL",
        "alternates": alternates if len(alternates) > 1 else [],
    }


@register.simple_tag(takes_context=True)
def page_number_url(context, number):
    """The current URL's query string with only the page number changed (keeps filters)."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query["page"] = number
    return "?" + query.urlencode()
