"""gunicorn's access log never writes a feed token, an answer-link token or a secret query value."""

import logging

from gunicorn.config import Config
from gunicorn.http.wsgi import Response

from hope.gunicorn_logging import RedactingLogger, redact_path


def test_token_path_segments_are_redacted():
    assert redact_path("/expert/agenda/12/s3cr3t-T0ken.ics") == "/expert/agenda/12/[redacted].ics"
    assert redact_path("/en/expert/agenda/3/abc.ics") == "/en/expert/agenda/3/[redacted].ics"
    assert (
        redact_path("/expert/opdrachten/link/abc.def:ghi/") == "/expert/opdrachten/link/[redacted]/"
    )
    assert redact_path("/accounts/confirm-email/MTA:1vX/") == "/accounts/confirm-email/[redacted]/"
    assert (
        redact_path("/accounts/password/reset/key/1-set-password/")
        == "/accounts/password/reset/key/[redacted]/"
    )


def test_secret_query_values_are_redacted_and_others_kept():
    assert redact_path("/nieuws/?page=2") == "/nieuws/?page=2"
    assert (
        redact_path("/x/?Token=abc&page=2&code=123456")
        == "/x/?Token=[redacted]&page=2&code=[redacted]"
    )


class _Request:
    method = "GET"
    uri = "/expert/agenda/7/verysecret.ics?key=alsosecret"
    path = "/expert/agenda/7/verysecret.ics"
    query = "key=alsosecret"
    version = (1, 1)
    headers = [("REFERER", "https://example.org/expert/opdrachten/link/linksecret/")]


def test_the_access_log_line_carries_no_secret(caplog):
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("access_log_format", '%(h)s "%(r)s" %(U)s %(q)s %(s)s "%(f)s"')
    logger = RedactingLogger(cfg)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": _Request.uri,
        "PATH_INFO": _Request.path,
        "QUERY_STRING": _Request.query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": _Request.headers[0][1],
    }
    response = Response(_Request(), None, cfg)
    response.status = "200 OK"
    response.response_length = 10
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logger.access_log.addHandler(handler)

    logger.access(response, _Request(), environ, __import__("datetime").timedelta(seconds=0.01))

    line = "\n".join(lines)
    assert "/expert/agenda/7/[redacted].ics" in line
    for secret in ("verysecret", "alsosecret", "linksecret"):
        assert secret not in line
