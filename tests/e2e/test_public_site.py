"""A visitor walks the public site in Dutch and in English; axe checks every page."""

from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENS = Path("/tmp/screens")


def _check(page, serious_axe_violations, *, lang):
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() == 1
    violations = serious_axe_violations(page)
    assert violations == [], [(v["id"], v["help"], len(v["nodes"])) for v in violations]


def _walk(page, serious_axe_violations, *, lang, offer, news, contact):
    _check(page, serious_axe_violations, lang=lang)
    menu = page.locator("nav.main-nav")

    menu.get_by_role("link", name=offer, exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == offer
    assert page.locator(".offer-catalogue .card").count() >= 4
    _check(page, serious_axe_violations, lang=lang)

    menu.get_by_role("link", name=news, exact=True).click()
    page.wait_for_load_state()
    first_article = page.locator(".card__title a").first
    title = first_article.inner_text()
    first_article.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    _check(page, serious_axe_violations, lang=lang)

    menu.get_by_role("link", name=contact, exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="info@platformhope.example").first.is_visible()
    _check(page, serious_axe_violations, lang=lang)


def test_visitor_walks_the_site_in_dutch_and_english(page, live_server, serious_axe_violations):
    call_command("seed_demo")

    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Praat mét ons, niet óver ons"
    _walk(
        page,
        serious_axe_violations,
        lang="nl",
        offer="Wat wij bieden",
        news="Nieuws",
        contact="Contact",
    )

    page.locator(".language-switch").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url.startswith(live_server.url + "/en/")
    page.goto(live_server.url + "/en/")
    assert page.locator("h1").inner_text() == "Talk with us, not about us"
    _walk(
        page,
        serious_axe_violations,
        lang="en",
        offer="What we offer",
        news="News",
        contact="Contact",
    )


def test_offering_request_link_and_the_404(page, live_server, serious_axe_violations):
    call_command("seed_demo")

    page.goto(live_server.url + "/wat-wij-bieden/")
    page.locator(".offer-catalogue .card__title a").first.click()
    page.wait_for_load_state()
    link = page.get_by_role("link", name="Vraag dit aan")
    assert "?offering=" in link.get_attribute("href")
    _check(page, serious_axe_violations, lang="nl")

    response = page.goto(live_server.url + "/deze-pagina-bestaat-niet/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert serious_axe_violations(page) == []


def test_home_screenshots_desktop_and_mobile(browser, live_server, serious_axe_violations):
    call_command("seed_demo")
    SCREENS.mkdir(parents=True, exist_ok=True)

    for width, name in ((1280, "home-desktop-1280.png"), (390, "home-mobile-390.png")):
        context = browser.new_context(
            locale="nl-NL", viewport={"width": width, "height": 900}, reduced_motion="reduce"
        )
        page = context.new_page()
        page.goto(live_server.url + "/")
        # No horizontal scrolling on a phone.
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width
        assert serious_axe_violations(page) == []
        page.screenshot(path=str(SCREENS / name), full_page=True)
        context.close()
