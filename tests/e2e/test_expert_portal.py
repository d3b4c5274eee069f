"""An expert logs in with a password, edits preferences, adds a weekly unavailability and sees
it in the month view. Every page passes axe without serious or critical violations."""

import datetime

import pytest

from speakers.selectors import AMSTERDAM, today_local
from tests.factories.accounts import PASSWORD
from tests.factories.speakers import ExpertFactory, TopicFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_expert_edits_profile_and_availability(page, live_server, serious_axe_violations):
    TopicFactory(name="Online werving en sextortion", slug="online-werving")
    expert = ExpertFactory(with_user=True, public_name="Wilg")
    email = expert.user.email

    page.goto(live_server.url + "/accounts/inloggen/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/expert/")
    assert page.locator("h1").inner_text() == "Welkom, Wilg"
    assert serious_axe_violations(page) == []

    # My profile: a topic, a media preference and capacity.
    page.get_by_role("link", name="Mijn profiel").first.click()
    page.get_by_label("Online werving en sextortion").first.check()
    page.get_by_label("mijn stem moet vervormd worden").check()
    page.get_by_label("opdrachten per maand").fill("3")
    assert serious_axe_violations(page) == []
    page.get_by_role("button", name="Mijn profiel opslaan").click()
    assert page.get_by_text("Je profiel is opgeslagen.").is_visible()
    expert.refresh_from_db()
    assert expert.monthly_capacity == 3
    assert expert.media_voice_altered
    assert [topic.slug for topic in expert.topics.all()] == ["online-werving"]

    # Availability: every Wednesday 13:00–17:00, from next week on.
    first = today_local() + datetime.timedelta(days=7)
    first += datetime.timedelta(days=(2 - first.weekday()) % 7)
    page.get_by_role("link", name="Beschikbaarheid").first.click()
    page.get_by_label("Begindatum").fill(first.isoformat())
    page.get_by_label("Begintijd").fill("13:00")
    page.get_by_label("Eindtijd").fill("17:00")
    page.get_by_label("Elke week").check()
    page.get_by_label("Notitie voor jezelf").fill("Stage")
    assert serious_axe_violations(page) == []
    page.get_by_role("button", name="Periode toevoegen").click()
    assert page.get_by_text("De periode staat in je agenda.").is_visible()
    event = expert.unavailabilities.get().event
    assert event.start == datetime.datetime.combine(first, datetime.time(13), tzinfo=AMSTERDAM)

    # The month view shows it on every Wednesday of that month from the first one on.
    page.goto(f"{live_server.url}/expert/calendar/?month={first:%Y-%m}")
    cells = page.locator("td:has-text('13:00–17:00')")
    last_day = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    last_day -= datetime.timedelta(days=1)
    expected = len(range(first.day, last_day.day + 1, 7))
    assert cells.count() == expected
    assert page.locator("td:has-text('Stage')").count() == expected
    assert serious_axe_violations(page) == []


def test_month_fits_a_phone_as_a_list_of_days(browser, live_server, serious_axe_violations):
    """At 390 px the month is a list of the days that have something; nothing is cut off, the
    page never scrolls sideways, and the month links are reachable with the keyboard."""
    expert = ExpertFactory(with_user=True, public_name="Wilg")
    first = today_local().replace(day=1) + datetime.timedelta(days=40)
    first = first.replace(day=10)
    from speakers.services.availability import unavailability_add

    unavailability_add(
        expert=expert,
        start=datetime.datetime.combine(first, datetime.time(13), tzinfo=AMSTERDAM),
        end=datetime.datetime.combine(first, datetime.time(17), tzinfo=AMSTERDAM),
        label="Tandarts",
    )
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/inloggen/")
    page.fill("input[name=login]", expert.user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/expert/")
    page.goto(f"{live_server.url}/expert/calendar/?month={first:%Y-%m}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not page.locator("table.month").is_visible()
    day = page.locator(".month-list__day")
    assert day.count() == 1
    assert "13:00–17:00" in day.inner_text() and "Tandarts" in day.inner_text()
    assert serious_axe_violations(page) == []
    # The keyboard reaches the next month; an empty month says so.
    page.get_by_role("link", name="Volgende maand").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Deze maand staat er niets in je agenda.").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
