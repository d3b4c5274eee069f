"""Factories for the public site's pages. Pages are added under `parent` (default: the home
page the migrations create) and published, as an editor would."""

import datetime as dt

import factory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Site

from bookings.enums import EngagementKind, MeetingMode
from cms import models


def home_page() -> models.HomePage:
    return Site.objects.get(is_default_site=True).root_page.specific


def english_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page: Page, **fields) -> Page:
    """Publish an English translation of ``page`` with the given fields changed."""
    copy = page.copy_for_translation(english_locale()).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    copy.save_revision().publish()
    return copy


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent if parent is not None else home_page()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class StandardPageFactory(PageFactory):
    class Meta:
        model = models.StandardPage

    intro = "Een gewone inhoudspagina."
    body = factory.LazyFunction(
        lambda: [("heading", {"text": "Tussenkop", "level": "h2"}), ("text", "<p>Tekst.</p>")]
    )


class OfferingIndexPageFactory(PageFactory):
    class Meta:
        model = models.OfferingIndexPage

    title = "Wat wij bieden"
    show_in_menus = True


class OfferingPageFactory(PageFactory):
    class Meta:
        model = models.OfferingPage

    title = factory.Sequence(lambda n: f"Training {n}")
    intro = "Een training voor professionals."
    engagement_kind = EngagementKind.TRAINING
    audience = "Politieagenten"
    duration = "Een dagdeel"
    meeting_mode = MeetingMode.IN_PERSON


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = models.NewsIndexPage

    title = "Nieuws"
    show_in_menus = True


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Theme

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))
    locale = factory.LazyFunction(Locale.get_default)


class NewsArticlePageFactory(PageFactory):
    class Meta:
        model = models.NewsArticlePage

    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    date = factory.Sequence(lambda n: dt.date(2026, 1, 1) + dt.timedelta(days=n))
    intro = "Wat er gebeurde."


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = models.EventIndexPage

    title = "Agenda"


class EventPageFactory(PageFactory):
    class Meta:
        model = models.EventPage

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    location = "Utrecht"


class FaqPageFactory(PageFactory):
    class Meta:
        model = models.FaqPage

    title = "Veelgestelde vragen"
    body = factory.LazyFunction(
        lambda: [("faq", {"question": "Wat kost het?", "answer": "<p>Een vergoeding.</p>"})]
    )


class ContactPageFactory(PageFactory):
    class Meta:
        model = models.ContactPage

    title = "Contact"
    show_in_menus = True


class BookingRequestPageFactory(PageFactory):
    class Meta:
        model = models.BookingRequestPage

    title = "Aanvragen"
    intro = "Vertel ons wat u zoekt."
    body = "<p>Een coördinator leest elke aanvraag.</p>"


class SearchPageFactory(PageFactory):
    class Meta:
        model = models.SearchPage

    title = "Zoeken"


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"Afbeelding {n}")
    file = factory.LazyFunction(get_test_image_file)
