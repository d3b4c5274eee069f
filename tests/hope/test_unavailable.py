"""With the database down, pages answer a designed 503, not a 500; /healthz says so too."""

import pytest
from django.db import OperationalError, connection
from django.test import Client


def _database_down(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "who"),
    [
        ("/", None),
        ("/en/", None),
        ("/accounts/inloggen/", None),
        ("/portaal/", "organisation"),
        ("/expert/", "expert"),
        ("/admin/", "coordinator"),
    ],
)
def test_pages_answer_the_designed_503_when_the_database_is_down(path, who):
    from tests.factories import CoordinatorFactory
    from tests.factories.bookings import OrganisationContactFactory
    from tests.factories.speakers import ExpertFactory

    client = Client(raise_request_exception=False)
    if who == "organisation":
        client.force_login(OrganisationContactFactory())
    elif who == "expert":
        client.force_login(ExpertFactory(with_user=True).user)
    elif who == "coordinator":
        client.force_login(CoordinatorFactory())
    with connection.execute_wrapper(_database_down):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    if path.startswith("/en/"):
        assert "Temporarily unavailable" in html
    else:
        assert "Tijdelijk niet beschikbaar" in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down():
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(_database_down):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
