"""The walk of test_every_screen.py for the two roles it leaves out: a journalist who asks as a
guest (the media request form, the landing after she confirms her address, the media details
of her request and the conditions page her email links to) and a coordinator in the admin
(dashboard, requests, the workspace of a media request, matching, email texts, reports).

Both languages at both widths; axe finds nothing serious or critical on any page. A phone never
scrolls sideways on our own pages. Wagtail's admin lays out its own listings and tabs at 390 px,
so on admin pages only axe and the language are checked, not the sideways scroll."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from bookings.enums import EngagementStatus
from bookings.services.media import consent_token, media_agreement_prepare
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import EngagementFactory, MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.e2e]

SHOTS = Path("/tmp/screens2")
WIDTHS = {1280: 900, 390: 844}


def _log_in(page, base, email):
    page.goto(base + "/accounts/inloggen/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def _look(page, url, *, width, language, admin, serious_axe_violations, problems):
    response = page.goto(url)
    page.wait_for_load_state()
    name = url.split("//", 1)[-1].split("/", 1)[-1].strip("/").replace("/", "_")[:80]
    page.screenshot(path=str(SHOTS / f"{language}-{width}-{name}.png"), full_page=True)
    if response is None or response.status >= 400:
        problems.append((url, width, "status", response and response.status))
        return
    if page.locator("html").get_attribute("lang") != language:
        problems.append((url, width, "lang", page.locator("html").get_attribute("lang")))
    scroll = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if width == 390 and scroll > 0 and not admin:
        problems.append((url, width, "scrolls sideways by px", scroll))
    violations = serious_axe_violations(page)
    if violations:
        problems.append(
            (url, width, "axe", [(v["id"], v["help"], len(v["nodes"])) for v in violations])
        )


def _scene():
    """A media request in matching with one expert asked and her conditions sent."""
    organisation = OrganisationFactory(name="Dagblad Voorbeeld", kind="media")
    journalist = MembershipFactory(organisation=organisation, user__email="jet@example.org").user
    booking_request = MatchingRequestFactory(
        media=True, media_gates_met=True, organisation=organisation, contact=journalist
    )
    expert = FittingExpertFactory(public_name="Lijster", with_user=True)
    engagement = EngagementFactory(
        request=booking_request, expert=expert, status=EngagementStatus.ASKED
    )
    agreement = media_agreement_prepare(engagement=engagement)
    return journalist, booking_request, consent_token(agreement, journalist)


def test_guest_journalist_and_coordinator_in_both_languages_at_both_widths(
    browser, live_server, serious_axe_violations
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    journalist, booking_request, token = _scene()
    coordinator = CoordinatorFactory(email="coco@example.org")
    base = live_server.url
    problems = []
    for language in ("nl", "en"):
        with translation.override(language):
            guest_pages = [
                reverse("bookings:request_new"),
                reverse("bookings:address_confirmed"),
                reverse("bookings:media_consent", args=[token]),
            ]
            journalist_pages = [reverse("bookings:request_media", args=[booking_request.reference])]
        # The admin speaks the coordinator's preferred language.
        coordinator.preferred_language = language
        coordinator.save(update_fields=["preferred_language"])
        profile = UserProfile.get_for_user(coordinator)
        profile.preferred_language = language
        profile.save()
        admin_pages = [
            "/admin/",
            "/admin/booking_requests/",
            f"/admin/booking_requests/inspect/{booking_request.pk}/",
            f"/admin/booking_requests/inspect/{booking_request.pk}/matching/",
            "/admin/email_texts/",
            "/admin/hope-reports/",
        ]
        for width, height in WIDTHS.items():
            for email, paths, admin in (
                (None, guest_pages, False),
                (journalist.email, journalist_pages, False),
                (coordinator.email, admin_pages, True),
            ):
                context = browser.new_context(
                    viewport={"width": width, "height": height}, reduced_motion="reduce"
                )
                page = context.new_page()
                if email:
                    _log_in(page, base, email)
                for path in paths:
                    _look(
                        page,
                        base + path,
                        width=width,
                        language=language,
                        admin=admin,
                        serious_axe_violations=serious_axe_violations,
                        problems=problems,
                    )
                context.close()
    assert settings.LANGUAGE_CODE == "nl"
    assert not problems, "\n".join(repr(problem) for problem in problems)
