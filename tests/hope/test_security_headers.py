"""Content-Security-Policy, Permissions-Policy and Cache-Control: no-store."""

import pytest
from django.urls import reverse

from tests.factories import CoordinatorFactory
from tests.factories.bookings import OrganisationContactFactory
from tests.factories.speakers import ExpertFactory


def _directives(header: str) -> dict[str, str]:
    parts = [part.strip() for part in header.split(";") if part.strip()]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in parts}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/inloggen/", "/en/accounts/login/"])
def test_public_pages_get_the_strict_policy(client, path):
    response = client.get(path)
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'self'"
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_portal_pages_get_the_strict_policy(client):
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    response = client.get(reverse("speakers:dashboard"))
    assert response.status_code == 200
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_gets_what_wagtail_needs_and_no_more(client):
    client.force_login(CoordinatorFactory())
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_permissions_policy_denies_powerful_features(client):
    header = client.get("/").headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header


def _assert_no_store(response):
    assert "no-store" in response["Cache-Control"], response.get("Cache-Control")


@pytest.mark.django_db
def test_signed_in_expert_pages_are_never_stored(client):
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    for name in ("speakers:dashboard", "speakers:profile", "speakers:feed_settings"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        _assert_no_store(response)
    response = client.get(reverse("engagements:list"))
    assert response.status_code == 200
    _assert_no_store(response)
    # The feed page shows the secret address: English prefix too.
    response = client.get("/en" + reverse("speakers:feed_settings"))
    _assert_no_store(response)


@pytest.mark.django_db
def test_signed_in_organisation_account_and_admin_pages_are_never_stored(client):
    client.force_login(OrganisationContactFactory())
    for path in (
        reverse("bookings:portal"),
        reverse("usersessions_list"),
        "/accounts/e-mailadressen/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        _assert_no_store(response)

    client.force_login(CoordinatorFactory())
    for path in ("/admin/", "/admin/pages/", reverse("wagtailadmin_account")):
        response = client.get(path)
        assert response.status_code == 200, path
        _assert_no_store(response)


@pytest.mark.django_db
def test_public_pages_stay_cacheable(client):
    response = client.get("/")
    assert "no-store" not in response.get("Cache-Control", "")
