"""One URL scheme (issue 12): every address a person sees is in her language, old ones answer 301.

Dutch words under no prefix (`/portaal/aanvragen/nieuw/`), English words under /en/
(`/en/portal/requests/new/`). docs/conventions.md, "URL scheme", says how to add a URL.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver, reverse, translate_url
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from bookings.services import expert_answers
from tests.factories.bookings import BookingRequestFactory, OrganisationContactFactory
from tests.factories.followup import EngagementLinkFactory

# Words that are the same in Dutch and English (or names), so they may stand in both languages.
SAME_IN_BOTH = {
    "2fa",  # two-factor authentication: the name people see in the app
    "accounts",
    "code",
    "download",
    "expert",
    "feedback",
    "impact",
    "link",
    "media",
    "team",
    "totp",  # the technique's name
}
# Patterns whose address may never change, in either language.
KEPT = {
    # Calendar apps subscribed to the private feed keep polling this exact address.
    "speakers:feed",
    # Wagtail's own login path (sent to allauth): it must stay where Wagtail links to it.
    "wagtailcore_login_redirect",
}
_GROUP = re.compile(r"<[^>]+>|\(\?P<\w+>[^)]*\)")


def _person_facing_patterns():
    """(name, [pattern, ...]) for every named pattern under the language prefix, except Wagtail's
    page serving (the editors' slugs)."""

    def walk(patterns, chain, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if str(getattr(pattern.urlconf_module, "__name__", "")).startswith("wagtail."):
                    continue
                space = namespace
                if pattern.namespace:
                    space = f"{namespace}{pattern.namespace}:"
                yield from walk(pattern.url_patterns, [*chain, pattern.pattern], space)
            elif pattern.name:
                yield f"{namespace}{pattern.name}", [*chain, pattern.pattern]

    for top in get_resolver().url_patterns:
        if isinstance(top, URLResolver) and isinstance(top.pattern, LocalePrefixPattern):
            yield from walk(top.url_patterns, [], "")


def _words(chain, language: str) -> list[str]:
    """The fixed words of an address in `language` (parameters and tokens left out)."""
    with translation.override(language):
        route = "".join(str(pattern) for pattern in chain)
    route = _GROUP.sub("<>", route.replace("^", "").replace("$", ""))
    return [part for part in route.split("/") if part and "<>" not in part]


def _patterns():
    return [(name, chain) for name, chain in _person_facing_patterns() if name not in KEPT]


def test_the_walk_sees_every_area():
    names = {name for name, _chain in _patterns()}
    for expected in (
        "bookings:request_new",
        "engagements:link",
        "speakers:profile",
        "privacy:delete_account",
        "account_login",
        "account_confirm_email",
        "switch_language",
        "hope:after_login",
    ):
        assert expected in names


def test_no_address_keeps_one_languages_words_in_the_other():
    untranslated = []
    for name, chain in _patterns():
        dutch, english = _words(chain, "nl"), _words(chain, "en")
        untranslated += [
            f"{name}: {word}" for word in set(dutch) & set(english) if word not in SAME_IN_BOTH
        ]
    assert untranslated == []


def test_no_dutch_word_under_en_and_no_english_word_under_the_dutch_prefix():
    dutch_words, english_words = set(), set()
    for _name, chain in _patterns():
        dutch_words.update(_words(chain, "nl"))
        english_words.update(_words(chain, "en"))
    dutch_only = dutch_words - english_words - SAME_IN_BOTH
    english_only = english_words - dutch_words - SAME_IN_BOTH
    wrong = []
    for name, chain in _patterns():
        wrong += [f"/en/ {name}: {w}" for w in _words(chain, "en") if w in dutch_only]
        wrong += [f"nl {name}: {w}" for w in _words(chain, "nl") if w in english_only]
    assert wrong == []


@pytest.mark.parametrize(
    ("name", "args", "dutch", "english"),
    [
        ("bookings:request_new", [], "/portaal/aanvragen/nieuw/", "/en/portal/requests/new/"),
        (
            "bookings:request_confirmation",
            ["HOPE-2026-0001"],
            "/portaal/aanvragen/HOPE-2026-0001/bevestiging/",
            "/en/portal/requests/HOPE-2026-0001/confirmation/",
        ),
        ("bookings:team", [], "/portaal/team/", "/en/portal/team/"),
        (
            "bookings:media_consent",
            ["t0k3n"],
            "/portaal/media/voorwaarden/t0k3n/",
            "/en/portal/media/terms/t0k3n/",
        ),
        (
            "engagements:payments",
            [],
            "/expert/opdrachten/betalingen/",
            "/en/expert/engagements/payments/",
        ),
        (
            "engagements:link",
            ["t0k3n"],
            "/expert/opdrachten/link/t0k3n/",
            "/en/expert/engagements/link/t0k3n/",
        ),
        ("speakers:profile", [], "/expert/profiel/", "/en/expert/profile/"),
        ("privacy:delete_account", [], "/mijn-gegevens/verwijderen/", "/en/my-data/delete/"),
        ("account_login", [], "/accounts/inloggen/", "/en/accounts/login/"),
        ("account_signup", [], "/accounts/account-aanmaken/", "/en/accounts/signup/"),
        ("switch_language", [], "/taal/", "/en/language/"),
        ("hope:after_login", [], "/na-inloggen/", "/en/after-login/"),
    ],
)
def test_addresses_in_each_language(name, args, dutch, english):
    with translation.override("nl"):
        assert reverse(name, args=args) == dutch
    with translation.override("en"):
        assert reverse(name, args=args) == english
    with translation.override("nl"):
        assert translate_url(dutch, "en") == english
    with translation.override("en"):
        assert translate_url(english, "nl") == dutch


# Old addresses (bookmarks, links in emails already sent) -> where they live now.
OLD_ADDRESSES = [
    ("/en/portaal/aanvragen/nieuw/", "/en/portal/requests/new/"),
    ("/en/portaal/", "/en/portal/"),
    ("/en/portaal/media/voorwaarden/t0k3n/", "/en/portal/media/terms/t0k3n/"),
    (
        "/en/portaal/aanvragen/nieuwe-bevestigingslink/",
        "/en/portal/requests/new-confirmation-link/",
    ),
    ("/en/expert/opdrachten/", "/en/expert/engagements/"),
    ("/en/expert/opdrachten/link/t0k3n/", "/en/expert/engagements/link/t0k3n/"),
    ("/en/expert/opdrachten/7/agenda.ics", "/en/expert/engagements/7/calendar.ics"),
    ("/en/mijn-gegevens/", "/en/my-data/"),
    ("/en/na-inloggen/", "/en/after-login/"),
    ("/expert/profile/", "/expert/profiel/"),
    ("/expert/calendar/feed/", "/expert/agenda/koppelen/"),
    ("/accounts/login/", "/accounts/inloggen/"),
    ("/accounts/signup/", "/accounts/account-aanmaken/"),
    ("/accounts/confirm-email/MQ:1abc:xyz/", "/accounts/e-mailadres-bevestigen/MQ:1abc:xyz/"),
    (
        "/accounts/password/reset/key/1a-set-password/",
        "/accounts/wachtwoord/nieuw/1a-set-password/",
    ),
    ("/accounts/2fa/recovery-codes/", "/accounts/2fa/herstelcodes/"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("old", "new"), OLD_ADDRESSES)
def test_old_addresses_answer_301_with_their_query_string(client, old, new):
    response = client.get(old, {"next": "/expert/", "x": "1"})
    assert response.status_code == 301
    assert response["Location"] == f"{new}?next=%2Fexpert%2F&x=1"
    assert client.get(old).headers["Location"] == new


@pytest.mark.django_db
def test_an_old_answer_link_still_opens_the_answer_page(client):
    token = expert_answers.make_token(EngagementLinkFactory(), "yes")
    response = client.get(f"/en/expert/opdrachten/link/{token}/", follow=True)
    assert response.redirect_chain == [(f"/en/expert/engagements/link/{token}/", 301)]
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.django_db
def test_only_reading_is_redirected_and_real_404s_stay(client):
    # A form posted to an old address is not silently turned into a GET.
    assert client.post("/en/portaal/aanvragen/nieuw/").status_code == 404
    # An unknown reference at a current address is a plain 404, not a detour.
    contact = OrganisationContactFactory()
    client.force_login(contact)
    assert client.get("/portaal/aanvragen/HOPE-0000-0000/").status_code == 404
    assert client.get("/en/portal/requests/HOPE-0000-0000/").status_code == 404
    # A path that is nobody's in either language stays 404.
    assert client.get("/en/no-such-thing/").status_code == 404


@pytest.mark.django_db
def test_the_language_switch_leads_to_the_same_request_in_english(client):
    booking = BookingRequestFactory()
    client.force_login(booking.contact)
    url = reverse("bookings:request_detail", args=[booking.reference])
    html = client.get(url).content.decode()
    english = f"/en/portal/requests/{booking.reference}/"
    assert f"?language=en&amp;next={english}" in html
    response = client.get(reverse("switch_language"), {"language": "en", "next": english})
    assert response["Location"] == english
    page = client.get(english).content.decode()
    assert '<html lang="en">' in page
    assert booking.reference in page


# Templates (pages and emails) link with {% url %}: no address of ours is written out.
_HARD_CODED = re.compile(
    r"""["'(](?:/en)?/(?:portaal|portal|expert|accounts|mijn-gegevens|my-data|taal|language|"""
    r"""na-inloggen|after-login)/"""
)


def test_templates_write_no_addresses_of_their_own():
    root = Path(settings.BASE_DIR)
    templates = [
        path
        for path in root.glob("*/templates/**/*")
        if path.is_file() and ".venv" not in path.parts and path.name != "robots.txt"
    ] + [path for path in (root / "templates").glob("**/*") if path.is_file()]
    offenders = [
        str(path.relative_to(root))
        for path in templates
        if path.name != "robots.txt" and _HARD_CODED.search(path.read_text(errors="ignore"))
    ]
    assert offenders == []
