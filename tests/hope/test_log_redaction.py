"""Calendar-feed and answer-link tokens never reach a log line."""

import logging

import pytest
from django.urls import reverse

from hope.logredact import redact_path
from tests.factories.speakers import ExpertFactory

SECRET = "s3cret-T0ken_abcdefghijklmnopqrstuvwxyz"


def _logged_text(caplog) -> str:
    return "\n".join(record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (f"/expert/agenda/7/{SECRET}.ics", "/expert/agenda/7/[redacted].ics"),
        (f"/en/expert/agenda/7/{SECRET}.ics?x=1", "/en/expert/agenda/7/[redacted].ics?x=1"),
        (f"/expert/opdrachten/link/{SECRET}/", "/expert/opdrachten/link/[redacted]/"),
        (
            f'"GET /en/expert/opdrachten/link/{SECRET}/ HTTP/1.1" 404 12',
            '"GET /en/expert/opdrachten/link/[redacted]/ HTTP/1.1" 404 12',
        ),
        (f"/accounts/confirm-email/{SECRET}/", "/accounts/confirm-email/[redacted]/"),
        (f"/accounts/password/reset/key/{SECRET}/", "/accounts/password/reset/key/[redacted]/"),
        (f"/somewhere/?token={SECRET}&page=2", "/somewhere/?token=[redacted]&page=2"),
        (f"/expert/agenda/7/{SECRET}", "/expert/agenda/7/[redacted]"),
        (
            f"/accounts/login/?next=%2Fexpert%2Fopdrachten%2Flink%2F{SECRET}%2F",
            "/accounts/login/?next=%2Fexpert%2Fopdrachten%2Flink%2F[redacted]%2F",
        ),
        # The same secrets at the addresses of the other language (hope/account_urls.py).
        (f"/en/expert/engagements/link/{SECRET}/", "/en/expert/engagements/link/[redacted]/"),
        (
            f"/accounts/e-mailadres-bevestigen/{SECRET}/",
            "/accounts/e-mailadres-bevestigen/[redacted]/",
        ),
        (f"/accounts/wachtwoord/nieuw/{SECRET}/", "/accounts/wachtwoord/nieuw/[redacted]/"),
        (f"/portaal/media/voorwaarden/{SECRET}/", "/portaal/media/voorwaarden/[redacted]/"),
        (f"/en/portal/media/terms/{SECRET}/", "/en/portal/media/terms/[redacted]/"),
        ("/expert/agenda/", "/expert/agenda/"),
        ("/portaal/aanvragen/R-2026-0001/", "/portaal/aanvragen/R-2026-0001/"),
    ],
)
def test_redact_path(path, expected):
    assert redact_path(path) == expected
    assert SECRET not in redact_path(path)


@pytest.mark.django_db
def test_a_feed_404_logs_no_token(client, caplog):
    expert = ExpertFactory()
    caplog.set_level(logging.INFO)
    response = client.get(reverse("speakers:feed", args=[expert.pk, SECRET]))
    assert response.status_code == 404
    text = _logged_text(caplog)
    assert "Not Found" in text
    assert SECRET not in text
    assert "[redacted]" in text


@pytest.mark.django_db
def test_a_feed_200_logs_no_token(client, caplog):
    expert = ExpertFactory()
    caplog.set_level(logging.DEBUG)
    response = client.get(reverse("speakers:feed", args=[expert.pk, expert.ics_token]))
    assert response.status_code == 200
    assert expert.ics_token not in _logged_text(caplog)


@pytest.mark.django_db
def test_a_bad_answer_link_logs_no_token(client, caplog):
    caplog.set_level(logging.INFO)
    response = client.get(reverse("engagements:link", args=[SECRET]))
    assert response.status_code == 400
    text = _logged_text(caplog)
    assert "Bad Request" in text
    assert SECRET not in text
    # The page's own requests (style sheets) carry no Referer with the token either.
    assert response["Referrer-Policy"] == "strict-origin"


def test_the_development_server_log_is_redacted(caplog):
    """runserver writes each request line to `django.server` (with the status)."""
    caplog.set_level(logging.INFO)
    logging.getLogger("django.server").warning(
        '"%s" %s %s', f"GET /expert/agenda/3/{SECRET}.ics HTTP/1.1", "404", "179"
    )
    assert SECRET not in caplog.text
    assert "/expert/agenda/3/[redacted].ics" in caplog.text
