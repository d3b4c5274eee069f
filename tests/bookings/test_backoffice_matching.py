"""Matching: one test per exclusion reason, the fairness ordering, and a constant query count."""

import datetime as dt

import pytest
from django.utils import formats, timezone, translation

from bookings.enums import Audience, EngagementKind, EngagementStatus, Medium, RequestStatus
from bookings.matching import Exclusion, match_experts
from speakers.services.availability import unavailability_add
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days
from tests.factories.bookings import BookingRequestFactory, EngagementFactory
from tests.factories.speakers import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def codes_for(result, expert):
    match = result.for_expert(expert.pk)
    assert match is not None
    return match.exclusion_codes


def test_a_fitting_expert_is_a_candidate_with_readable_reasons():
    grooming, online = TopicFactory(name="Grooming"), TopicFactory(name="Online recruitment")
    request = MatchingRequestFactory(topics=[grooming, online])
    expert = FittingExpertFactory(topics=[grooming, online], monthly_capacity=3)

    result = match_experts(booking_request=request)

    assert [match.expert for match in result.candidates] == [expert]
    reasons = result.candidates[0].reason_text
    assert "fits topics Grooming, Online recruitment" in reasons
    assert "free on option 1" in reasons
    # Her load is counted in the month of the date asked for, and named.
    month = formats.date_format(timezone.localtime(request.date_options.get().starts_at), "F Y")
    assert f"0 of 3 engagements in {month}" in reasons


def test_no_go_topic_excludes():
    topic = TopicFactory(name="Exploitation by relatives")
    request = MatchingRequestFactory(topics=[topic])
    expert = FittingExpertFactory()
    expert.no_go_topics.add(topic)

    result = match_experts(booking_request=request)

    assert codes_for(result, expert) == [Exclusion.NO_GO_TOPIC]
    assert "Exploitation by relatives" in result.excluded[0].exclusions[0][1]


def test_format_not_offered_excludes():
    request = MatchingRequestFactory(kind=EngagementKind.TRAINING)
    expert = FittingExpertFactory(formats=[EngagementKind.TALK])

    assert codes_for(match_experts(booking_request=request), expert) == [
        Exclusion.FORMAT_NOT_OFFERED
    ]


def test_audience_not_accepted_excludes():
    request = MatchingRequestFactory(audience_kind=Audience.EDUCATION)
    expert = FittingExpertFactory(audiences=[Audience.PROFESSIONALS])

    assert codes_for(match_experts(booking_request=request), expert) == [
        Exclusion.AUDIENCE_NOT_ACCEPTED
    ]


def test_identity_rules_incompatible_with_the_medium_exclude():
    request = MatchingRequestFactory(media=True, media_medium=Medium.TV)
    no_recording = FittingExpertFactory(media_recording_allowed=False, media_face_visible=True)
    face_hidden = FittingExpertFactory(media_recording_allowed=True, media_face_visible=False)
    fine = FittingExpertFactory(
        media_recording_allowed=True,
        media_face_visible=True,
        media_voice_altered=True,  # a condition the journalist accepts, not an exclusion
        media_name_on_record=False,
    )

    result = match_experts(booking_request=request)

    assert codes_for(result, no_recording) == [Exclusion.IDENTITY_INCOMPATIBLE]
    assert codes_for(result, face_hidden) == [Exclusion.IDENTITY_INCOMPATIBLE]
    assert codes_for(result, fine) == []


def test_face_voice_and_name_are_checked_against_the_medium():
    radio = MatchingRequestFactory(media=True, media_medium=Medium.RADIO)
    face_hidden = FittingExpertFactory(media_recording_allowed=True, media_face_visible=False)
    no_recording = FittingExpertFactory(media_recording_allowed=False, media_face_visible=True)

    result = match_experts(booking_request=radio)

    assert codes_for(result, face_hidden) == []  # radio shows no face
    assert codes_for(result, no_recording) == [Exclusion.IDENTITY_INCOMPATIBLE]

    printed = MatchingRequestFactory(media=True, media_medium=Medium.PRINT)
    result = match_experts(booking_request=printed)
    assert codes_for(result, no_recording) == []  # print: her name and quotes are conditions


def test_paused_expert_is_excluded_until_the_pause_ends():
    request = MatchingRequestFactory()
    paused = FittingExpertFactory(paused=True, paused_until=None)
    back_soon = FittingExpertFactory(
        paused=True, paused_until=timezone.localdate() - dt.timedelta(days=1)
    )

    result = match_experts(booking_request=request)

    assert Exclusion.PAUSED in codes_for(result, paused)
    assert codes_for(result, back_soon) == []


def test_at_capacity_counts_heavy_engagements_by_their_weight():
    option = in_days(20)
    request = MatchingRequestFactory(options=[option])
    expert = FittingExpertFactory(monthly_capacity=2, heavy_weight=2, rest_days_after_heavy=0)
    heavy = BookingRequestFactory(media=True, status=RequestStatus.SCHEDULED)
    # One media interview in the same month, far from the option: weight 2 fills capacity 2.
    same_month = option.replace(day=1 if option.day > 10 else 28, hour=9)
    EngagementFactory(
        request=heavy,
        expert=expert,
        status=EngagementStatus.CONFIRMED,
        starts_at=same_month,
        ends_at=same_month + dt.timedelta(hours=1),
    )

    result = match_experts(booking_request=request)

    assert codes_for(result, expert) == [Exclusion.AT_CAPACITY]
    assert "2 of 2" in result.excluded[0].exclusions[0][1]


