"""Every page type renders for an anonymous visitor, and shows what its visitors need."""

import datetime as dt
from importlib.util import find_spec

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from cms import models
from tests.factories import cms as f

pytestmark = pytest.mark.django_db


def test_home_page_renders_intro_and_the_two_ways_in(client, home):
    offer = f.OfferingIndexPageFactory()
    request_page = f.BookingRequestPageFactory()
    home.intro = "Wij zijn ervaringsdeskundigen."
    home.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Wij zijn ervaringsdeskundigen." in html
    assert f'href="{offer.url}"' in html
    assert f'href="{request_page.url}"' in html
    assert '<html lang="nl">' in html


@pytest.mark.parametrize(
    "make_page",
    [
        lambda: f.StandardPageFactory(),
        lambda: f.OfferingIndexPageFactory(),
        lambda: f.OfferingPageFactory(parent=f.OfferingIndexPageFactory()),
        lambda: f.NewsIndexPageFactory(),
        lambda: f.NewsArticlePageFactory(parent=f.NewsIndexPageFactory()),
        lambda: f.EventIndexPageFactory(),
        lambda: f.EventPageFactory(parent=f.EventIndexPageFactory()),
        lambda: f.FaqPageFactory(),
        lambda: f.ContactPageFactory(),
        lambda: f.BookingRequestPageFactory(),
        lambda: f.SearchPageFactory(),
    ],
    ids=[
        "standard",
        "offering-index",
        "offering",
        "news-index",
        "news-article",
        "event-index",
        "event",
        "faq",
        "contact",
        "booking-request",
        "search",
    ],
)
def test_every_page_type_renders_for_anonymous_visitors(client, home, site_settings, make_page):
    page = make_page()

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_every_cms_page_type_is_previewable(home):
    page_types = [
        models.HomePage,
        models.StandardPage,
        models.OfferingIndexPage,
        models.OfferingPage,
        models.NewsIndexPage,
        models.NewsArticlePage,
        models.EventIndexPage,
        models.EventPage,
        models.FaqPage,
        models.ContactPage,
        models.BookingRequestPage,
        models.SearchPage,
    ]
    for page_type in page_types:
        assert page_type().preview_modes, page_type


def test_parent_and_child_rules(home):
    offer_index = f.OfferingIndexPageFactory()

    assert models.OfferingPage.can_create_at(offer_index)
    assert not models.OfferingPage.can_create_at(home)
    assert not models.NewsArticlePage.can_create_at(home)
    assert not models.EventPage.can_create_at(offer_index)
    assert models.StandardPage.can_create_at(home)
    # One contact page and one booking-request page per home.
    f.ContactPageFactory()
    home.refresh_from_db()
    assert not models.ContactPage.can_create_at(home)
    try:
        expert_index = apps.get_model("speakers", "ExpertIndexPage")
    except LookupError:  # the experts app has not landed its page yet
        return
    assert expert_index in models.HomePage.allowed_subpage_models()


def test_offering_page_shows_the_facts_and_links_to_the_request_form_preselected(client, home):
    request_page = f.BookingRequestPageFactory()
    offering = f.OfferingPageFactory(
        parent=f.OfferingIndexPageFactory(),
        title="Gastles op school",
        audience="Leerlingen en docenten",
        duration="90 minuten",
        format_details="Eén klas per les",
    )

    html = client.get(offering.url).content.decode()

    assert "Leerlingen en docenten" in html
    assert "90 minuten" in html
    assert "Eén klas per les" in html
    assert f'href="{request_page.url}?offering={offering.pk}"' in html
    assert "Vraag dit aan" in html


def test_offering_page_without_a_request_page_has_no_dead_link(client, home):
    offering = f.OfferingPageFactory(parent=f.OfferingIndexPageFactory())

    html = client.get(offering.url).content.decode()

    assert "?offering=" not in html


def test_what_we_offer_lists_the_catalogue_and_kinds_of_engagement(client, home):
    index = f.OfferingIndexPageFactory(
        body=[
            (
                "engagement_kind",
                {
                    "kind": "media_interview",
                    "summary": "Interviews onder voorwaarden.",
                    "what_to_expect": "<p>Vragen vooraf.</p>",
                    "how_to_ask": "<p>Noem uw medium.</p>",
                },
            )
        ]
    )
    f.OfferingPageFactory(parent=index, title="Training voor politie")

    html = client.get(index.url).content.decode()

    assert "Interviews onder voorwaarden." in html
    assert "Wat u kunt verwachten" in html
    assert "Training voor politie" in html


def test_unpublished_pages_are_not_shown(client, home):
    index = f.OfferingIndexPageFactory()
    draft = f.OfferingPageFactory(parent=index, title="Nog niet klaar")
    draft.unpublish()

    assert "Nog niet klaar" not in client.get(index.url).content.decode()
    assert client.get(draft.url).status_code == 404


def test_booking_request_page_fallback_shows_intro_and_contact_route(rf, home, site_settings):
    """Until the bookings app provides the form, the page is an intro plus a contact route."""
    page = f.BookingRequestPageFactory(
        body="<p>Een coördinator leest elke aanvraag.</p>",
        contact_route="<p>Liever bellen?</p>",
    )
    request = rf.get(page.url)
    request.user = AnonymousUser()

    response = Page.serve(page, request)  # the page's own rendering, without the form
    html = response.render().content.decode()

    assert "Een coördinator leest elke aanvraag." in html
    assert "Liever bellen?" in html
    assert "mailto:info@hope.example" in html
    assert "tel:0301234567" in html


