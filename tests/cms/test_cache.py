"""Whole public pages for anonymous visitors, served before sessions: no query, no session on a
hit; never for signed-in people, messages or forms; always fresh after a change."""

import gzip

import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from speakers.models import ExpertIndexPage, IdentityMode
from tests.factories import cms as f
from tests.factories.accounts import UserFactory
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db


def _warm(client, url):
    """First visit renders (and may create site settings); the second fills the cache."""
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_a_hit_makes_no_query_and_never_touches_the_session(
    client, home, site_settings, django_assert_num_queries
):
    page = f.StandardPageFactory(title="Over HOPE")
    rendered = _warm(client, page.url)

    with django_assert_num_queries(0):
        hit = client.get(page.url)

    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == rendered.content
    assert not hasattr(hit.wsgi_request, "session")
    assert not hasattr(hit.wsgi_request, "user")
    assert not hit.cookies
    # The headers of the rendered page come with it (framing, language).
    assert hit["X-Frame-Options"] == rendered["X-Frame-Options"]
    assert hit["Content-Language"] == "nl"


def test_etag_and_cache_control_let_browsers_revalidate(client, home, site_settings):
    page = f.StandardPageFactory(title="Over HOPE")
    rendered = _warm(client, page.url)
    assert rendered["Cache-Control"] == "public, no-cache"
    assert "Cookie" in rendered["Vary"]

    not_modified = client.get(page.url, HTTP_IF_NONE_MATCH=rendered["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""

    page.title = "Nieuwe titel"
    page.save_revision().publish()
    changed = client.get(page.url, HTTP_IF_NONE_MATCH=rendered["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != rendered["ETag"]


def test_a_hit_is_compressed_for_browsers_that_accept_gzip(client, home, site_settings):
    page = f.StandardPageFactory(title="Over HOPE")
    rendered = _warm(client, page.url)

    hit = client.get(page.url, HTTP_ACCEPT_ENCODING="gzip, br")

    assert hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == rendered.content
    assert "Accept-Encoding" in hit["Vary"]


def test_publishing_a_change_shows_at_once(client, home, site_settings):
    page = f.StandardPageFactory(title="Oude titel")
    _warm(client, page.url)

    page.title = "Nieuwe titel"
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "Nieuwe titel" in html and "Oude titel" not in html


def test_a_new_menu_page_shows_on_cached_pages(client, home, site_settings):
    page = f.StandardPageFactory(title="Over HOPE")
    _warm(client, page.url)

    f.ContactPageFactory(title="Contact", show_in_menus=True)

    assert ">Contact</a>" in client.get(page.url).content.decode()


def test_site_settings_change_shows_at_once(client, home, site_settings):
    _warm(client, "/")

    site_settings.crisis_notice = "Nieuwe hulplijntekst."
    site_settings.save()

    assert "Nieuwe hulplijntekst." in client.get("/").content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, home, site_settings):
    page = f.StandardPageFactory(title="Binnenkort")
    _warm(client, page.url)

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-1234"
    )

    response = client.get(page.url)
    assert "X-Page-Cache" not in response
    assert "geheim" not in response.content.decode()


def test_signed_in_people_never_get_or_fill_the_cache(client, home, site_settings):
    page = f.StandardPageFactory()
    _warm(client, page.url)  # an anonymous copy exists
    client.force_login(UserFactory())

    signed_in = client.get(page.url)
    client.get(page.url)
    client.logout()
    anonymous = client.get(page.url)

    assert "Uitloggen" in signed_in.content.decode()
    assert "X-Page-Cache" not in signed_in
    assert "Uitloggen" not in anonymous.content.decode()


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page_with_the_message(
    client, home, site_settings
):
    page = f.StandardPageFactory()
    _warm(client, page.url)

    # What a view does after a successful action: a message for the next page.
    request = client.get(page.url).wsgi_request
    request.user = AnonymousUser()
    from django.contrib.messages.storage.cookie import CookieStorage

    storage = CookieStorage(request)
    storage.add(messages.SUCCESS, "Dank u, uw bericht is verstuurd.")
    response = client.get(page.url)  # any response object to carry the cookie
    storage.update(response)
    client.cookies.update(response.cookies)

    shown = client.get(page.url)
    assert "X-Page-Cache" not in shown
    assert "Dank u, uw bericht is verstuurd." in shown.content.decode()


def test_the_same_path_is_cached_per_language(client, home, site_settings):
    f.translate(home, slug="home-en", hero_heading="Talk with us")
    _warm(client, "/")
    _warm(client, "/en/")

    assert 'lang="nl"' in client.get("/").content.decode()
    english = client.get("/en/")
    assert english["X-Page-Cache"] == "hit"
    assert "Talk with us" in english.content.decode()


def test_pages_with_queries_or_search_are_not_cached(client, home, site_settings):
    index = f.NewsIndexPageFactory()
    search = f.SearchPageFactory()
    request_page = f.BookingRequestPageFactory()

    for url in (index.url + "?page=1", search.url, request_page.url + "?expert=roos"):
        client.get(url)
        assert "X-Page-Cache" not in client.get(url), url
    # The request form is cached only as a copy with each visitor's own tokens put in
    # (tests/bookings/test_request_form_cache.py): never public, never with an ETag.
    client.get(request_page.url)
    form = client.get(request_page.url)
    assert form["Cache-Control"] == "private, no-cache"
    assert "ETag" not in form


@pytest.fixture
def directory(home):
    page = ExpertIndexPage(title="Ervaringsdeskundigen", slug="experts")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_experts_directory_and_profile_are_cached_and_follow_identity_changes(
    client, directory, site_settings, django_assert_num_queries
):
    expert = ExpertFactory(public_name="Roos Schuilnaam", slug="roos")
    profile_url = f"{directory.url}roos/"
    _warm(client, directory.url)
    _warm(client, profile_url)

    with django_assert_num_queries(0):
        assert client.get(directory.url)["X-Page-Cache"] == "hit"
        assert client.get(profile_url)["X-Page-Cache"] == "hit"

    expert.identity_mode = IdentityMode.NOT_PUBLIC
    expert.save()

    assert "Roos Schuilnaam" not in client.get(directory.url).content.decode()
    assert client.get(profile_url).status_code == 404


def test_a_filtered_directory_is_not_cached(client, directory, site_settings):
    ExpertFactory(public_name="Roos Schuilnaam", slug="roos")
    url = f"{directory.url}?topic=loverboys"
    client.get(url)
    assert "X-Page-Cache" not in client.get(url)
