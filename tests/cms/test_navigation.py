"""Menu from the page tree, breadcrumbs, skip link, language switch and meta tags."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from tests.factories import cms as f

pytestmark = pytest.mark.django_db


def test_menu_lists_live_pages_marked_for_menus_and_marks_the_current_one(client, home):
    about = f.StandardPageFactory(title="Over HOPE", show_in_menus=True)
    f.StandardPageFactory(title="Verborgen pagina", show_in_menus=False)
    news = f.NewsIndexPageFactory(title="Nieuws")

    html = client.get(about.url).content.decode()
    menu = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]

    assert "Over HOPE" in menu and "Nieuws" in menu
    assert "Verborgen pagina" not in menu
    assert f'href="{about.url}" aria-current="page"' in menu
    assert f'href="{news.url}" aria-current' not in menu


def test_menu_marks_the_section_of_a_child_page(client, home):
    news = f.NewsIndexPageFactory(title="Nieuws")
    article = f.NewsArticlePageFactory(parent=news)

    html = client.get(article.url).content.decode()

    assert f'href="{news.url}" class="is-current"' in html


def test_breadcrumbs_lead_home(client, home):
    news = f.NewsIndexPageFactory(title="Nieuws")
    article = f.NewsArticlePageFactory(parent=news, title="Een bericht")

    html = client.get(article.url).content.decode()
    crumbs = html.split('aria-label="Kruimelpad"')[1].split("</nav>")[0]

    assert 'href="/"' in crumbs and f'href="{news.url}"' in crumbs
    assert '<span aria-current="page">Een bericht</span>' in crumbs


def test_skip_link_targets_main(client, home):
    html = client.get("/").content.decode()

    assert '<a class="skip-link" href="#main">Direct naar de inhoud</a>' in html
    assert '<main id="main"' in html


def test_language_switch_links_to_the_translation_of_the_page(client, home):
    about = f.StandardPageFactory(title="Over HOPE", slug="over-hope")
    f.translate(home, slug="home-en", title="Platform HOPE")
    f.translate(about, slug="about-hope", title="About HOPE")

    dutch = client.get("/over-hope/").content.decode()
    english = client.get("/en/about-hope/").content.decode()

    assert 'href="/en/about-hope/" hreflang="en" lang="en">English</a>' in dutch
    assert 'href="/over-hope/" hreflang="nl" lang="nl">Nederlands</a>' in english
    assert '<html lang="en">' in english
    assert "Skip to main content" in english


def test_language_switch_falls_back_to_the_home_page_of_the_other_language(client, home):
    f.translate(home, slug="home-en")
    only_dutch = f.StandardPageFactory(title="Alleen Nederlands")

    html = client.get(only_dutch.url).content.decode()

    assert 'href="/en/" hreflang="en"' in html


def test_english_home_is_served_under_en(client, home):
    f.translate(home, slug="home-en", hero_heading="Talk with us, not about us")

    response = client.get("/en/")

    assert response.status_code == 200
    assert "Talk with us, not about us" in response.content.decode()


def test_language_switch_on_non_cms_pages_keeps_the_path(client, home):
    html = client.get(reverse("account_login")).content.decode()

    assert 'href="/en/accounts/login/" hreflang="en"' in html


def test_meta_tags_canonical_description_open_graph_and_alternates(client, home):
    page = f.StandardPageFactory(
        title="Over HOPE", slug="over-hope", intro="Wie wij zijn en wat wij doen."
    )
    f.translate(home, slug="home-en")
    f.translate(page, slug="about-hope")

    html = client.get(page.url).content.decode()
    root = Site.objects.get(is_default_site=True).root_url

    assert f'<link rel="canonical" href="{root}/over-hope/">' in html
    assert '<meta name="description" content="Wie wij zijn en wat wij doen.">' in html
    assert '<meta property="og:title" content="Over HOPE">' in html
    assert '<meta property="og:locale" content="nl_NL">' in html
    assert f'<link rel="alternate" hreflang="en" href="{root}/en/about-hope/">' in html


def test_sharing_image_becomes_the_open_graph_image(client, home):
    page = f.StandardPageFactory(social_image=f.ImageFactory())

    html = client.get(page.url).content.decode()

    assert '<meta property="og:image" content="http://testserver/media/images/' in html


def test_account_area_for_visitors_and_signed_in_people(client, home):
    from tests.factories.accounts import UserFactory

    assert "Inloggen" in client.get("/").content.decode()

    client.force_login(UserFactory())
    html = client.get("/").content.decode()

    assert "Mijn portaal" in html and "Uitloggen" in html
