"""Staff sessions last one working day at most and end after an hour without a request;
everyone else keeps "remember me" (14 days)."""

import time

import pytest
from django.urls import reverse

from hope.session_limits import LAST_SEEN_AT, SIGNED_IN_AT
from tests.factories import CoordinatorFactory
from tests.factories.accounts import PASSWORD
from tests.factories.bookings import OrganisationContactFactory

HOUR = 60 * 60


def _sign_in(client, email, *, remember=True):
    data = {"login": email, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    response = client.post(reverse("account_login"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def _shift(client, **ages):
    """Move the session's clocks back: `signed_in=10*HOUR` means signed in ten hours ago."""
    session = client.session
    now = int(time.time())
    if "signed_in" in ages:
        session[SIGNED_IN_AT] = now - ages["signed_in"]
    if "last_seen" in ages:
        session[LAST_SEEN_AT] = now - ages["last_seen"]
    session.save()


@pytest.mark.django_db
def test_remember_me_keeps_a_staff_cookie_no_longer_than_the_idle_limit(client):
    CoordinatorFactory(email="coco@example.org")
    _sign_in(client, "coco@example.org", remember=True)
    assert client.get("/admin/").status_code == 200
    assert client.session.get_expiry_age() <= HOUR


@pytest.mark.django_db
def test_remember_me_still_keeps_an_organisation_contact_for_two_weeks(client):
    OrganisationContactFactory(email="org@example.org")
    _sign_in(client, "org@example.org", remember=True)
    _shift(client, signed_in=10 * HOUR, last_seen=3 * HOUR)
    response = client.get(reverse("bookings:portal"))
    assert response.status_code == 200
    assert client.session.get_expiry_age() > 13 * 24 * HOUR


@pytest.mark.django_db
def test_staff_session_ends_after_a_working_day(client):
    CoordinatorFactory(email="coco@example.org")
    _sign_in(client, "coco@example.org")
    _shift(client, signed_in=9 * HOUR + 60, last_seen=60)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert "Je bent voor je veiligheid afgemeld." in page.content.decode()


@pytest.mark.django_db
def test_staff_session_ends_after_an_hour_without_a_request(client):
    CoordinatorFactory(email="coco@example.org")
    _sign_in(client, "coco@example.org")
    _shift(client, signed_in=2 * HOUR, last_seen=HOUR + 60)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_staff_member_at_work_stays_signed_in(client):
    CoordinatorFactory(email="coco@example.org")
    _sign_in(client, "coco@example.org")
    _shift(client, signed_in=8 * HOUR, last_seen=50 * 60)
    assert client.get("/admin/").status_code == 200
    # The request counted as activity: the idle clock starts again.
    assert int(time.time()) - client.session[LAST_SEEN_AT] < 5
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_staff_limits_apply_outside_the_admin_too(client):
    CoordinatorFactory(email="coco@example.org")
    _sign_in(client, "coco@example.org")
    _shift(client, signed_in=10 * HOUR)
    client.get(reverse("hope:after_login"))
    assert "_auth_user_id" not in client.session
