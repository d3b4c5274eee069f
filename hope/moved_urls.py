"""Old addresses keep working: a path in the other language's words answers 301 to this language's.

Every URL a person sees is translated (docs/conventions.md, "URL scheme"): `/portaal/aanvragen/`
in Dutch, `/en/portal/requests/` in English. Before, some were Dutch under /en/
(`/en/portaal/...`) and some English under the Dutch prefix (`/accounts/login/`,
`/expert/profile/`), and such links went out in emails that must keep working for years (answer
links, confirmation keys). Each of those old addresses is the other language's path under this
language's prefix, so one rule redirects them all, for URLs added later too:

when a GET or HEAD answers 404 and the path, read in another language, names one of our views,
answer 301 to that view's address in the request's language, with the same query string.

It runs only on a 404, so pages that exist pay nothing.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation

# Names whose match means "no view of ours": Wagtail's page serving matches every path.
_NOT_OURS = {"wagtail_serve"}


def _prefix(language: str) -> str:
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def moved_address(path: str, language: str) -> str | None:
    """The address in `language` of the view that `path` (under `language`'s prefix) names in
    another language's words, or None."""
    own = _prefix(language)
    if own and not path.startswith(own + "/"):
        return None
    rest = path[len(own) :]
    for other, _name in settings.LANGUAGES:
        if other == language:
            continue
        with translation.override(other):
            try:
                match = resolve(_prefix(other) + rest)
            except Resolver404:
                continue
        if not match.url_name or match.view_name in _NOT_OURS:
            continue
        with translation.override(language):
            try:
                target = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                continue
        if target != path:
            return target
    return None


class MovedAddressMiddleware:
    """Answers 301 for old addresses (see the module docstring). Last in MIDDLEWARE, so it sees
    the 404 before Wagtail's redirects do and its answer passes through every other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name not in _NOT_OURS:
            return response  # one of our views said 404 (an unknown reference): a real 404
        language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
        target = moved_address(request.path_info, language)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
