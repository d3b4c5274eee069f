"""Every way into an account goes through allauth, and staff sessions must pass the second factor.

`wagtail.urls` brings a plain Django login (`_util/login/`, under every language prefix) that skips
allauth's MFA and rate limits; Wagtail's admin has its own login at `admin/login/`. Both must be
shadowed by redirects to allauth, and no URL of the project may serve another login view.
"""

import pytest
from allauth.account.views import LoginView as AllauthLoginView
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import encrypt
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from tests.factories import CoordinatorFactory
from tests.factories.accounts import PASSWORD

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def _login_view_patterns():
    for route, entry in _walk(get_resolver()):
        view_class = getattr(entry.callback, "view_class", None)
        if view_class is None:
            continue
        is_login = issubclass(view_class, DjangoLoginView) or view_class.__name__ == "LoginView"
        if is_login and not issubclass(view_class, AllauthLoginView):
            yield route, entry


@pytest.mark.django_db
def test_no_url_serves_a_login_other_than_allauths():
    doors = list(_login_view_patterns())
    assert doors, "the walk should find Wagtail's own login views (then see them shadowed)"
    for route, _entry in doors:
        assert "<" not in route, f"a login view with parameters cannot be shadowed: {route}"
    for language in ("nl", "en"):
        with translation.override(language):
            for route, _entry in _login_view_patterns():
                path = "/" + route.lstrip("^").rstrip("$").replace("\\Z", "")
                view_class = getattr(resolve(path).func, "view_class", None)
                assert view_class is None or not issubclass(view_class, DjangoLoginView), (
                    f"{path} serves {view_class.__name__}: every login must go through allauth"
                )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "login"),
    [("/_util/login/", "/accounts/inloggen/"), ("/en/_util/login/", "/en/accounts/login/")],
)
def test_wagtail_frontend_login_sends_to_allauth_and_logs_nobody_in(client, path, login):
    CoordinatorFactory(email="coco@example.org")
    response = client.get(f"{path}?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(login)
    assert "next=/admin/" in response["Location"]

    response = client.post(path, {"username": "coco@example.org", "password": PASSWORD})
    assert response.status_code in (302, 405)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_many_wrong_passwords_at_the_old_door_change_nothing(client):
    CoordinatorFactory(email="coco@example.org")
    for _attempt in range(30):
        response = client.post("/_util/login/", {"username": "coco@example.org", "password": "x"})
        assert response.status_code in (302, 405)
    assert "_auth_user_id" not in client.session


def _coordinator_with_totp():
    coordinator = CoordinatorFactory(email="coco@example.org")
    Authenticator.objects.create(
        user=coordinator, type=Authenticator.Type.TOTP, data={"secret": encrypt(TOTP_SECRET)}
    )
    return coordinator


def _current_code() -> str:
    from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(TOTP_SECRET, counters[len(counters) // 2]))


@pytest.mark.django_db
def test_staff_session_without_the_second_factor_is_signed_out_of_the_admin(client):
    coordinator = _coordinator_with_totp()
    client.force_login(coordinator)  # a session that did not pass MFA, as the old door made
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_staff_with_totp_reach_the_admin_only_after_the_code(client):
    coordinator = _coordinator_with_totp()
    response = client.post(
        reverse("account_login"), {"login": "coco@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone signs nobody in

    response = client.post(reverse("mfa_authenticate"), {"code": _current_code()}, follow=True)
    assert response.wsgi_request.user == coordinator
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_staff_without_mfa_are_sent_to_enrol_when_required(client, settings):
    settings.HOPE_REQUIRE_STAFF_MFA = True
    client.force_login(CoordinatorFactory())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")
