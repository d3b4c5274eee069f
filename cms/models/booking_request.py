"""The page that hosts the bookings app's request form, and how other pages find it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from cms.blocks import SIMPLE_RICH_TEXT_FEATURES
from cms.models.base import BasePage


def booking_request_page_for(locale):
    """The live booking-request page in this language (or in any language as a fallback)."""
    pages = BookingRequestPage.objects.live().public().order_by("path")
    return pages.filter(locale=locale).first() or pages.first()


class BookingRequestPage(BasePage):
    """Hosts the request form of the bookings app; until it exists, a contact route."""

    body = RichTextField(
        _("introduction text"),
        blank=True,
        features=SIMPLE_RICH_TEXT_FEATURES,
        help_text=_("Shown above the request form: what happens after someone asks."),
    )
    contact_route = RichTextField(
        _("other ways to ask"),
        blank=True,
        features=SIMPLE_RICH_TEXT_FEATURES,
        help_text=_(
            "For people who prefer to call or email. Contact details come from the site settings."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("contact_route")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "cms/booking_request_page.html"
    cache_for_visitors = False  # hosts a form with a CSRF token

    class Meta:
        verbose_name = _("booking request page")

    def serve(self, request, *args, **kwargs):
        intake = booking_intake_view()
        if intake is not None:
            return intake(request, self)
        return super().serve(request, *args, **kwargs)


def booking_intake_view():
    """The request form of the bookings app (imported here, so `lint-imports` sees it)."""
    from bookings.intake import serve_booking_request_page

    return serve_booking_request_page
