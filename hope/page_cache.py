"""Whole public pages for anonymous visitors, served before sessions and authentication.

A page view marks its response as shareable (``mark_shareable``) when every anonymous visitor would
get the same bytes: Wagtail pages without forms, the experts directory and profiles.
``PublicPageCacheMiddleware`` sits right after WhiteNoise: on the way out it stores marked
responses, on the way in it answers from the cache — no session, no user, no query, no routing.

Never served from or stored into the cache: anything but GET/HEAD, a query string, a request that
carries a session cookie or a message cookie (a signed-in person, a message to show), a response
that sets a cookie (a CSRF-protected form sets one; so does a message), a response that is not
200. Entries are per host and path; the language is part of the path (``/en/...``).

Invalidation is exact and shared: one version number in the cache (Redis in production, so every
app server sees it) is bumped by ``clear_public_page_cache()`` on every publish, unpublish, move
or delete, and on changes to site settings, themes, experts, topics and view restrictions
(``cms.apps``). Each entry remembers the version it was made under; one ``get_many`` answers
both, so a hit is a single cache round trip.

Browsers and proxies get an ``ETag`` and ``Cache-Control: public, no-cache``: they may keep the
page but ask each time, and the answer is a ``304`` from this middleware while nothing changed.

A page that carries a form (the request form) is the same for every guest but for two tokens: the
view marks it ``mark_personalised`` with a copy holding placeholders. Such an entry is answered
here too, with the visitor's own CSRF token (masked from her ``csrftoken`` cookie's secret, the
cookie set when absent, by Django's own ``CsrfViewMiddleware`` methods, so the POST passes the
CSRF check) and a new one-time submission token (``hope.submission``). It is never shared with
browsers or proxies (no ``ETag``, ``Cache-Control: private, no-cache``); a POST never comes here.
"""

import gzip
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_vary_headers

from hope.submission import new_submission_token

VERSION_KEY = "cms:page-cache:version"
ENTRY_PREFIX = "cms:page-cache:entry:"
SHAREABLE_ATTRIBUTE = "hope_page_cache_shareable"
PERSONALISED_ATTRIBUTE = "hope_page_cache_personalised"
# Stand in for the CSRF token and the one-time submission token in the shared copy of a form
# page; never sent as they are: each visitor gets her own of both (``personalise``).
CSRF_PLACEHOLDER = "hope-csrf-token-placeholder"
SUBMISSION_PLACEHOLDER = "hope-submission-token-placeholder"
PERSONAL_CACHE_CONTROL = "private, no-cache"
CACHE_CONTROL = "public, no-cache"
# Headers worth replaying on a hit (the rest are recomputed or belong to one response only).
_SKIPPED_HEADERS = {"set-cookie", "date", "content-length", "content-encoding", "x-page-cache"}
_COMPRESS_MIN_BYTES = 200


def _timeout() -> int:
    return getattr(settings, "HOPE_PAGE_CACHE_SECONDS", 600)


def clear_public_page_cache(**kwargs) -> None:
    """Make every cached page stale at once (a signal receiver, hence ``**kwargs``)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value invalidates old entries
        cache.set(VERSION_KEY, 2, None)


def current_version() -> int:
    """The version every public fragment is valid for (bumped by ``clear_public_page_cache``)."""
    return _version({VERSION_KEY: cache.get(VERSION_KEY)})


def mark_shareable(response):
    """The view says: every anonymous visitor would get exactly this response."""
    setattr(response, SHAREABLE_ATTRIBUTE, True)
    return response


def mark_personalised(response, shared_html: str):
    """The view says: every guest gets ``shared_html`` with her own tokens put in."""
    setattr(response, PERSONALISED_ATTRIBUTE, shared_html)
    return response


def personalise(request, shared_html: str) -> str:
    """The shared copy with this visitor's CSRF token and a new submission token put in."""
    html = shared_html.replace(CSRF_PLACEHOLDER, get_token(request))
    return html.replace(SUBMISSION_PLACEHOLDER, new_submission_token())


