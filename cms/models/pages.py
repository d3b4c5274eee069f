"""Old home of the page types; they live in home, content, offerings, news, events,
booking_request and search (helpers: pagination). Import from there; this only re-exports.
"""

from cms.models.booking_request import (  # noqa: F401
    BookingRequestPage,
    booking_intake_view,
    booking_request_page_for,
)
from cms.models.content import ContactPage, FaqPage, StandardPage  # noqa: F401
from cms.models.events import EVENTS_ARCHIVE_PER_PAGE, EventIndexPage, EventPage  # noqa: F401
from cms.models.home import HomePage  # noqa: F401
from cms.models.news import NEWS_PER_PAGE, NewsArticlePage, NewsIndexPage  # noqa: F401
from cms.models.offerings import OfferingIndexPage, OfferingPage  # noqa: F401
from cms.models.pagination import paginate  # noqa: F401
from cms.models.search import SEARCH_RESULTS_PER_PAGE, SearchPage  # noqa: F401
