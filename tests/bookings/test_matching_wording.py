"""Issue 12: matching says the real reason (a media interview weighs more than what she has
left) and counts her load in the month of the requested date, on the page a coordinator uses,
in nl and en."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.users.models import UserProfile

from bookings.enums import EngagementKind, EngagementStatus, RequestStatus
from bookings.matching import Exclusion, match_experts
from bookings.services import engagements as services
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import BookingRequestFactory, EngagementFactory

pytestmark = pytest.mark.django_db


def first_of_month(months_ahead: int, day: int = 10) -> dt.datetime:
    """A moment on `day` of a month `months_ahead` from this one (local time, 10:00)."""
    today = timezone.localdate()
    month = today.month - 1 + months_ahead
    year = today.year + month // 12
    return timezone.make_aware(dt.datetime(year, month % 12 + 1, day, 10, 0))


def coordinator_client(client, language):
    coordinator = CoordinatorFactory(preferred_language=language)
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = language
    profile.save()
    client.force_login(coordinator)
    return coordinator


def month_of(moment, language):
    with translation.override(language):
        return formats.date_format(timezone.localtime(moment), "F Y")


def confirmed_talk(expert, starts_at):
    return EngagementFactory(
        expert=expert,
        request=BookingRequestFactory(status=RequestStatus.SCHEDULED),
        status=EngagementStatus.CONFIRMED,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=1),
    )


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("nl", "Media-interview telt als 2; ze heeft nog 1 over in {month}"),
        ("en", "Media interview counts as 2; she has 1 left in {month}"),
    ],
)
def test_a_media_interview_that_weighs_more_than_she_has_left_says_so(client, language, sentence):
    asked_for = first_of_month(2, day=20)
    media = MatchingRequestFactory(
        kind=EngagementKind.MEDIA_INTERVIEW, media=True, options=[asked_for]
    )
    expert = FittingExpertFactory(
        public_name="Merel", monthly_capacity=2, heavy_weight=2, rest_days_after_heavy=0
    )
    confirmed_talk(expert, first_of_month(2, day=3))  # one talk in that month: one left
    coordinator_client(client, language)

    html = client.get(reverse("booking_requests:matching", args=[media.pk])).content.decode()

    assert sentence.format(month=month_of(asked_for, language)) in html
    assert "(0 van 2)" not in html and "(0 of 2)" not in html
    match = match_experts(booking_request=media).for_expert(expert.pk)
    assert match.exclusion_codes == [Exclusion.AT_CAPACITY]


def test_a_full_month_names_the_month_and_the_count(client):
    asked_for = first_of_month(2, day=20)
    talk = MatchingRequestFactory(options=[asked_for])
    expert = FittingExpertFactory(public_name="Merel", monthly_capacity=1)
    confirmed_talk(expert, first_of_month(2, day=3))
    coordinator_client(client, "nl")

    html = client.get(reverse("booking_requests:matching", args=[talk.pk])).content.decode()

    assert f"zit vol in {month_of(asked_for, 'nl')} (1 van 1)" in html


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("nl", "1 van 3 inzetten in {month}"),
        ("en", "1 of 3 engagements in {month}"),
    ],
)
def test_the_load_shown_is_that_of_the_month_asked_for(client, language, line):
    asked_for = first_of_month(2, day=20)
    talk = MatchingRequestFactory(options=[asked_for])
    expert = FittingExpertFactory(public_name="Merel", monthly_capacity=3)
    # Two engagements this month, one in the month asked for: the page shows the one.
    confirmed_talk(expert, timezone.now() + dt.timedelta(hours=2))
    confirmed_talk(expert, timezone.now() + dt.timedelta(hours=5))
    confirmed_talk(expert, first_of_month(2, day=3))
    coordinator_client(client, language)

    html = client.get(reverse("booking_requests:matching", args=[talk.pk])).content.decode()

    assert line.format(month=month_of(asked_for, language)) in html


def test_asking_for_a_slot_that_does_not_fit_gives_the_real_reason():
    asked_for = first_of_month(2, day=20)
    media = MatchingRequestFactory(
        kind=EngagementKind.MEDIA_INTERVIEW, media=True, media_gates_met=True, options=[asked_for]
    )
    expert = FittingExpertFactory(monthly_capacity=2, heavy_weight=2, rest_days_after_heavy=0)
    confirmed_talk(expert, first_of_month(2, day=3))

    with translation.override("en"), pytest.raises(services.EngagementRefused) as refused:
        services.engagement_ask(
            booking_request=media,
            expert=expert,
            actor=CoordinatorFactory(),
            date_option=media.date_options.get(),
        )

    assert f"counts as 2; she has 1 left in {month_of(asked_for, 'en')}" in str(refused.value)
