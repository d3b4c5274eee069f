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


RIGHTS = "Je mag nee zeggen. Je mag later stoppen of van gedachten veranderen."


def _asked_engagement():
    from tests.factories.followup import ExpertEngagementFactory

    return ExpertEngagementFactory(status="asked")


def test_every_question_to_her_carries_her_rights(client):
    from bookings.services import expert_answers
    from tests.factories.followup import DeliveredEngagementFactory

    engagement = _asked_engagement()
    client.force_login(engagement.expert.user)
    detail = client.get(reverse("engagements:detail", args=[engagement.pk])).content.decode()
    assert RIGHTS in detail
    for choice in ("yes", "no"):
        url = reverse("engagements:answer", args=[engagement.pk]) + f"?choice={choice}"
        assert RIGHTS in client.get(url).content.decode()
    client.logout()
    link = expert_answers.issue_link(engagement=engagement, purpose="answer")
    path = expert_answers.link_url(link, "no").removeprefix("http://testserver")
    assert RIGHTS in client.get(path).content.decode()

    delivered = DeliveredEngagementFactory()
    client.force_login(delivered.expert.user)
    html = client.get(reverse("engagements:detail", args=[delivered.pk])).content.decode()
    assert "checkin-heading" in html
    assert RIGHTS in html


def test_portal_addresses_speak_the_readers_language_and_old_ones_redirect(client):
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    assert client.get("/expert/profiel/").status_code == 200
    assert client.get("/en/expert/profile/").status_code == 200
    assert client.get("/en/expert/calendar/feed/").status_code == 200
    for old, new in [
        ("/expert/profile/", "/expert/profiel/"),
        ("/expert/availability/", "/expert/beschikbaarheid/"),
        ("/expert/calendar/?month=2030-03", "/expert/agenda/?month=2030-03"),
        ("/expert/calendar/feed/", "/expert/agenda/koppelen/"),
    ]:
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == new
    html = client.get("/expert/").content.decode()
    assert 'href="/expert/profiel/"' in html and 'href="/expert/opdrachten/"' in html
