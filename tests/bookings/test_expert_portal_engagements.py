"""The expert's engagement pages: only their own, with what they need; calendar and .ics."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse, translate_url
from django.utils import timezone
from icalendar import Calendar

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models.followup import AftercareCheckIn
from bookings.services import engagements as services
from speakers.ics import build_feed
from speakers.models import AudienceOption, FormatOption
from tests.factories.accounts import CoordinatorFactory, UserFactory
from tests.factories.backoffice import MatchingRequestFactory
from tests.factories.followup import (
    ConfirmedEngagementFactory,
    DeliveredEngagementFactory,
    ExpertEngagementFactory,
    ExpertWithUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert():
    return ExpertWithUserFactory(user__preferred_language="en")


@pytest.fixture
def expert_client(client, expert):
    client.force_login(expert.user)
    return client


def page(client, url, **kwargs):
    """The page in English (the site's default language is Dutch)."""
    # The English address of the page (portal addresses are translated: /en/expert/calendar/).
    response = client.get(translate_url(url, "en"), **kwargs)
    return response, response.content.decode()


def asked_engagement(expert):
    """Ask `expert` (given every format and audience) through the service."""
    expert.formats.set(FormatOption.objects.all())
    expert.audiences.set(AudienceOption.objects.all())
    booking_request = MatchingRequestFactory(title="Signals in youth care")
    return services.engagement_ask(
        booking_request=booking_request,
        expert=expert,
        actor=CoordinatorFactory(),
        date_option=booking_request.date_options.get(),
    )


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("engagements:list"))
    assert response.status_code == 302
    assert "/accounts/inloggen/" in response["Location"]


def test_people_without_an_expert_profile_see_nothing(client):
    client.force_login(UserFactory())
    assert client.get(reverse("engagements:list")).status_code == 404
    client.force_login(CoordinatorFactory())
    assert client.get(reverse("engagements:payments")).status_code == 404


def test_asked_engagements_come_first_with_yes_and_no(expert_client, expert):
    engagement = asked_engagement(expert)
    ConfirmedEngagementFactory(expert=expert)
    response, html = page(expert_client, reverse("engagements:list"))
    assert response.status_code == 200
    asked_section = html[html.index('id="asked-heading"') : html.index('id="upcoming-heading"')]
    assert reverse("engagements:answer", args=[engagement.pk]) + "?choice=yes" in asked_section
    assert reverse("engagements:answer", args=[engagement.pk]) + "?choice=no" in asked_section


def in_hours(hours: int) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=hours)


