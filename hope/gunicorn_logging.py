"""gunicorn's access log without secrets: token path segments and secret query values redacted.

Feed and answer links carry their secret in the path (``/expert/agenda/<pk>/<token>.ics``,
``/expert/opdrachten/link/<token>/``, allauth's confirmation and password-reset keys), and a few
links carry one in the query (``?token=``, ``?key=``, ``?code=``). An access log is read by more
people, and kept longer, than the database: none of these may reach it.

Used by ``gunicorn.conf.py`` (``logger_class``). Pure functions, no Django import, so the gunicorn
master can load it before the app.
"""

import re
from urllib.parse import parse_qsl, urlencode

from gunicorn.glogging import Logger

REDACTED = "[redacted]"
SECRET_QUERY_NAMES = {"token", "key", "code"}

# (pattern, replacement) on the path; the optional language prefix (``/en``) comes first.
_PATH_PATTERNS = [
    # speakers.urls: the expert's private ICS feed.
    (re.compile(r"^((?:/[a-z]{2})?/expert/agenda/\d+/)[^/]+?(\.ics)$"), rf"\1{REDACTED}\2"),
    # bookings.expert_urls: the one-click answer links in emails.
    (re.compile(r"^((?:/[a-z]{2})?/expert/opdrachten/link/)[^/]+"), rf"\1{REDACTED}"),
    # allauth: email confirmation and password reset keys.
    (re.compile(r"^((?:/[a-z]{2})?/accounts/confirm-email/)[^/]+"), rf"\1{REDACTED}"),
    (re.compile(r"^((?:/[a-z]{2})?/accounts/password/reset/key/)[^/]+"), rf"\1{REDACTED}"),
]


def redact_path(path: str) -> str:
    """The path (with an optional query string) as it may appear in a log."""
    path, sep, query = path.partition("?")
    for pattern, replacement in _PATH_PATTERNS:
        path = pattern.sub(replacement, path)
    if not sep:
        return path
    pairs = parse_qsl(query, keep_blank_values=True)
    if not any(name.lower() in SECRET_QUERY_NAMES for name, _ in pairs):
        return f"{path}?{query}"
    cleaned = [
        (name, REDACTED if name.lower() in SECRET_QUERY_NAMES else value) for name, value in pairs
    ]
    return f"{path}?{urlencode(cleaned, safe='[]')}"


class RedactingLogger(Logger):
    """gunicorn's logger, with the request line, path and query redacted before formatting."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        raw_path = environ.get("RAW_URI") or environ.get("PATH_INFO", "")
        safe = redact_path(raw_path)
        path, _, query = safe.partition("?")
        atoms["U"] = path
        atoms["q"] = query
        atoms["r"] = (
            f"{environ.get('REQUEST_METHOD', '-')} {safe} {environ.get('SERVER_PROTOCOL', '-')}"
        )
        # The referrer may be one of our own token links too.
        referer = atoms.get("f", "-")
        if referer and referer != "-":
            scheme_host, slash, rest = referer.partition("://")
            if slash:
                host, _, tail = rest.partition("/")
                atoms["f"] = f"{scheme_host}://{host}{redact_path('/' + tail)}"
        return atoms

    # gunicorn's own error lines ("Error handling request /path") carry the raw URI too.
    def _redact_args(self, args):
        return tuple(
            redact_path(arg) if isinstance(arg, str) and arg.startswith("/") else arg
            for arg in args
        )

    def error(self, msg, *args, **kwargs):
        super().error(msg, *self._redact_args(args), **kwargs)

    def exception(self, msg, *args, **kwargs):
        super().exception(msg, *self._redact_args(args), **kwargs)

    def warning(self, msg, *args, **kwargs):
        super().warning(msg, *self._redact_args(args), **kwargs)
