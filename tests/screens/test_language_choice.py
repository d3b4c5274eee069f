"""A person's language: applied after login, and the language switch remembers her choice."""

import pytest
from django.urls import reverse

from tests.factories.accounts import PASSWORD
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db


def _login(client, email):
    return client.post(
        reverse("account_login"), {"login": email, "password": PASSWORD}, follow=True
    )


def test_english_expert_logs_in_and_meets_her_portal_in_english(client):
    expert = ExpertFactory(with_user=True)
    expert.user.preferred_language = "en"
    expert.user.save()
    response = _login(client, expert.user.email)
    assert response.redirect_chain[-1][0] == "/en/expert/"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "My engagements" in html


def test_dutch_expert_logs_in_on_the_english_login_page_and_gets_dutch(client):
    expert = ExpertFactory(with_user=True)
    response = client.post(
        "/en/accounts/login/", {"login": expert.user.email, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/expert/"
    assert '<html lang="nl">' in response.content.decode()


def test_language_switch_in_the_portal_remembers_her_choice(client):
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    html = client.get(reverse("speakers:dashboard")).content.decode()
    switch = f"{reverse('switch_language')}?language=en&amp;next=/en/expert/"
    assert switch in html
    response = client.get(switch.replace("&amp;", "&"))
    assert response["Location"] == "/en/expert/"
    expert.user.refresh_from_db()
    assert expert.user.preferred_language == "en"


def test_language_switch_refuses_other_sites_and_unknown_languages(client):
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    url = reverse("switch_language")
    assert client.get(url, {"language": "nl", "next": "https://evil.example/"})["Location"] == "/"
    assert client.get(url, {"language": "xx", "next": "/en/"})["Location"] == "/en/"
    expert.user.refresh_from_db()
    assert expert.user.preferred_language == "nl"


def test_visitors_switch_directly(client):
    html = client.get(reverse("account_login")).content.decode()
    assert 'href="/en/accounts/login/" hreflang="en"' in html
