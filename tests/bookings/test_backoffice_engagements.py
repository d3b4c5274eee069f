"""Asking, answering, confirming, moving, cancelling, series, aftercare, fees; no double booking."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from schedule.models import Event

from bookings.enums import ActivityKind, EngagementStatus, RequestStatus
from bookings.models import Activity, Engagement
from bookings.models.engagement import AftercareStatus
from bookings.services import engagements as services
from bookings.services.media import booking_set_media_details
from bookings.services.request_base import StaleRequest, TransitionNotAllowed
from bookings.services.request_status import booking_set_status
from bookings.services.scheduling import (
    CANCELLED_TITLE,
    CONFIRMED_TITLE,
    TENTATIVE_TITLE,
    SchedulingConflict,
    find_conflicts,
)
from speakers.models import IdentityMode
from speakers.selectors import expert_is_free
from speakers.services.availability import unavailability_add
from tests.factories.accounts import CoordinatorFactory, EditorFactory, UserFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days
from tests.factories.bookings import EngagementFactory
from tests.factories.media import accept_conditions

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator():
    return CoordinatorFactory()


@pytest.fixture
def request_for_matching():
    return MatchingRequestFactory()


def ask(request, expert, coordinator, **kwargs):
    return services.engagement_ask(
        booking_request=request,
        expert=expert,
        actor=coordinator,
        date_option=kwargs.pop("date_option", request.date_options.first()),
        **kwargs,
    )


def test_asking_creates_an_asked_engagement_with_a_tentative_neutral_event(
    coordinator, request_for_matching, run_on_commit, mailoutbox
):
    expert = FittingExpertFactory(with_user=True)
    option = request_for_matching.date_options.get()
    version = request_for_matching.version

    with run_on_commit():
        engagement = ask(request_for_matching, expert, coordinator, expected_version=version)

    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.ASKED
    assert (engagement.starts_at, engagement.ends_at) == (option.starts_at, option.ends_at)
    assert engagement.date_option == option
    assert engagement.event.calendar == expert.calendar
    assert engagement.event.title == TENTATIVE_TITLE
    assert request_for_matching.title not in engagement.event.title
    assert engagement.event.description == ""
    request_for_matching.refresh_from_db()
    assert request_for_matching.status == RequestStatus.EXPERT_ASKED
    assert request_for_matching.version > version
    assert not expert_is_free(expert=expert, start=option.starts_at, end=option.ends_at)
    # The expert hears of it; the email carries no organisation notes.
    assert [mail.to for mail in mailoutbox] == [[expert.user.email]]
    assert request_for_matching.description not in mailoutbox[0].body
    activity = Activity.objects.filter(kind=ActivityKind.ENGAGEMENT).get()
    assert activity.actor == coordinator
    assert activity.visible_to_organisation is False
    assert expert.public_name in activity.message


def test_an_excluded_expert_cannot_be_asked(coordinator, request_for_matching):
    expert = FittingExpertFactory(paused=True)

    with pytest.raises(services.EngagementRefused) as refused:
        ask(request_for_matching, expert, coordinator)

    assert "paused" in refused.value.message
    assert not Engagement.objects.exists()
    request_for_matching.refresh_from_db()
    assert request_for_matching.status == RequestStatus.MATCHING


def test_only_coordinators_ask(request_for_matching):
    expert = FittingExpertFactory()
    for user in (EditorFactory(), UserFactory(), request_for_matching.contact):
        with pytest.raises(PermissionDenied):
            ask(request_for_matching, expert, user)
    assert not Engagement.objects.exists()


def test_asking_before_matching_is_refused(coordinator):
    request = MatchingRequestFactory(status=RequestStatus.IN_TRIAGE)
    with pytest.raises(services.EngagementRefused):
        ask(request, FittingExpertFactory(), coordinator)


def test_a_stale_form_is_refused(coordinator, request_for_matching):
    expert = FittingExpertFactory()
    old_version = request_for_matching.version
    booking_set_status(
        booking_request=request_for_matching,
        new_status=RequestStatus.MORE_INFO_NEEDED,
        actor=CoordinatorFactory(),
        message="Which date suits best?",
    )
    request_for_matching.refresh_from_db()
    request_for_matching.status = RequestStatus.MATCHING  # what the stale form still shows

    with pytest.raises(StaleRequest):
        ask(request_for_matching, expert, coordinator, expected_version=old_version)
    assert not Engagement.objects.exists()


def test_double_booking_another_engagement_is_refused(coordinator, request_for_matching):
    expert = FittingExpertFactory(monthly_capacity=10)
    ask(request_for_matching, expert, coordinator)
    other = MatchingRequestFactory(options=[in_days(20, hour=11)])  # overlaps 10:00-12:00

    with pytest.raises(SchedulingConflict) as conflict:
        ask(other, expert, coordinator)

    assert "another engagement" in conflict.value.message
    assert Engagement.objects.count() == 1


def test_adjacent_engagements_do_not_overlap(coordinator, request_for_matching):
    expert = FittingExpertFactory(monthly_capacity=10)
    ask(request_for_matching, expert, coordinator)
    right_after = MatchingRequestFactory(options=[in_days(20, hour=12)])

    ask(right_after, expert, coordinator)

    assert Engagement.objects.count() == 2


def test_unavailability_is_refused(coordinator, request_for_matching):
    expert = FittingExpertFactory()
    option = request_for_matching.date_options.get()
    unavailability_add(
        expert=expert,
        start=option.starts_at + dt.timedelta(hours=1),
        end=option.ends_at + dt.timedelta(hours=1),
    )
    with pytest.raises(SchedulingConflict):
        ask(request_for_matching, expert, coordinator)
    with pytest.raises(SchedulingConflict) as conflict:
        ask(
            request_for_matching,
            expert,
            coordinator,
            date_option=None,
            starts_at=option.starts_at + dt.timedelta(minutes=90),
            ends_at=option.ends_at + dt.timedelta(minutes=30),
        )
    assert "unavailable" in conflict.value.message


def test_weekly_unavailability_is_found_at_the_same_local_time_across_dst():
    """A weekly block set in winter time still covers 18:00-20:00 local time in summer."""
    expert = FittingExpertFactory()
    # Winter (CET, UTC+1) Monday 18:00 local; the clocks go forward on the last Sunday of March.
    year = in_days(400).year
    winter_monday = dt.datetime(year, 3, 2, 18, 0, tzinfo=AMSTERDAM)
    winter_monday -= dt.timedelta(days=winter_monday.weekday())
    unavailability_add(
        expert=expert,
        start=winter_monday,
        end=winter_monday + dt.timedelta(hours=2),
        weekly=True,
    )
    summer_monday = winter_monday + dt.timedelta(weeks=6)  # after the switch to CEST
    summer_monday = summer_monday.replace(tzinfo=AMSTERDAM)
    assert summer_monday.utcoffset() == dt.timedelta(hours=2)

    clash = find_conflicts(
        expert=expert,
        starts_at=dt.datetime.combine(summer_monday.date(), dt.time(19, 0), tzinfo=AMSTERDAM),
        ends_at=dt.datetime.combine(summer_monday.date(), dt.time(19, 30), tzinfo=AMSTERDAM),
    )
    free_after = find_conflicts(
        expert=expert,
        starts_at=dt.datetime.combine(summer_monday.date(), dt.time(20, 0), tzinfo=AMSTERDAM),
        ends_at=dt.datetime.combine(summer_monday.date(), dt.time(21, 0), tzinfo=AMSTERDAM),
    )
    assert len(clash) == 1 and "unavailable" in clash[0]
    assert free_after == []


def test_yes_by_phone_confirms_tells_the_organisation_and_respects_identity(
    coordinator, request_for_matching, run_on_commit, mailoutbox
):
    hidden = FittingExpertFactory(identity_mode=IdentityMode.NOT_PUBLIC, public_name="Secret Sam")
    engagement = ask(request_for_matching, hidden, coordinator)
    mailoutbox.clear()

    with run_on_commit():
        services.engagement_record_answer(
            engagement=engagement,
            actor=coordinator,
            accepted=True,
            expected_version=request_for_matching.version,
        )

    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    assert engagement.answered_at and engagement.confirmed_at
    assert engagement.event.title == CONFIRMED_TITLE
    request_for_matching.refresh_from_db()
    assert request_for_matching.status == RequestStatus.SCHEDULED
    organisation_mail = [m for m in mailoutbox if request_for_matching.contact.email in m.to]
    assert len(organisation_mail) == 1
    assert "Secret Sam" not in organisation_mail[0].body
    assert request_for_matching.reference in organisation_mail[0].subject


def test_a_public_expert_is_named_to_the_organisation(
    coordinator, request_for_matching, run_on_commit, mailoutbox
):
    named = FittingExpertFactory(identity_mode=IdentityMode.PSEUDONYM, public_name="Lotus")
    engagement = ask(request_for_matching, named, coordinator)
    with run_on_commit():
        services.engagement_record_answer(engagement=engagement, actor=coordinator, accepted=True)
    organisation_mail = [m for m in mailoutbox if request_for_matching.contact.email in m.to]
    assert "Lotus" in organisation_mail[0].body


def test_media_gates_hold_confirmation_and_say_what_is_missing(coordinator):
    request = MatchingRequestFactory(media=True)  # gates not met: no questions, support, quotes
    engagement = ask(request, FittingExpertFactory(), coordinator)

    services.engagement_record_answer(engagement=engagement, actor=coordinator, accepted=True)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.ACCEPTED

    with pytest.raises(services.EngagementRefused) as refused:
        services.engagement_confirm(engagement=engagement, actor=coordinator)
    assert len(refused.value.missing) == 4
    assert any("questions" in item for item in refused.value.missing)
    assert any("identity conditions" in item for item in refused.value.missing)
    assert any("support person" in item for item in refused.value.missing)
    assert any("quotes" in item for item in refused.value.missing)

    booking_set_media_details(
        booking_request=request,
        actor=coordinator,
        questions="1. What helped you?",
        support_person="A coordinator",
        quote_review_agreed=True,
    )
    with pytest.raises(services.EngagementRefused) as refused:
        services.engagement_confirm(engagement=engagement, actor=coordinator)
    assert len(refused.value.missing) == 1
    accept_conditions(engagement)
    services.engagement_confirm(engagement=engagement, actor=coordinator)
    engagement.refresh_from_db()
    request.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    assert request.status == RequestStatus.SCHEDULED


def test_no_by_phone_frees_the_calendar_and_goes_back_to_matching(
    coordinator, request_for_matching
):
    expert = FittingExpertFactory()
    engagement = ask(request_for_matching, expert, coordinator)
    option = request_for_matching.date_options.get()

    services.engagement_record_answer(
        engagement=engagement, actor=coordinator, accepted=False, decline_reason=""
    )

    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.DECLINED
    assert engagement.event.title == CANCELLED_TITLE
    assert expert_is_free(expert=expert, start=option.starts_at, end=option.ends_at)
    request_for_matching.refresh_from_db()
    assert request_for_matching.status == RequestStatus.MATCHING


def test_an_answer_can_only_be_recorded_once(coordinator, request_for_matching):
    engagement = ask(request_for_matching, FittingExpertFactory(), coordinator)
    services.engagement_record_answer(engagement=engagement, actor=coordinator, accepted=False)
    with pytest.raises(services.EngagementRefused):
        services.engagement_record_answer(engagement=engagement, actor=coordinator, accepted=True)


def test_reschedule_moves_the_event_refuses_overlaps_and_tells_both(
    coordinator, request_for_matching, run_on_commit, mailoutbox
):
    expert = FittingExpertFactory(with_user=True, monthly_capacity=10)
    engagement = ask(request_for_matching, expert, coordinator)
    services.engagement_record_answer(engagement=engagement, actor=coordinator, accepted=True)
    blocker = MatchingRequestFactory(options=[in_days(25)])
    ask(blocker, expert, coordinator)
    mailoutbox.clear()

    with pytest.raises(SchedulingConflict):
        services.engagement_reschedule(
            engagement=engagement,
            actor=coordinator,
            starts_at=in_days(25, hour=11),
            ends_at=in_days(25, hour=12),
        )
    # Moving within its own old slot is fine (its own event does not count).
    new_start = in_days(20, hour=11)
    with run_on_commit():
        services.engagement_reschedule(
            engagement=engagement,
            actor=coordinator,
            starts_at=new_start,
            ends_at=new_start + dt.timedelta(hours=2),
        )

    engagement.refresh_from_db()
    assert engagement.starts_at == new_start
    assert engagement.event.start == new_start
    recipients = {address for mail in mailoutbox for address in mail.to}
    assert recipients == {expert.user.email, request_for_matching.contact.email}


def test_cancel_marks_the_event_cancelled_and_tells_both(
    coordinator, request_for_matching, run_on_commit, mailoutbox
):
    expert = FittingExpertFactory(with_user=True)
    engagement = ask(request_for_matching, expert, coordinator)
    services.engagement_record_answer(engagement=engagement, actor=coordinator, accepted=True)
    mailoutbox.clear()

    with run_on_commit():
        services.engagement_cancel(engagement=engagement, actor=coordinator, reason="Venue closed")

    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CANCELLED
    assert engagement.cancelled_at is not None
    assert engagement.event.occurrence_set.get().cancelled
    assert expert_is_free(expert=expert, start=engagement.starts_at, end=engagement.ends_at)
    request_for_matching.refresh_from_db()
    assert request_for_matching.status == RequestStatus.MATCHING
    recipients = {address for mail in mailoutbox for address in mail.to}
    assert recipients == {expert.user.email, request_for_matching.contact.email}
    assert all("Venue closed" not in mail.body for mail in mailoutbox)


def test_cancelling_the_request_cancels_its_engagements(coordinator, request_for_matching):
    engagement = ask(request_for_matching, FittingExpertFactory(), coordinator)

    services.booking_cancel(
        booking_request=request_for_matching, actor=coordinator, message="The event is off."
    )

    engagement.refresh_from_db()
    request_for_matching.refresh_from_db()
    assert engagement.status == EngagementStatus.CANCELLED
    assert request_for_matching.status == RequestStatus.CANCELLED


def test_a_series_creates_one_engagement_per_meeting_at_the_same_local_time(coordinator):
    request = MatchingRequestFactory(options=[])
    expert = FittingExpertFactory(monthly_capacity=4)
    year = in_days(400).year
    first = dt.datetime(year, 1, 15, 14, 0, tzinfo=AMSTERDAM)  # winter time

    engagements = services.engagement_series_ask(
        booking_request=request,
        expert=expert,
        actor=coordinator,
        first_starts_at=first,
        duration=dt.timedelta(hours=2),
        frequency="monthly",
        interval=3,
        count=4,
    )

    assert [e.series_position for e in engagements] == [1, 2, 3, 4]
    local = [e.starts_at.astimezone(AMSTERDAM) for e in engagements]
    assert [moment.month for moment in local] == [1, 4, 7, 10]
    assert {(moment.hour, moment.minute) for moment in local} == {(14, 0)}  # across DST
    assert Event.objects.filter(calendar=expert.calendar).count() == 4
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPERT_ASKED


def test_a_series_is_all_or_nothing(coordinator):
    request = MatchingRequestFactory(options=[])
    expert = FittingExpertFactory(monthly_capacity=10)
    first = in_days(30, hour=14)
    third = first + dt.timedelta(weeks=2)
    unavailability_add(expert=expert, start=third, end=third + dt.timedelta(hours=1))

    with pytest.raises(SchedulingConflict) as conflict:
        services.engagement_series_ask(
            booking_request=request,
            expert=expert,
            actor=coordinator,
            first_starts_at=first,
            duration=dt.timedelta(hours=2),
            frequency="weekly",
            count=4,
        )
    assert "Meeting 3" in conflict.value.message
    assert not Engagement.objects.exists()
    assert not Event.objects.filter(calendar=expert.calendar, unavailability__isnull=True).exists()


def test_closing_needs_aftercare_and_fees_for_every_delivered_engagement(coordinator):
    request = MatchingRequestFactory(options=[])
    expert = FittingExpertFactory()
    engagement = EngagementFactory(
        request=request,
        expert=expert,
        status=EngagementStatus.CONFIRMED,
        starts_at=in_days(-2),
        ends_at=in_days(-2, hour=12),
    )
    request.status = RequestStatus.SCHEDULED
    request.save()

    services.engagement_mark_delivered(engagement=engagement, actor=coordinator)
    request.refresh_from_db()
    assert request.status == RequestStatus.DELIVERED

    with pytest.raises(TransitionNotAllowed) as refused:
        booking_set_status(
            booking_request=request, new_status=RequestStatus.CLOSED, actor=coordinator
        )
    assert any("Aftercare" in item for item in refused.value.missing)
    assert any("fee" in item for item in refused.value.missing)

    services.engagement_record_aftercare(engagement=engagement, actor=coordinator, waived=True)
    with pytest.raises(TransitionNotAllowed) as refused:
        booking_set_status(
            booking_request=request, new_status=RequestStatus.CLOSED, actor=coordinator
        )
    assert [item for item in refused.value.missing if "Aftercare" in item] == []

    services.engagement_record_fee(
        engagement=engagement, actor=coordinator, fee="150", travel_costs="23.40"
    )
    booking_set_status(booking_request=request, new_status=RequestStatus.CLOSED, actor=coordinator)

    engagement.refresh_from_db()
    request.refresh_from_db()
    assert engagement.aftercare_status == AftercareStatus.WAIVED
    assert engagement.aftercare_recorded_at is not None
    assert (engagement.fee, engagement.travel_costs) == (Decimal("150.00"), Decimal("23.40"))
    assert engagement.fee_recorded_at is not None
    assert request.status == RequestStatus.CLOSED


def test_a_future_engagement_cannot_be_marked_delivered(coordinator, request_for_matching):
    engagement = ask(request_for_matching, FittingExpertFactory(), coordinator)
    services.engagement_record_answer(engagement=engagement, actor=coordinator, accepted=True)
    with pytest.raises(services.EngagementRefused):
        services.engagement_mark_delivered(engagement=engagement, actor=coordinator)


def test_a_bad_fee_is_refused_and_nothing_is_saved(coordinator):
    engagement = EngagementFactory(status=EngagementStatus.CONFIRMED)
    with pytest.raises(services.EngagementRefused):
        services.engagement_record_fee(engagement=engagement, actor=coordinator, fee="-5")
    engagement.refresh_from_db()
    assert engagement.fee is None and engagement.fee_recorded_at is None


def test_every_engagement_step_is_in_the_activity_log(coordinator, request_for_matching):
    engagement = ask(request_for_matching, FittingExpertFactory(), coordinator)
    services.engagement_record_answer(engagement=engagement, actor=coordinator, accepted=True)
    services.engagement_cancel(engagement=engagement, actor=coordinator)

    entries = Activity.objects.filter(engagement=engagement, kind=ActivityKind.ENGAGEMENT)
    assert entries.count() == 4  # asked, said yes, confirmed, cancelled
    assert set(entries.values_list("actor", flat=True)) == {coordinator.pk}


def test_assigning_a_coordinator_is_logged(coordinator, request_for_matching):
    colleague = CoordinatorFactory()
    services.booking_assign_coordinator(
        booking_request=request_for_matching, actor=coordinator, coordinator=colleague
    )
    request_for_matching.refresh_from_db()
    assert request_for_matching.coordinator == colleague
    assert Activity.objects.filter(kind=ActivityKind.ASSIGNED, actor=coordinator).exists()
    with pytest.raises(services.EngagementRefused):
        services.booking_assign_coordinator(
            booking_request=request_for_matching, actor=coordinator, coordinator=EditorFactory()
        )
