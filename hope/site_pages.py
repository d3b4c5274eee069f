"""What the public site tells the apps below it.

The apps layer one way (`hope <- speakers <- bookings <- cms`, docs/conventions.md): the experts'
profiles and the request form need a few answers from the website's pages and settings, but may
not import `cms`. So `cms` registers the answers here when it starts (`CmsConfig.ready`), and
the apps below ask here. Without a registered site (no `cms` app) every question answers
"nothing", which the callers already handle: no link, no offering.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SitePages:
    # The live booking-request page's URL in a locale (a Wagtail `Locale` id), or None.
    request_page_url: Callable[[int], str | None]
    # {"privacy_url": ..., "fee_guidance_url": ...} for the site of this request ("" if none).
    links: Callable[[object], dict[str, str]]
    # The live, public offering page with this id, or None.
    offering_page: Callable[[int], object | None]


_registered: SitePages | None = None


def register(site_pages: SitePages) -> None:
    global _registered
    _registered = site_pages


def request_page_url(*, locale_id: int) -> str | None:
    return _registered.request_page_url(locale_id) if _registered else None


def site_links(request) -> dict[str, str]:
    if _registered is None:
        return {"privacy_url": "", "fee_guidance_url": ""}
    return _registered.links(request)


def offering_page(page_id: int):
    return _registered.offering_page(page_id) if _registered else None
