"""allauth's pages and emails as a Dutch or English reader meets them."""

import re

import pytest
from django.urls import reverse

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

ACCOUNT_PAGES = [
    "account_login",
    "account_signup",
    "account_request_login_code",
    "account_reset_password",
    "account_email_verification_sent",
]
INFORMAL = re.compile(r"\b(je|jouw|jij|jezelf)\b", re.I)


def _main(html):
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_sit_in_the_site_container_and_say_u(client, name):
    html = client.get(reverse(name)).content.decode()
    main = _main(html)
    assert '<div class="container container--narrow account">' in main
    assert "<h1" in main.split('class="container container--narrow account"', 1)[1]
    assert not INFORMAL.search(re.sub(r"<[^>]+>", " ", main)), main
    assert "Aanmelden" not in main


def test_confirm_email_page_sits_in_the_container(client):
    html = client.get(reverse("account_confirm_email", args=["not-a-key"])).content.decode()
    assert '<div class="container container--narrow account">' in _main(html)


def test_one_word_per_action_in_dutch(client):
    main = _main(client.get(reverse("account_login")).content.decode())
    assert "Inloggen" in main
    assert "Maak dan eerst een account aan" in main
    assert "Stuur mij een inlogcode" in main
    signup = _main(client.get(reverse("account_signup")).content.decode())
    assert "Account aanmaken" in signup


def test_login_code_email_greets_without_an_empty_site_name(client, run_on_commit, mailoutbox):
    UserFactory(email="gea@example.org")
    with run_on_commit():
        client.post(reverse("account_request_login_code"), {"email": "gea@example.org"})
    (message,) = mailoutbox
    assert "van !" not in message.body and "from !" not in message.body
    assert message.body.startswith("Goedendag,")
    assert "uw inlogcode" in message.body
    assert not INFORMAL.search(message.body)


def test_english_account_pages_and_email(client, run_on_commit, mailoutbox):
    UserFactory(email="sam@example.org", preferred_language="en")
    main = _main(client.get("/en/accounts/login/").content.decode())
    assert "Sign In" in main
    with run_on_commit():
        client.post("/en/accounts/login/code/", {"email": "sam@example.org"})
    (message,) = mailoutbox
    assert message.body.startswith("Good day,")
    assert "Platform HOPE" in message.body