def test_booking_request_page_hands_over_to_the_bookings_form_when_it_exists(client, home):
    page = f.BookingRequestPageFactory(title="Aanvragen")

    response = client.get(page.url)

    assert response.status_code == 200
    if find_spec("bookings.intake") is not None:
        assert "<form" in response.content.decode()


def test_news_index_is_paginated_newest_first(client, home):
    index = f.NewsIndexPageFactory()
    for day in range(1, 13):
        f.NewsArticlePageFactory(
            parent=index, title=f"Bericht van dag {day:02d}", date=dt.date(2026, 3, day)
        )

    first = client.get(index.url).content.decode()
    second = client.get(index.url + "?page=2").content.decode()

    assert first.index("Bericht van dag 12") < first.index("Bericht van dag 03")
    assert "Bericht van dag 02" not in first
    assert "Bericht van dag 02" in second and "Bericht van dag 01" in second
    assert "Pagina 1 van 2" in first
    # Nonsense page numbers fall back instead of failing.
    assert client.get(index.url + "?page=abc").status_code == 200
    assert "Bericht van dag 01" in client.get(index.url + "?page=99").content.decode()


def test_news_index_filters_by_theme(client, home):
    index = f.NewsIndexPageFactory()
    grooming = f.ThemeFactory(name="Online uitbuiting", slug="online-uitbuiting")
    other = f.ThemeFactory(name="Aangifte", slug="aangifte")
    about_grooming = f.NewsArticlePageFactory(parent=index, title="Over chatten")
    about_grooming.themes.set([grooming])
    about_grooming.save_revision().publish()
    about_reporting = f.NewsArticlePageFactory(parent=index, title="Over aangifte")
    about_reporting.themes.set([other])
    about_reporting.save_revision().publish()

    filtered = client.get(index.url + "?theme=online-uitbuiting").content.decode()
    unknown = client.get(index.url + "?theme=bestaat-niet").content.decode()

    assert "Over chatten" in filtered and "Over aangifte" not in filtered
    assert "Nieuws over het thema “Online uitbuiting”" in filtered
    assert "Over chatten" in unknown and "Over aangifte" in unknown


def test_news_article_shows_date_and_themes(client, home):
    index = f.NewsIndexPageFactory()
    theme = f.ThemeFactory(name="Victim blaming", slug="victim-blaming")
    article = f.NewsArticlePageFactory(parent=index, date=dt.date(2026, 8, 30))
    article.themes.set([theme])
    article.save_revision().publish()

    html = client.get(article.url).content.decode()

    assert '<time datetime="2026-08-30">' in html
    assert f'href="{index.url}?theme=victim-blaming"' in html


def test_events_index_separates_upcoming_from_the_archive(client, home):
    index = f.EventIndexPageFactory()
    f.EventPageFactory(
        parent=index, title="Netwerkdag 2024", start=timezone.now() - dt.timedelta(days=400)
    )
    f.EventPageFactory(
        parent=index, title="Open middag", start=timezone.now() + dt.timedelta(days=20)
    )

    html = client.get(index.url).content.decode()

    upcoming, archive = html.split("Eerdere bijeenkomsten")
    assert "Open middag" in upcoming and "Netwerkdag 2024" not in upcoming
    assert "Netwerkdag 2024" in archive


def test_past_event_says_so_and_hides_registration(client, home):
    event = f.EventPageFactory(
        parent=f.EventIndexPageFactory(),
        start=timezone.now() - dt.timedelta(days=3),
        registration="<p>Meld u aan per e-mail.</p>",
    )

    html = client.get(event.url).content.decode()

    assert "Deze bijeenkomst heeft plaatsgevonden." in html
    assert "Meld u aan per e-mail." not in html


def test_event_cannot_end_before_it_starts(home):
    start = timezone.now()
    event = models.EventPage(title="X", slug="x", start=start, end=start - dt.timedelta(hours=1))

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert "end" in error.value.message_dict


def test_faq_items_open_without_javascript(client, home):
    page = f.FaqPageFactory()

    html = client.get(page.url).content.decode()

    assert "<details" in html and "<summary>Wat kost het?</summary>" in html


def test_search_finds_pages_in_the_current_language_only(client, home):
    search = f.SearchPageFactory()
    index = f.NewsIndexPageFactory()
    article = f.NewsArticlePageFactory(parent=index, title="Sextortion herkennen")
    f.translate(home, slug="home-en")
    f.translate(index, slug="news", title="News")
    f.translate(article, slug="sextortion-en", title="Recognising sextortion")

    found = client.get(search.url + "?q=sextortion").content.decode()
    empty = client.get(search.url + "?q=").content.decode()
    nothing = client.get(search.url + "?q=xyzzy").content.decode()

    assert "Sextortion herkennen" in found
    assert "Recognising sextortion" not in found
    assert "1 resultaat voor “sextortion”" in found
    assert "resultaat" not in empty
    assert "Er is niets gevonden voor “xyzzy”" in nothing
