"""Footer and site settings, sitemap, robots.txt, 404 and 500."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from hope.roles import COORDINATORS, EDITORS, sync_groups
from hope.views import server_error
from tests.factories import cms as f

pytestmark = pytest.mark.django_db


def test_footer_shows_help_line_contact_and_privacy_in_the_visitors_language(
    client, home, site_settings
):
    privacy = f.StandardPageFactory(title="Privacyverklaring", slug="privacy")
    f.translate(home, slug="home-en")
    f.translate(privacy, slug="privacy-en", title="Privacy statement")
    site_settings.privacy_page = privacy
    site_settings.save()

    dutch = client.get("/").content.decode()
    english = client.get("/en/").content.decode()

    assert "Nu hulp nodig?" in dutch and "Bel 112 bij direct gevaar." in dutch
    assert "Een initiatief van de coalitie." in dutch
    assert "mailto:info@hope.example" in dutch
    assert f'href="{privacy.url}">Privacyverklaring</a>' in dutch
    assert "Call 112 in immediate danger." in english
    assert "An initiative of the coalition." in english
    assert 'href="/en/privacy-en/">Privacy statement</a>' in english


def test_english_texts_fall_back_to_dutch_when_empty(client, home, site_settings):
    f.translate(home, slug="home-en")
    site_settings.crisis_notice_en = ""
    site_settings.save()

    assert "Bel 112 bij direct gevaar." in client.get("/en/").content.decode()


def test_sitemap_lists_live_pages_in_both_languages(client, home):
    about = f.StandardPageFactory(slug="over-hope")
    hidden = f.StandardPageFactory(slug="concept")
    hidden.unpublish()
    f.translate(home, slug="home-en")
    f.translate(about, slug="about-hope")

    response = client.get("/sitemap.xml")

    xml = response.content.decode()
    root = Site.objects.get(is_default_site=True).root_url
    assert response.status_code == 200
    assert f"<loc>{root}/</loc>" in xml
    assert f"<loc>{root}/over-hope/</loc>" in xml
    assert f"<loc>{root}/en/</loc>" in xml
    assert f"<loc>{root}/en/about-hope/</loc>" in xml
    assert "concept" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_portals_out(client, home):
    response = client.get("/robots.txt")

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_unknown_url_gives_the_designed_404(client, home):
    f.NewsIndexPageFactory(title="Nieuws")

    response = client.get("/bestaat-niet/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html
    assert 'aria-label="Hoofdmenu"' in html  # the site's own header and menu
    assert '<meta name="robots" content="noindex">' in html


def test_unknown_english_url_gives_the_404_in_english(client, home):
    f.translate(home, slug="home-en")

    response = client.get("/en/does-not-exist/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_500_page_renders_without_the_database(home):
    request = RequestFactory().get("/")

    response = server_error(request)

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_editors_and_coordinators_may_edit_site_settings_and_themes(home):
    from django.contrib.auth.models import Group

    sync_groups()

    for name in (EDITORS, COORDINATORS):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"change_sitesettings", "add_theme", "change_theme"} <= codenames
