import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_and_login_pages_open(page, live_server, serious_axe_violations):
    page.goto(live_server.url + "/")
    assert "Platform HOPE" in page.title()
    assert serious_axe_violations(page) == []

    page.goto(live_server.url + "/accounts/inloggen/")
    assert page.locator("input[type=email]").count() == 1
    assert page.locator("input[type=password]").count() == 1
