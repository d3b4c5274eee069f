"""The organisations' edit page in the admin opens and saves (it answered 500 before)."""

import pytest
from django.urls import reverse
from django.utils import translation

from bookings.enums import OrganisationKind
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin
from tests.factories.bookings import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    coordinator = english_admin(CoordinatorFactory())
    client.force_login(coordinator)
    with translation.override("en"):
        yield client


def test_coordinator_opens_the_edit_page_and_saves(coordinator_client):
    organisation = OrganisationFactory(name="Gemeente Deventer", verified=False)
    url = reverse("organisations:edit", args=[organisation.pk])

    page = coordinator_client.get(url)
    assert page.status_code == 200
    assert b"Gemeente Deventer" in page.content
    # Nothing offers a page that does not exist (no delete, no usage).
    assert b"/delete/" not in page.content and b"/usage/" not in page.content

    response = coordinator_client.post(
        url,
        {"name": "Gemeente Deventer", "kind": OrganisationKind.MUNICIPALITY, "verified": "on"},
        follow=True,
    )
    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.verified


def test_a_bad_edit_shows_the_form_again_with_what_was_typed(coordinator_client):
    organisation = OrganisationFactory(name="Stichting Kompas")
    response = coordinator_client.post(
        reverse("organisations:edit", args=[organisation.pk]),
        {"name": "", "kind": OrganisationKind.NGO, "website": "not a web address"},
    )
    assert response.status_code == 200
    assert b"not a web address" in response.content
    organisation.refresh_from_db()
    assert organisation.name == "Stichting Kompas"


def test_editors_cannot_open_the_edit_page(client):
    organisation = OrganisationFactory()
    client.force_login(EditorFactory())
    response = client.get(reverse("organisations:edit", args=[organisation.pk]))
    assert response.status_code in (302, 403)
