"""gunicorn's access log without secrets: token path segments and secret query values redacted.

Feed and answer links carry their secret in the path (``/expert/agenda/<pk>/<token>.ics``,
``/expert/opdrachten/link/<token>/``, allauth's confirmation and password-reset keys), and a few
links carry one in the query (``?token=``, ``?key=``, ``?code=``). An access log is read by more
people, and kept longer, than the database: none of these may reach it.

Used by ``gunicorn.conf.py`` (``logger_class``). The patterns live in ``hope.logredact`` (no Django
import, so the gunicorn master can load it before the app).
"""

from gunicorn.glogging import Logger

from hope.logredact import redact_path  # the one place that knows the patterns


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
