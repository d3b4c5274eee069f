"""Whole-page cache for anonymous visitors: used, never for signed-in people, always fresh."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import cms as f
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_second_anonymous_visit_is_served_from_the_cache_with_fewer_queries(client, home):
    page = f.StandardPageFactory(title="Over HOPE")

    first, first_count = _queries(client, page.url)
    second, second_count = _queries(client, page.url)

    assert "X-Page-Cache" not in first
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second_count < first_count
    assert second_count <= 8  # only Wagtail's routing to the page remains


def test_publishing_a_change_shows_at_once(client, home):
    page = f.StandardPageFactory(title="Oude titel")
    client.get(page.url)

    page.title = "Nieuwe titel"
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "Nieuwe titel" in html and "Oude titel" not in html


def test_a_new_menu_page_shows_on_cached_pages(client, home):
    page = f.StandardPageFactory(title="Over HOPE")
    client.get(page.url)

    f.ContactPageFactory(title="Contact", show_in_menus=True)

    assert 'aria-label="Hoofdmenu"' in client.get(page.url).content.decode()
    assert ">Contact</a>" in client.get(page.url).content.decode()


def test_site_settings_change_shows_at_once(client, home, site_settings):
    client.get("/")

    site_settings.crisis_notice = "Nieuwe hulplijntekst."
    site_settings.save()

    assert "Nieuwe hulplijntekst." in client.get("/").content.decode()


def test_signed_in_people_never_get_or_fill_the_cache(client, home):
    page = f.StandardPageFactory()
    client.force_login(UserFactory())

    signed_in = client.get(page.url)
    client.logout()
    anonymous = client.get(page.url)

    assert "Uitloggen" in signed_in.content.decode()
    assert "X-Page-Cache" not in signed_in
    assert "Uitloggen" not in anonymous.content.decode()


def test_the_same_path_is_cached_per_language(client, home):
    f.translate(home, slug="home-en", hero_heading="Talk with us")
    client.get("/")
    client.get("/en/")

    assert 'lang="nl"' in client.get("/").content.decode()
    assert "Talk with us" in client.get("/en/").content.decode()


def test_pages_with_queries_forms_or_search_are_not_cached(client, home):
    index = f.NewsIndexPageFactory()
    search = f.SearchPageFactory()
    request_page = f.BookingRequestPageFactory()

    for url in (index.url + "?page=1", search.url, request_page.url):
        client.get(url)
        assert "X-Page-Cache" not in client.get(url), url
