"""allauth's pages at addresses in the reader's language (mounted under /accounts/ by hope/urls.py).

allauth declares English routes (`login/`, `password/reset/`). `account_patterns()` takes its URL
patterns as they are (same views, same names, so `reverse("account_login")` keeps working) and
gives each route a translation: `/accounts/inloggen/` in Dutch, `/en/accounts/login/` in English.
A route missing from `_ROUTES` keeps allauth's English (tests/hope/test_url_scheme.py notices).
Old addresses (`/accounts/login/`, keys in emails already sent) answer 301 through
hope.moved_urls.
"""

from django.urls import URLPattern, URLResolver, path, re_path
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# allauth's route (the msgid, so English needs no catalogue) -> the route in the reader's language.
_ROUTES = {
    "login/": _("login/"),
    "logout/": _("logout/"),
    "inactive/": _("inactive/"),
    "signup/": _("signup/"),
    "reauthenticate/": _("reauthenticate/"),
    "reauthenticate/code/": _("reauthenticate/code/"),
    "reauthenticate/code/confirm/": _("reauthenticate/code/confirm/"),
    "email/": _("email/"),
    "confirm-email/": _("confirm-email/"),
    "password/change/": _("password/change/"),
    "password/set/": _("password/set/"),
    "password/reset/": _("password/reset/"),
    "password/reset/done/": _("password/reset/done/"),
    "password/reset/key/done/": _("password/reset/key/done/"),
    "login/code/": _("login/code/"),
    "login/code/confirm/": _("login/code/confirm/"),
    "2fa/": _("2fa/"),
    "2fa/authenticate/": _("2fa/authenticate/"),
    "2fa/reauthenticate/": _("2fa/reauthenticate/"),
    "2fa/totp/activate/": _("2fa/totp/activate/"),
    "2fa/totp/deactivate/": _("2fa/totp/deactivate/"),
    "2fa/recovery-codes/": _("2fa/recovery-codes/"),
    "2fa/recovery-codes/generate/": _("2fa/recovery-codes/generate/"),
    "2fa/recovery-codes/download/": _("2fa/recovery-codes/download/"),
    "2fa/webauthn/": _("2fa/webauthn/"),
    "2fa/webauthn/add/": _("2fa/webauthn/add/"),
    "2fa/webauthn/reauthenticate/": _("2fa/webauthn/reauthenticate/"),
    "2fa/webauthn/keys/<int:pk>/remove/": _("2fa/webauthn/keys/<int:pk>/remove/"),
    "2fa/webauthn/keys/<int:pk>/edit/": _("2fa/webauthn/keys/<int:pk>/edit/"),
    "sessions/": _("sessions/"),
}
# The two routes with a key in them are regular expressions in allauth: translate the words only.
_KEY_ROUTES = {
    r"^confirm-email/(?P<key>[-:\w]+)/$": format_lazy(
        r"^{}(?P<key>[-:\w]+)/$", _("confirm-email/")
    ),
    r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": format_lazy(
        r"^{}(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$", _("password/reset/key/")
    ),
}


def _flatten(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _flatten(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix, pattern


def _translated(prefix: str, pattern: URLPattern) -> URLPattern:
    if isinstance(pattern.pattern, RoutePattern):
        route = prefix + str(pattern.pattern)
        return path(_ROUTES.get(route, route), pattern.callback, pattern.default_args, pattern.name)
    assert isinstance(pattern.pattern, RegexPattern) and not prefix, pattern
    regex = str(pattern.pattern)
    return re_path(
        _KEY_ROUTES.get(regex, regex), pattern.callback, pattern.default_args, pattern.name
    )


def account_patterns() -> list[URLPattern]:
    """allauth's URL patterns (for the installed allauth apps), each in the reader's language."""
    from allauth import urls as allauth_urls

    return [_translated(prefix, pattern) for prefix, pattern in _flatten(allauth_urls.urlpatterns)]
