"""What the expert sees in her portal: the pages she uses, rendered."""

import pytest
from django.urls import reverse

from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db


def test_calendar_page_shows_her_private_ics_address(client):
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    html = client.get(reverse("speakers:feed_settings")).content.decode()
    private = reverse("speakers:feed", kwargs={"pk": expert.pk, "token": expert.ics_token})
    assert f'value="http://testserver{private}"' in html
    # The menu still links to the page itself.
    assert f'href="{reverse("speakers:feed_settings")}" aria-current="page"' in html
