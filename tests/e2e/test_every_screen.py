"""Every screen as a Dutch or English reader meets it, on a desktop (1280) and a phone (390):
public pages, account pages and the portals of an organisation and an expert. On each: no
server error, axe finds nothing serious or critical, and a phone never scrolls sideways."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from bookings.models import BookingRequest

pytestmark = [pytest.mark.e2e]

SHOTS = Path("/tmp/screens-shots/e2e")
WIDTHS = {1280: 900, 390: 844}
PUBLIC = {
    "nl": [
        "/",
        "/wat-wij-bieden/",
        "/nieuws/",
        "/agenda/",
        "/ervaringsdeskundigen/",
        "/ervaringsdeskundigen/fenna-zonneveld/",
        "/zoeken/?q=grooming",
        "/aanvragen/",
        "/veelgestelde-vragen/",
        "/contact/",
    ],
    "en": [
        "/en/",
        "/en/what-we-offer/",
        "/en/news/",
        "/en/events/",
        "/en/experts/",
        "/en/experts/fenna-zonneveld/",
        "/en/search/?q=grooming",
        "/en/request-an-expert/",
        "/en/faq/",
    ],
}
ACCOUNT = [
    "accounts/login/",
    "accounts/signup/",
    "accounts/login/code/",
    "accounts/password/reset/",
]
ORGANISATION = ["portaal/", "portaal/aanvragen/{reference}/", "portaal/aanvragen/nieuw/"]
EXPERT = [
    "expert/",
    "expert/opdrachten/",
    "expert/opdrachten/betalingen/",
    "expert/profile/",
    "expert/profile/preview/",
    "expert/availability/",
    "expert/calendar/",
    "expert/calendar/feed/",
]


def _prefix(language):
    return "/" if language == "nl" else "/en/"


def _look(page, url, *, width, language, serious_axe_violations, problems):
    response = page.goto(url)
    page.wait_for_load_state()
    name = url.split("//", 1)[-1].split("/", 1)[-1].strip("/").replace("/", "_").replace("?", "_")
    page.screenshot(path=str(SHOTS / f"{language}-{width}-{name or 'home'}.png"), full_page=True)
    if response is None or response.status >= 400:
        problems.append((url, width, "status", response and response.status))
        return
    if page.locator("html").get_attribute("lang") != language:
        problems.append((url, width, "lang", page.locator("html").get_attribute("lang")))
    scroll = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if width == 390 and scroll > 0:
        problems.append((url, width, "scrolls sideways by px", scroll))
    violations = serious_axe_violations(page)
    if violations:
        problems.append(
            (url, width, "axe", [(v["id"], v["help"], len(v["nodes"])) for v in violations])
        )


def _log_in(page, base, email):
    page.goto(base + "/accounts/inloggen/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(settings.HOPE_DEMO_DEFAULT_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_every_screen_in_both_languages_at_both_widths(
    browser, live_server, serious_axe_violations
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    call_command("seed_demo")
    reference = (
        BookingRequest.objects.filter(contact__email="org1@example.org")
        .order_by("-created_at")
        .first()
        .reference
    )
    problems = []
    for width, height in WIDTHS.items():
        for language in ("nl", "en"):
            prefix = _prefix(language)
            # Visitor: public pages and account pages.
            context = browser.new_context(
                viewport={"width": width, "height": height}, reduced_motion="reduce"
            )
            page = context.new_page()
            for path in PUBLIC[language] + [prefix + p for p in ACCOUNT]:
                _look(
                    page,
                    live_server.url + path,
                    width=width,
                    language=language,
                    serious_axe_violations=serious_axe_violations,
                    problems=problems,
                )
            context.close()
            # An organisation contact and an expert in their portals.
            for email, paths in (
                ("org1@example.org", ORGANISATION),
                ("expert1@example.org", EXPERT),
            ):
                context = browser.new_context(
                    viewport={"width": width, "height": height}, reduced_motion="reduce"
                )
                page = context.new_page()
                _log_in(page, live_server.url, email)
                for path in paths:
                    _look(
                        page,
                        live_server.url + prefix + path.format(reference=reference),
                        width=width,
                        language=language,
                        serious_axe_violations=serious_axe_violations,
                        problems=problems,
                    )
                context.close()
    assert not problems, "\n".join(repr(problem) for problem in problems)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_phone_header_menu_button_and_call_to_action_above_the_fold(
    browser, live_server, javascript
):
    call_command("seed_demo")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(live_server.url + "/")
    call_to_action = page.locator(".hero__actions a").first
    box = call_to_action.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844
    menu = page.locator("nav.main-nav")
    assert not menu.is_visible()
    page.get_by_text("Menu", exact=True).click()
    assert menu.is_visible()
    menu.get_by_role("link", name="Ervaringsdeskundigen").click()
    page.wait_for_url("**/ervaringsdeskundigen/")
    context.close()


def test_a_long_word_in_a_message_does_not_widen_the_page(browser, live_server):
    from bookings.services.request_messages import message_post
    from tests.factories.bookings import BookingRequestFactory, MembershipFactory

    membership = MembershipFactory()
    user = membership.user
    user.set_password(settings.HOPE_DEMO_DEFAULT_PASSWORD)
    user.save()
    booking_request = BookingRequestFactory(
        organisation=membership.organisation, contact=user, status="in_triage"
    )
    message_post(booking_request=booking_request, author=user, body="Lang" + "woord" * 1200)
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 844})
        page = context.new_page()
        _log_in(page, live_server.url, user.email)
        page.goto(live_server.url + f"/portaal/aanvragen/{booking_request.reference}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()
