"""Sign out everywhere: each person sees where they are signed in and ends the other sessions."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import CoordinatorFactory
from tests.factories.accounts import PASSWORD
from tests.factories.bookings import OrganisationContactFactory
from tests.factories.speakers import ExpertFactory


def _signed_in_client(email, user_agent):
    client = Client(HTTP_USER_AGENT=user_agent)
    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.mark.django_db
def test_one_browser_signs_out_the_other():
    OrganisationContactFactory(email="org@example.org")
    laptop = _signed_in_client("org@example.org", "Firefox on the office laptop")
    phone = _signed_in_client("org@example.org", "Safari on a lost phone")
    assert phone.get(reverse("bookings:portal")).status_code == 200

    page = laptop.get(reverse("usersessions_list"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Waar je bent ingelogd" in html
    assert "Safari on a lost phone" in html and "Firefox on the office laptop" in html
    assert "Overal anders uitloggen" in html

    response = laptop.post(reverse("usersessions_list"), follow=True)
    assert response.status_code == 200

    gone = phone.get(reverse("bookings:portal"))
    assert gone.status_code == 302
    assert gone["Location"].startswith(reverse("account_login"))
    assert laptop.get(reverse("bookings:portal")).status_code == 200
    html = laptop.get(reverse("usersessions_list")).content.decode()
    assert "Safari on a lost phone" not in html
    assert "Je bent alleen hier ingelogd." in html


@pytest.mark.django_db
def test_signing_out_keeps_no_record_of_that_session():
    from allauth.usersessions.models import UserSession

    OrganisationContactFactory(email="org@example.org")
    client = _signed_in_client("org@example.org", "Firefox")
    assert UserSession.objects.count() == 1
    client.post(reverse("account_logout"))
    assert UserSession.objects.count() == 0


@pytest.mark.django_db
def test_each_portal_links_to_the_session_list(client):
    url = reverse("usersessions_list")
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    assert url in client.get(reverse("speakers:dashboard")).content.decode()

    client.force_login(OrganisationContactFactory())
    assert url in client.get(reverse("bookings:portal")).content.decode()

    client.force_login(CoordinatorFactory())
    assert url in client.get(reverse("wagtailadmin_account")).content.decode()


@pytest.mark.django_db
def test_the_session_list_needs_a_login(client):
    response = client.get(reverse("usersessions_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
