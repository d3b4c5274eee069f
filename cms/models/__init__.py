from cms.models.booking_request import BookingRequestPage
from cms.models.content import ContactPage, FaqPage, StandardPage
from cms.models.events import EventIndexPage, EventPage
from cms.models.home import HomePage
from cms.models.news import NewsArticlePage, NewsIndexPage
from cms.models.offerings import OfferingIndexPage, OfferingPage
from cms.models.search import SearchPage
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