def request_may_share(request) -> bool:
    """May this request be answered with (and fill) the shared copy? Cookies only, no session."""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
    )


def visitor_may_share(request) -> bool:
    """Inside a view: an anonymous visitor, no preview, no message waiting to be shown."""
    from django.contrib.messages import get_messages

    user = getattr(request, "user", None)
    return (
        request_may_share(request)
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        and len(get_messages(request)) == 0
    )


def _entry_key(request) -> str | None:
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: let Django answer it as usual
        return None
    digest = hashlib.sha256(f"{host}{request.path}".encode()).hexdigest()
    return ENTRY_PREFIX + digest


def _version(found: dict) -> int:
    version = found.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY) or 1
    return version


def _accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _etag_matches(request, etag: str) -> bool:
    given = request.META.get("HTTP_IF_NONE_MATCH", "")
    if not given:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in given.split(",")}
    return "*" in candidates or etag in candidates


def _response_from(request, entry: dict):
    etag = entry["etag"]
    if _etag_matches(request, etag):
        response = HttpResponseNotModified()
    elif entry.get("gzip") is not None and _accepts_gzip(request):
        response = HttpResponse(entry["gzip"])
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Page-Cache"] = "hit"
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    return response


def _no_view(request):  # CsrfViewMiddleware needs a get_response; it is never called here
    raise AssertionError("not reached")


def _personal_response_from(request, entry: dict):
    """The form page for one guest: Django's CSRF middleware reads (or makes) her cookie's
    secret and sets the cookie exactly as it would after a full render."""
    csrf = CsrfViewMiddleware(_no_view)
    csrf.process_request(request)
    content = personalise(request, entry["template"]).encode()
    if _accepts_gzip(request):
        response = HttpResponse(gzip.compress(content, 1))
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(content)
    for name, value in entry["headers"]:
        response[name] = value
    response["Cache-Control"] = PERSONAL_CACHE_CONTROL
    response["X-Page-Cache"] = "hit"
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    return csrf.process_response(request, response)


def _personalisable(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        getattr(response, PERSONALISED_ATTRIBUTE, None) is not None
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not (user is not None and user.is_authenticated)
        and not response.has_header("Content-Encoding")
    )


def _store_personalised(response, key: str, version: int) -> None:
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in _SKIPPED_HEADERS and name.lower() not in ("etag", "cache-control")
    ]
    template = getattr(response, PERSONALISED_ATTRIBUTE)
    cache.set(key, {"version": version, "template": template, "headers": headers}, _timeout())
    response["Cache-Control"] = PERSONAL_CACHE_CONTROL


def _storable(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        getattr(response, SHAREABLE_ATTRIBUTE, False)
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
        and not response.has_header("Content-Encoding")
    )


def _store(request, response, key: str, version: int) -> None:
    content = response.content
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in _SKIPPED_HEADERS and name.lower() not in ("etag", "cache-control")
    ]
    compressed = gzip.compress(content, 6) if len(content) >= _COMPRESS_MIN_BYTES else None
    cache.set(
        key,
        {
            "version": version,
            "content": content,
            "gzip": compressed,
            "headers": headers,
            "etag": etag,
        },
        _timeout(),
    )
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ("Cookie",))


class PublicPageCacheMiddleware:
    """Place right after WhiteNoise, before SessionMiddleware (hope/settings/base.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_may_share(request):
            return self.get_response(request)
        key = _entry_key(request)
        if key is None:
            return self.get_response(request)
        found = cache.get_many([VERSION_KEY, key])
        version = _version(found)
        entry = found.get(key)
        if entry is not None and entry.get("version") == version:
            if "template" in entry:
                return _personal_response_from(request, entry)
            return _response_from(request, entry)
        response = self.get_response(request)
        if _storable(request, response):
            _store(request, response, key, version)
        elif _personalisable(request, response):
            _store_personalised(response, key, version)
        return response