def test_the_list_needs_a_fixed_number_of_queries(
    expert_client, expert, django_assert_max_num_queries
):
    ConfirmedEngagementFactory(expert=expert)
    with django_assert_max_num_queries(20) as few:
        expert_client.get(reverse("engagements:list"))
    for n in range(1, 11):  # one expert is never in two places at once (PostgreSQL refuses it)
        ConfirmedEngagementFactory(expert=expert, starts_at=in_hours(24 * 7 + 3 * n))
        DeliveredEngagementFactory(expert=expert, starts_at=in_hours(-24 * 3 - 3 * n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = expert_client.get(reverse("engagements:list"))
    assert response.status_code == 200


def _shown(html: str, section: str, engagements) -> list[int]:
    """Which of `engagements` the section lists, in page order."""
    start = html.index(f'id="{section}-heading"')
    end = html.find("</section>", start)
    part = html[start:end]
    found = [
        (part.find(reverse("engagements:detail", args=[e.pk]) + '"'), e.pk) for e in engagements
    ]
    return [pk for position, pk in sorted(found) if position >= 0]


def test_the_past_is_shown_a_page_at_a_time_newest_first(expert_client, expert):
    coming = ConfirmedEngagementFactory(expert=expert, starts_at=in_hours(24 * 7))
    past = [
        DeliveredEngagementFactory(expert=expert, starts_at=in_hours(-24 * 3 - 3 * n))
        for n in range(23)
    ]  # newest first
    someone_elses = DeliveredEngagementFactory(starts_at=in_hours(-24 * 4))
    every = [coming, *past, someone_elses]

    response, html = page(expert_client, reverse("engagements:list"))
    assert _shown(html, "upcoming", every) == [coming.pk]
    assert _shown(html, "past", every) == [e.pk for e in past[:20]]
    assert 'rel="next">Older</a>' in html and 'rel="prev"' not in html
    assert "Page 1 of 2" in html

    response, html = page(expert_client, reverse("engagements:list") + "?page=2")
    assert _shown(html, "past", every) == [e.pk for e in past[20:]]
    assert _shown(html, "upcoming", every) == [coming.pk]  # what is coming stays on every page
    assert 'rel="prev">More recent</a>' in html and 'rel="next"' not in html
    assert someone_elses.pk not in _shown(html, "past", every)

    for wrong in ("0", "99", "zzz"):
        assert (
            page(expert_client, reverse("engagements:list") + f"?page={wrong}")[0].status_code
            == 200
        )


def test_without_a_past_the_list_says_so_in_dutch(client, expert):
    client.force_login(expert.user)
    html = client.get(reverse("engagements:list")).content.decode()
    assert "Geen eerdere inzetten." in html
    assert 'class="pagination"' not in html


def test_answering_in_the_portal_confirms_first_then_acts(expert_client, expert):
    engagement = asked_engagement(expert)
    url = reverse("engagements:answer", args=[engagement.pk])
    response, html = page(expert_client, url + "?choice=no")
    assert "Confirm: no, thank you" in html
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.ASKED
    response = expert_client.post(url, {"choice": "no", "note": ""})
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.DECLINED
    engagement.request.refresh_from_db()
    assert engagement.request.status == RequestStatus.MATCHING


def test_the_detail_shows_what_is_needed_on_the_day(expert_client, expert):
    engagement = ConfirmedEngagementFactory(
        expert=expert,
        practical_info="Entrance at the back, ask for Sam.",
        request__media_support_person="",
    )
    engagement.request.contact.first_name = "Robin"
    engagement.request.contact.save()
    response, html = page(expert_client, reverse("engagements:detail", args=[engagement.pk]))
    assert response.status_code == 200
    assert "Entrance at the back, ask for Sam." in html
    assert "Robin" in html
    assert engagement.request.place in html
    assert reverse("engagements:ics", args=[engagement.pk]) in html


def test_the_contact_person_is_shared_only_once_confirmed(expert_client, expert):
    engagement = asked_engagement(expert)
    engagement.request.contact.email = "contact-person@example.org"
    engagement.request.contact.save()
    _response, html = page(expert_client, reverse("engagements:detail", args=[engagement.pk]))
    assert "contact-person@example.org" not in html


@pytest.mark.parametrize(
    "name, method",
    [
        ("engagements:detail", "get"),
        ("engagements:answer", "get"),
        ("engagements:answer", "post"),
        ("engagements:ics", "get"),
        ("engagements:aftercare", "post"),
        ("engagements:feedback", "post"),
        ("engagements:fee_claimed", "post"),
    ],
)
def test_another_experts_engagement_is_not_found(expert_client, name, method):
    others = DeliveredEngagementFactory(status=EngagementStatus.AFTERCARE_DONE, fee="100.00")
    asked = ExpertEngagementFactory()
    for engagement in (others, asked):
        response = getattr(expert_client, method)(
            reverse(name, args=[engagement.pk]), {"choice": "yes", "answer": "fine"}
        )
        assert response.status_code == 404
    asked.refresh_from_db()
    assert asked.status == EngagementStatus.ASKED
    assert not AftercareCheckIn.objects.exists()
    others.refresh_from_db()
    assert others.claimed_on is None


def test_ics_download_is_neutral_with_uid_and_dtstamp(expert_client, expert):
    engagement = ConfirmedEngagementFactory(
        expert=expert,
        aftercare_notes="never in a calendar",
        decline_reason="nor this",
        request__title="A very specific title",
    )
    response = expert_client.get(
        translate_url(reverse("engagements:ics", args=[engagement.pk]), "en")
    )
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "never in a calendar" not in body and "nor this" not in body
    assert "A very specific title" not in body
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["UID"]).endswith("@platformhope.nl")
    assert event.get("DTSTAMP") is not None
    assert str(event["SUMMARY"]) == "HOPE engagement"
    assert event.decoded("DTSTART") == engagement.starts_at.replace(microsecond=0)


def test_the_month_view_and_the_feed_include_engagements(expert_client, expert):
    engagement = asked_engagement(expert)
    services.engagement_expert_answer(engagement=engagement, actor=expert.user, accepted=True)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    month = timezone.localtime(engagement.starts_at).strftime("%Y-%m")
    _response, html = page(expert_client, reverse("speakers:calendar") + f"?month={month}")
    assert "HOPE engagement" in html
    assert "Signals in youth care" not in html
    feed = build_feed(expert=expert, language="en").decode()
    assert "HOPE engagement" in feed
    assert "Signals in youth care" not in feed


def test_payments_show_only_own_fees_with_a_total_per_year(expert_client, expert):
    today = timezone.localdate()
    DeliveredEngagementFactory(
        expert=expert,
        fee=Decimal("100.00"),
        travel_costs=Decimal("12.50"),
        paid_on=today,
        starts_at=in_hours(-30),
    )
    DeliveredEngagementFactory(
        expert=expert,
        fee=Decimal("75.00"),
        paid_on=today.replace(year=today.year - 1),
        starts_at=in_hours(-24 * 400),
    )
    DeliveredEngagementFactory(expert=expert, fee=Decimal("50.00"), starts_at=in_hours(-60))
    DeliveredEngagementFactory(fee=Decimal("999.00"), paid_on=today)  # someone else's
    _response, html = page(expert_client, reverse("engagements:payments"))
    assert "999" not in html
    assert "112.50" in html
    assert "75.00" in html
    assert "Still to be paid: €50.00" in html
    assert html.index(str(today.year)) < html.index(str(today.year - 1))


def test_the_expert_can_answer_the_check_in_in_the_portal(expert_client, expert, run_on_commit):
    engagement = DeliveredEngagementFactory(expert=expert)
    CoordinatorFactory()
    url = reverse("engagements:aftercare", args=[engagement.pk])
    response = expert_client.post(url, {})
    assert response.status_code == 400  # no answer chosen: the page says so
    with run_on_commit():
        response = expert_client.post(url, {"answer": "support_now"})
    assert response.status_code == 302
    assert AftercareCheckIn.objects.get(engagement=engagement).answer == "support_now"


def test_no_check_in_before_the_engagement_took_place(expert_client, expert):
    engagement = ConfirmedEngagementFactory(expert=expert)
    expert_client.post(
        reverse("engagements:aftercare", args=[engagement.pk]), {"answer": "debrief"}
    )
    assert not AftercareCheckIn.objects.exists()


def test_a_date_in_the_future_is_refused_and_nothing_changes(expert):
    engagement = DeliveredEngagementFactory(expert=expert, fee="10.00")
    with pytest.raises(services.EngagementRefused):
        services.engagement_mark_fee_claimed(
            engagement=engagement,
            actor=expert.user,
            claimed_on=timezone.localdate() + dt.timedelta(days=1),
        )
    engagement.refresh_from_db()
    assert engagement.claimed_on is None


def test_payments_need_a_fixed_number_of_queries(
    expert_client, expert, django_assert_max_num_queries
):
    DeliveredEngagementFactory(expert=expert, fee=Decimal("10"))
    with django_assert_max_num_queries(20) as few:
        expert_client.get(reverse("engagements:payments"))
    for n in range(1, 11):
        DeliveredEngagementFactory(
            expert=expert,
            fee=Decimal("10"),
            paid_on=timezone.localdate(),
            starts_at=in_hours(-24 * 3 - 3 * n),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert expert_client.get(reverse("engagements:payments")).status_code == 200
