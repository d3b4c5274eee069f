"""The guest's request form is served from one shared copy (issue 15), but every visitor still
gets her own CSRF token and her own one-time submission token (issue 10): two guests must never
share a token, or the second guest's request would be taken for the first one's double post."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
SUBMISSION = re.compile(r'name="submission_token" value="([^"]+)"')


def test_each_guest_gets_her_own_submission_token_from_the_shared_page():
    url = reverse("bookings:request_new")
    pages = [Client().get(url).content.decode() for _ in range(3)]
    tokens = [SUBMISSION.search(page).group(1) for page in pages]
    assert len(set(tokens)) == 3
    assert all("placeholder" not in token for token in tokens)
    assert all("hope-csrf-token-placeholder" not in page for page in pages)


@pytest.mark.parametrize("offering", ["99999999999999999999999", "-5", "0"])
def test_an_impossible_offering_id_is_ignored(client, offering):
    response = client.get(reverse("bookings:request_new") + f"?offering={offering}")
    assert response.status_code == 200
