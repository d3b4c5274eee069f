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

# Each pattern keeps what identifies the page and replaces only the secret part. The optional
# language prefix (`/en/`) needs no handling: the patterns look for the segments anywhere.
_PATH_PATTERNS = [
    # Calendar feed: /expert/agenda/<pk>/<token>.ics
    re.compile(r"(/expert/agenda/\d+/)[^/?#\s\"]+?(\.ics)"),
    # One-click answer link: /expert/opdrachten/link/<token>/
    re.compile(r"(/expert/opdrachten/link/)[^/?#\s\"]+"),
    # allauth: email confirmation and password reset keys.
    re.compile(r"(/accounts/confirm-email/)[^/?#\s\"]+"),
    re.compile(r"(/accounts/password/reset/key/)[^/?#\s\"]+"),
]
# Query values that carry a secret, whatever the path (`?token=...`, `?key=...`).
_QUERY_PATTERN = re.compile(r"([?&](?:token|key|code|signature)=)[^&#\s\"]*", re.IGNORECASE)


def redact_path(path: str) -> str:
    """Return `path` (or any text containing paths, such as a request line) with secret path
    segments and secret query values replaced by `[redacted]`."""
    if not path:
        return path
    text = str(path)
    for pattern in _PATH_PATTERNS:
        text = pattern.sub(
            lambda match: (
                match.group(1) + REDACTED + (match.group(2) if match.lastindex == 2 else "")
            ),
            text,
        )
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
