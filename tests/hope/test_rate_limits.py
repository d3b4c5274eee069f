"""Login rate limits with real POSTs to allauth's login, rate limits switched on.

- A forged X-Forwarded-For never chooses the address that is counted: with 0 trusted proxies the
  socket address counts; with N, only the N right-most hops, and only from one of our proxies.
- Nobody can lock someone else out: five wrong passwords for a coordinator's address from one
  place do not stop her from signing in from another.
"""

import pytest
from django.urls import reverse

from tests.factories import CoordinatorFactory
from tests.factories.accounts import PASSWORD


@pytest.fixture
def rate_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    settings.HOPE_TRUSTED_PROXY_IPS = ["127.0.0.1", "::1"]
    return settings


def _login(client, email, password, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def _refused(response) -> bool:
    """The login form answered with allauth's "too many failed login attempts" error."""
    if response.status_code == 429:
        return True
    if response.status_code != 200 or response.context is None:
        return False
    errors = response.context["form"].errors.as_data().get("__all__", [])
    return any(error.code == "too_many_login_attempts" for error in errors)


@pytest.mark.django_db
def test_wrong_passwords_from_one_address_are_refused_after_five(client, rate_limits):
    CoordinatorFactory(email="coco@example.org")
    for _attempt in range(5):
        assert not _refused(_login(client, "coco@example.org", "wrong-password-1"))
    assert _refused(_login(client, "coco@example.org", "wrong-password-1"))


@pytest.mark.django_db
def test_five_wrong_passwords_from_elsewhere_do_not_lock_the_coordinator_out(
    client, django_user_model, rate_limits
):
    coordinator = CoordinatorFactory(email="coco@example.org")
    for _attempt in range(8):
        _login(client, "coco@example.org", "wrong-password-1", REMOTE_ADDR="198.51.100.66")
    assert _refused(
        _login(client, "coco@example.org", "wrong-password-1", REMOTE_ADDR="198.51.100.66")
    )

    response = _login(client, "coco@example.org", PASSWORD, REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator.pk)


@pytest.mark.django_db
def test_forged_forwarded_for_is_ignored_without_trusted_proxies(client, rate_limits):
    CoordinatorFactory(email="coco@example.org")
    # Ten different accounts (no per-account limit), each with a different forged address.
    for number in range(10):
        response = _login(
            client,
            f"nobody{number}@example.org",
            "wrong-password-1",
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
        assert not _refused(response)
    response = _login(
        client,
        "nobody99@example.org",
        "wrong-password-1",
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.200",
    )
    assert _refused(response)


@pytest.mark.django_db
def test_forged_forwarded_for_from_a_direct_client_is_ignored_with_a_proxy_count(
    client, rate_limits
):
    """TRUSTED_PROXY_COUNT=1, but the attacker talks to the application directly."""
    rate_limits.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(10):
        _login(
            client,
            f"nobody{number}@example.org",
            "wrong-password-1",
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    response = _login(
        client,
        "nobody99@example.org",
        "wrong-password-1",
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.201",
    )
    assert _refused(response)


@pytest.mark.django_db
def test_behind_our_proxy_only_the_right_most_hop_counts(client, rate_limits):
    """Through our proxy (loopback), the client prepends a different forged hop each time; the
    proxy appends the real address, which is the one counted."""
    rate_limits.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(10):
        _login(
            client,
            f"nobody{number}@example.org",
            "wrong-password-1",
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}, 192.0.2.44",
        )
    response = _login(
        client,
        "nobody99@example.org",
        "wrong-password-1",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.202, 192.0.2.44",
    )
    assert _refused(response)
    # Another real client behind the same proxy is not affected.
    response = _login(
        client,
        "nobody99@example.org",
        "wrong-password-1",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.45",
    )
    assert not _refused(response)


@pytest.mark.django_db
def test_a_shorter_chain_than_the_proxy_count_is_counted_by_socket_address(client, rate_limits):
    """TRUSTED_PROXY_COUNT=2 but only one hop: no server error, the socket address counts."""
    rate_limits.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    for number in range(10):
        response = _login(
            client,
            f"nobody{number}@example.org",
            "wrong-password-1",
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
        assert response.status_code == 200
    response = _login(
        client,
        "nobody99@example.org",
        "wrong-password-1",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.203",
    )
    assert _refused(response)


@pytest.mark.django_db
def test_the_public_request_form_limit_ignores_a_forged_forwarded_for(
    client, rate_limits, run_on_commit
):
    """The request form's own limit counts the same address (hope.clientip)."""
    from bookings.models import BookingRequest
    from tests.bookings.test_intake import URL, guest_data

    rate_limits.HOPE_REQUEST_FORM_RATE_LIMIT = (2, 3600)
    rate_limits.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        response = client.post(
            URL,
            guest_data(email=f"person{number}@example.org"),
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    assert response.status_code == 429
    assert BookingRequest.objects.count() == 2
