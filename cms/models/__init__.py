from cms.models.pages import (
    BookingRequestPage,
    ContactPage,
    EventIndexPage,
    EventPage,
    FaqPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    OfferingIndexPage,
    OfferingPage,
    SearchPage,
    StandardPage,
)
from cms.models.site_settings import SiteSettings
from cms.models.snippets import Theme

__all__ = [
    "BookingRequestPage",
    "ContactPage",
    "EventIndexPage",
    "EventPage",
    "FaqPage",
    "HomePage",
    "NewsArticlePage",
    "NewsIndexPage",
    "OfferingIndexPage",
    "OfferingPage",
    "SearchPage",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
