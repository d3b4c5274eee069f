"""Keep secrets in URLs out of logs.

Some URLs carry a secret: the expert's calendar feed (`/expert/agenda/<pk>/<token>.ics`), the
one-click answer link in emails (`/expert/opdrachten/link/<token>/`) and allauth's email
confirmation and password reset keys. Whoever reads a log line with such a path can subscribe to
an expert's calendar or act in her name, so every log line passes through `redact_path`.

`redact_path` is the one place that knows these patterns. Django's loggers use it through
`RedactTokensFilter` (settings.LOGGING); gunicorn's access log can call it too.
"""

import logging
import re

REDACTED = "[redacted]"

# Each pattern keeps what identifies the page and replaces only the secret segment. Separators
# may be URL-encoded (`?next=%2Fexpert%2Fopdrachten%2Flink%2F...`); the optional language prefix
# (`/en/`) needs no handling because the patterns match anywhere in the text.
_SEP = r"(?:/|%2[fF])"
_SEGMENT = r"(?:(?!%2[fF])[^/?#&\s\"'])+"
_PATH_PATTERNS = [
    # Calendar feed: /expert/agenda/<pk>/<token>.ics
    re.compile(rf"({_SEP}expert{_SEP}agenda{_SEP}\d+{_SEP})({_SEGMENT})"),
    # One-click answer link: /expert/opdrachten/link/<token>/ (/en/expert/engagements/link/...)
    re.compile(rf"({_SEP}expert{_SEP}(?:opdrachten|engagements){_SEP}link{_SEP})({_SEGMENT})"),
    # Media consent link: /portaal/media/voorwaarden/<token>/ (/en/portal/media/terms/...)
    re.compile(
        rf"({_SEP}(?:portaal|portal){_SEP}media{_SEP}(?:voorwaarden|terms){_SEP})({_SEGMENT})"
    ),
    # allauth: email confirmation and password reset keys, in both languages' words
    # (hope/account_urls.py) and at the old English addresses that emails already sent carry.
    re.compile(
        rf"({_SEP}accounts{_SEP}(?:confirm-email|e-mailadres-bevestigen){_SEP})({_SEGMENT})"
    ),
    re.compile(
        rf"({_SEP}accounts{_SEP}(?:password{_SEP}reset{_SEP}key|wachtwoord{_SEP}nieuw){_SEP})"
        rf"({_SEGMENT})"
    ),
]
# Query values that carry a secret, whatever the path (`?token=...`, `?key=...`).
_QUERY_PATTERN = re.compile(r"([?&](?:token|key|code|signature)=)[^&#\s\"]*", re.IGNORECASE)


def _replace_segment(match: re.Match) -> str:
    suffix = ".ics" if match.group(2).lower().endswith(".ics") else ""
    return match.group(1) + REDACTED + suffix


def redact_path(path: str) -> str:
    """Return `path` (or any text containing paths, such as a request line) with secret path
    segments and secret query values replaced by `[redacted]`."""
    if not path:
        return path
    text = str(path)
    for pattern in _PATH_PATTERNS:
        text = pattern.sub(_replace_segment, text)
    return _QUERY_PATTERN.sub(lambda match: match.group(1) + REDACTED, text)


def _redact_arg(value):
    if isinstance(value, str):
        return redact_path(value)
    return value


class RedactTokensFilter(logging.Filter):
    """A logging filter that redacts secret URL parts in the message and its arguments.

    Attached to the loggers that write request paths (`django.request`, `django.server`) and to
    the console handler, so records are cleaned before any handler (or test) sees them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_path(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_arg(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _redact_arg(value) for key, value in record.args.items()}
        return True
