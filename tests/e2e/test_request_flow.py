"""Issue 5, done means: a guest asks for a media interview, confirms, logs in, follows it."""

import re

import pytest
from django.core import mail

from bookings.enums import RequestStatus
from bookings.models import BookingRequest, Message
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.bookings import MembershipFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GUEST = "journalist@example.org"


def _local(url, live_server):
    return url.strip().replace("http://testserver", live_server.url)


def _last_mail_to(address):
    return [m for m in mail.outbox if address in m.to][-1]


def test_guest_media_request_to_portal_and_privacy(page, live_server, serious_axe_violations):
    coordinator = CoordinatorFactory()
    mail.outbox.clear()

    # 1. A guest fills in the form; the media fields are there and explained.
    page.goto(live_server.url + "/portaal/aanvragen/nieuw/")
    assert serious_axe_violations(page) == []
    page.get_by_label("Media-interview").check()
    assert page.locator("#media-fields").is_visible()
    page.get_by_label("Korte titel").fill("Interview over online werving")
    page.get_by_label("Wat is uw vraag?").fill("Een achtergrondstuk over hoe werving online gaat.")
    page.get_by_label("Wie is het publiek?").fill("Lezers van de krant")
    page.get_by_label("Online", exact=True).check()
    page.get_by_label("Medium of titel").fill("Dagblad Voorbeeld")
    page.get_by_label("Soort medium").select_option("print")
    page.get_by_label("Uw vragen vooraf").fill("1. Hoe begon het?\n2. Wat hielp?")
    page.locator("#id_media_identity_conditions_accepted").check()
    page.locator("#id_media_quote_review_agreed").check()
    page.locator("#id_organisation_name").fill("Dagblad Voorbeeld")
    page.get_by_label("Soort organisatie").select_option("media")
    page.get_by_label("Voornaam").fill("Jet")
    page.get_by_label("Achternaam").fill("Journalist")
    page.get_by_label("E-mailadres").fill(GUEST)
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_url("**/aanvragen/verstuurd/")
    assert "Kijk in uw e-mail" in page.content()

    booking_request = BookingRequest.objects.get()
    assert booking_request.status == RequestStatus.AWAITING_CONFIRMATION
    assert all(coordinator.email not in m.to for m in mail.outbox)  # not before confirmation

    # 2. The confirmation email carries allauth's link; confirming sends it to the coordinators.
    body = _last_mail_to(GUEST).body
    confirm_url = next(
        line for line in body.splitlines() if "/accounts/e-mailadres-bevestigen/" in line
    )
    page.goto(_local(confirm_url, live_server))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.IN_TRIAGE
    assert any(coordinator.email in m.to for m in mail.outbox)

    # 3. The landing page offers an emailed login code first; the code leads to her request.
    page.wait_for_url("**/portaal/adres-bevestigd/")
    assert booking_request.reference in page.content()
    assert serious_axe_violations(page) == []
    page.get_by_role("button", name="Stuur mij een inlogcode").click()
    page.wait_for_url("**/inloggen/code/bevestigen/**")
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", _last_mail_to(GUEST).body, re.M)[1]
    page.locator("input[name=code]").fill(code)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**/portaal/aanvragen/{booking_request.reference}/")
    page.goto(live_server.url + "/portaal/")
    assert booking_request.reference in page.content()
    assert serious_axe_violations(page) == []

    # 4. The request page shows the timeline; the guest sends a message.
    page.get_by_role("link", name=booking_request.reference).click()
    page.wait_for_url(f"**/aanvragen/{booking_request.reference}/")
    timeline = page.locator("ol.timeline")
    assert "U hebt de aanvraag verstuurd" in timeline.inner_text()
    assert "Ontvangen" in timeline.inner_text()
    assert serious_axe_violations(page) == []
    page.get_by_label("Uw bericht").fill("Het stuk verschijnt over drie weken.")
    page.get_by_role("button", name="Bericht versturen").click()
    page.wait_for_url(f"**/aanvragen/{booking_request.reference}/")
    assert "Het stuk verschijnt over drie weken." in page.locator("ol.thread").inner_text()
    assert Message.objects.get().author.email == GUEST
    request_url = page.url

    # 5. A contact of another organisation cannot open it.
    outsider = MembershipFactory().user
    context = page.context.browser.new_context(locale="nl-NL", reduced_motion="reduce")
    other = context.new_page()
    other.goto(live_server.url + "/accounts/inloggen/")
    other.locator("input[name=login]").fill(outsider.email)
    other.locator("input[name=password]").fill(PASSWORD)
    other.locator("main form button[type=submit]").first.click()
    other.wait_for_load_state()
    response = other.goto(request_url)
    assert response.status == 404
    assert "Interview over online werving" not in other.content()
    context.close()


def test_form_errors_keep_values_without_javascript(browser, live_server):
    context = browser.new_context(
        locale="nl-NL", java_script_enabled=False, reduced_motion="reduce"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/portaal/aanvragen/nieuw/")
    assert page.locator("#media-fields").is_visible()  # no JavaScript: always shown
    page.get_by_label("Media-interview").check()
    page.get_by_label("Korte titel").fill("Mijn titel blijft staan")
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_load_state()
    assert page.get_by_label("Korte titel").input_value() == "Mijn titel blijft staan"
    assert "Controleer uw antwoorden" in page.content()
    assert "Noem bij een media-interview het medium of de titel." in page.content()
    assert not BookingRequest.objects.exists()
    context.close()
