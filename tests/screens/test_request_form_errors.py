"""The request form's error summary names and links every wrong field."""

import re

import pytest

from tests.bookings.test_intake import URL, guest_data

pytestmark = pytest.mark.django_db


def test_error_summary_lists_and_links_every_wrong_field(client):
    response = client.post(
        URL, guest_data(title="", place="", email="not-an-address", date_1="2001-01-01")
    )
    assert response.status_code == 200
    html = response.content.decode()
    summary = html.split('id="form-errors"', 1)[1].split("</div>", 1)[0]
    links = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a>: ([^<]+)</li>', summary)
    anchors = [anchor for anchor, _label, _message in links]
    assert anchors == ["id_title", "id_date_1", "id_place", "id_email"] or set(anchors) == {
        "id_title",
        "id_date_1",
        "id_place",
        "id_email",
    }
    for anchor in anchors:
        assert f'id="{anchor}"' in html  # every link leads to its input
    assert "Deze 4 velden vragen uw aandacht:" in summary
    assert 'value="Sanne"' in html  # what she typed is kept
