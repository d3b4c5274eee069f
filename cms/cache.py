"""The public page cache as Wagtail pages use it; the mechanism is ``hope.page_cache``.

A page type opts out with ``cache_for_visitors = False`` (pages with forms or queries). Anything
that changes what a public page shows must call ``clear_public_page_cache()`` after commit; pages,
site settings, themes, experts, topics and view restrictions already do (``cms.apps``).
"""

from hope.page_cache import clear_public_page_cache, mark_shareable, visitor_may_share

__all__ = ["clear_public_page_cache", "is_cacheable", "mark_shareable"]


def is_cacheable(request, page) -> bool:
    return getattr(page, "cache_for_visitors", False) and visitor_may_share(request)
