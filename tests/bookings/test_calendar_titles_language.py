"""Issue 12: the neutral engagement title is in the reader's language, in every calendar view.

The feed (her chosen language), the month view and the .ics download (the page's language) and the
invitation with her email read one place (speakers.calendar_titles); never an organisation or topic.
"""

import pytest
from django.urls import reverse, translate_url
from django.utils import timezone
from icalendar import Calendar

from bookings.enums import EngagementStatus
from bookings.services import engagements as services
from speakers.models import AudienceOption, FormatOption
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import MatchingRequestFactory
from tests.factories.followup import ExpertWithUserFactory

pytestmark = pytest.mark.django_db


def asked(expert):
    expert.formats.set(FormatOption.objects.all())
    expert.audiences.set(AudienceOption.objects.all())
    booking_request = MatchingRequestFactory(title="Signalen in de jeugdzorg")
    return services.engagement_ask(
        booking_request=booking_request,
        expert=expert,
        actor=CoordinatorFactory(),
        date_option=booking_request.date_options.get(),
    )


def feed_summaries(client, expert):
    url = reverse("speakers:feed", kwargs={"pk": expert.pk, "token": expert.ics_token})
    response = client.get(url)
    assert response.status_code == 200
    return [str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.mark.parametrize(
    ("language", "tentative", "confirmed"),
    [
        ("nl", "HOPE-inzet (nog niet vast)", "HOPE-inzet"),
        ("en", "HOPE engagement (not fixed yet)", "HOPE engagement"),
    ],
)
def test_the_feed_titles_are_in_her_chosen_language(client, language, tentative, confirmed):
    expert = ExpertWithUserFactory(user__preferred_language=language)
    engagement = asked(expert)

    assert feed_summaries(client, expert) == [tentative]

    services.engagement_expert_answer(
        engagement=engagement, actor=expert.user, accepted=True, channel="portal"
    )
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    summaries = feed_summaries(client, expert)
    assert summaries == [confirmed]
    body = client.get(
        reverse("speakers:feed", kwargs={"pk": expert.pk, "token": expert.ics_token})
    ).content.decode()
    assert "Signalen in de jeugdzorg" not in body
    assert engagement.request.organisation.name not in body


def test_a_cancelled_engagement_says_so_in_dutch(client):
    expert = ExpertWithUserFactory(user__preferred_language="nl")
    engagement = asked(expert)
    services.engagement_cancel(engagement=engagement, actor=CoordinatorFactory())

    assert feed_summaries(client, expert) == ["HOPE-inzet (gaat niet door)"]


@pytest.mark.parametrize(
    ("language", "title"),
    [("nl", "HOPE-inzet (nog niet vast)"), ("en", "HOPE engagement (not fixed yet)")],
)
def test_the_month_view_and_the_download_use_the_page_language(client, language, title):
    expert = ExpertWithUserFactory(user__preferred_language="nl")
    engagement = asked(expert)
    client.force_login(expert.user)
    month = timezone.localtime(engagement.starts_at).strftime("%Y-%m")

    url = translate_url(reverse("speakers:calendar"), language) + f"?month={month}"
    html = client.get(url).content.decode()
    assert title in html
    assert "Signalen in de jeugdzorg" not in html

    download = client.get(translate_url(reverse("engagements:ics", args=[engagement.pk]), language))
    (event,) = Calendar.from_ical(download.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == title
