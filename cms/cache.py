"""Whole-page cache for anonymous visitors, per page, language and path.

Any publish, unpublish, move or delete, a change to the site settings or themes, and any change
to an expert (their identity choice must take effect at once on the featured-experts block)
bumps one version number, which makes every cached page stale at once. Pages with forms,
query strings, pending messages, previews and signed-in people are never cached.
"""

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "cms:page-cache:version"
TIMEOUT = getattr(settings, "HOPE_PAGE_CACHE_SECONDS", 600)


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY) or 1
    return version


def clear_public_page_cache(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value invalidates old keys
        cache.set(VERSION_KEY, 2, None)


def is_cacheable(request, page) -> bool:
    user = getattr(request, "user", None)
    return (
        getattr(page, "cache_for_visitors", False)
        and request.method in ("GET", "HEAD")
        and not request.GET
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        and len(get_messages(request)) == 0
    )


def _key(request, page) -> str:
    return f"cms:page-cache:{_version()}:{page.pk}:{get_language()}:{request.path}"


def cached_response(request, page):
    hit = cache.get(_key(request, page))
    if hit is None:
        return None
    response = HttpResponse(hit["content"], content_type=hit["content_type"])
    response["X-Page-Cache"] = "hit"
    return response


def store_response(request, page, response) -> None:
    if response.status_code != 200 or response.cookies or response.has_header("Set-Cookie"):
        return
    if hasattr(response, "render"):
        response.render()
    cache.set(
        _key(request, page),
        {"content": response.content, "content_type": response["Content-Type"]},
        TIMEOUT,
    )