def test_ordinary_engagements_count_one_each():
    option = in_days(20)
    request = MatchingRequestFactory(options=[option])
    expert = FittingExpertFactory(monthly_capacity=2)
    other = in_days(20, hour=15)
    EngagementFactory(
        expert=expert,
        status=EngagementStatus.CONFIRMED,
        starts_at=other,
        ends_at=other + dt.timedelta(hours=1),
    )

    match = match_experts(booking_request=request).for_expert(expert.pk)

    assert not match.excluded
    assert match.options[0].load == 1


def test_rest_period_after_a_heavy_engagement_excludes():
    option = in_days(20)
    request = MatchingRequestFactory(options=[option])
    expert = FittingExpertFactory(monthly_capacity=10, rest_days_after_heavy=3)
    day_before = option - dt.timedelta(days=1, hours=2)
    EngagementFactory(
        request=BookingRequestFactory(media=True, status=RequestStatus.SCHEDULED),
        expert=expert,
        status=EngagementStatus.CONFIRMED,
        starts_at=day_before,
        ends_at=day_before + dt.timedelta(hours=1),
    )

    assert codes_for(match_experts(booking_request=request), expert) == [Exclusion.RESTING]


def test_unavailable_at_every_option_excludes_and_partly_free_names_the_option():
    first, second = in_days(20), in_days(21)
    request = MatchingRequestFactory(options=[first, second])
    away = FittingExpertFactory()
    partly = FittingExpertFactory()
    for start in (first, second):
        unavailability_add(expert=away, start=start, end=start + dt.timedelta(hours=3))
    unavailability_add(expert=partly, start=first, end=first + dt.timedelta(hours=3))

    result = match_experts(booking_request=request)

    assert codes_for(result, away) == [Exclusion.UNAVAILABLE]
    match = result.for_expert(partly.pk)
    assert not match.excluded
    assert "free on option 2" in match.reason_text


def test_already_booked_on_this_request_excludes():
    request = MatchingRequestFactory()
    expert = FittingExpertFactory()
    EngagementFactory(request=request, expert=expert, status=EngagementStatus.ASKED)

    assert Exclusion.ALREADY_BOOKED in codes_for(match_experts(booking_request=request), expert)


def test_an_expert_who_declined_is_not_asked_again():
    request = MatchingRequestFactory()
    expert = FittingExpertFactory()
    EngagementFactory(request=request, expert=expert, status=EngagementStatus.DECLINED)

    assert codes_for(match_experts(booking_request=request), expert) == [Exclusion.DECLINED_BEFORE]


def test_ranking_prefers_fit_then_fewer_recent_engagements():
    topic, other_topic = TopicFactory(), TopicFactory()
    request = MatchingRequestFactory(topics=[topic, other_topic])
    busy_fit = FittingExpertFactory(public_name="Anna", topics=[topic, other_topic])
    quiet_fit = FittingExpertFactory(public_name="Bo", topics=[topic, other_topic])
    half_fit = FittingExpertFactory(public_name="Cas", topics=[topic])
    no_fit = FittingExpertFactory(public_name="Dee")
    last_month = timezone.now() - dt.timedelta(days=30)
    for hours in (0, 3):
        EngagementFactory(
            expert=busy_fit,
            status=EngagementStatus.AFTERCARE_DONE,
            starts_at=last_month + dt.timedelta(hours=hours),
            ends_at=last_month + dt.timedelta(hours=hours + 1),
        )

    result = match_experts(booking_request=request)

    assert [match.expert for match in result.candidates] == [quiet_fit, busy_fit, half_fit, no_fit]
    assert "2 engagements in the last three months" in result.candidates[1].reason_text


def test_the_preferred_expert_goes_first_among_equal_fits():
    request = MatchingRequestFactory()
    first = FittingExpertFactory(public_name="Aa")
    preferred = FittingExpertFactory(public_name="Zz")
    request.preferred_expert = preferred
    request.save()

    result = match_experts(booking_request=request)

    assert [match.expert for match in result.candidates] == [preferred, first]
    assert "preferred by the organisation" in result.candidates[0].reason_text


def test_query_count_does_not_grow_with_experts_or_events(django_assert_max_num_queries):
    topic = TopicFactory()
    request = MatchingRequestFactory(topics=[topic], options=[in_days(20), in_days(22)])

    def add_experts(count):
        for _ in range(count):
            expert = FittingExpertFactory(topics=[topic])
            start = in_days(20, hour=8)
            unavailability_add(expert=expert, start=start, end=start + dt.timedelta(hours=1))
            EngagementFactory(expert=expert, status=EngagementStatus.CONFIRMED)

    add_experts(2)
    with django_assert_max_num_queries(12) as few:
        match_experts(booking_request=request)
    add_experts(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        result = match_experts(booking_request=request)
    assert len(result.candidates) == 12
