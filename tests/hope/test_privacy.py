"""No page loads anything from another origin (rule of care 8: no third-party requests)."""

import re

import pytest

from tests.factories import CoordinatorFactory

EXTERNAL = re.compile(
    r"""(?:src|href|action)\s*=\s*["'](?:https?:)?//(?!testserver|localhost)""", re.I
)


def _external_references(html: str) -> list[str]:
    # Links that a person clicks (<a href>) may go elsewhere; resources may not.
    without_anchors = re.sub(r"<a\b[^>]*>", "", html, flags=re.I)
    return EXTERNAL.findall(without_anchors)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/account/"])
def test_admin_pages_load_nothing_from_other_origins(client, path):
    client.force_login(CoordinatorFactory())
    response = client.get(path, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert _external_references(html) == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/", "/accounts/inloggen/", "/en/accounts/login/"])
def test_public_pages_load_nothing_from_other_origins(client, path):
    html = client.get(path).content.decode()
    assert _external_references(html) == []
