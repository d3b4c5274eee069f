"""The website's answers to the apps below it (registered in `hope.site_pages` by CmsConfig)."""

from __future__ import annotations

from cms.models import BookingRequestPage, OfferingPage, SiteSettings
from hope import site_pages


def request_page_url(locale_id: int) -> str | None:
    request_page = BookingRequestPage.objects.live().filter(locale_id=locale_id).first()
    return request_page.url if request_page else None


def links(request) -> dict[str, str]:
    """Links to the privacy statement and the fee guidance, from the site settings."""
    found = {"privacy_url": "", "fee_guidance_url": ""}
    try:
        settings = SiteSettings.for_request(request)
    except Exception:  # noqa: BLE001 - no site configured: the form works without the links
        return found
    for key, attribute in (
        ("privacy_url", "privacy_page"),
        ("fee_guidance_url", "fee_guidance_page"),
    ):
        target = getattr(settings, attribute, None)
        if target is not None and target.live:
            found[key] = target.localized.url or target.url or ""
    return found


def offering_page(page_id: int):
    return OfferingPage.objects.live().public().filter(pk=page_id).first()


def register() -> None:
    site_pages.register(
        site_pages.SitePages(
            request_page_url=request_page_url, links=links, offering_page=offering_page
        )
    )
