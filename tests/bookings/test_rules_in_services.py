"""Rules of care live in services; forms may repeat them but never hold them alone."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import EngagementKind, EngagementStatus, MeetingMode
from bookings.enums import RequestStatus as S
from bookings.models import BookingRequest
from bookings.services import engagements as services
from bookings.services.request_base import TransitionNotAllowed
from bookings.services.request_intake import booking_submit
from bookings.services.request_status import booking_set_status
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import BookingRequestFactory, EngagementFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def in_person(**overrides):
    data = {
        "kind": EngagementKind.TALK,
        "title": "Signals behind behaviour",
        "description": "An afternoon for our youth workers.",
        "audience_description": "Youth workers",
        "audience_size": 30,
        "mode": MeetingMode.IN_PERSON,
        "place": "",
        "duration_minutes": 90,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("target", [S.DECLINED, S.MORE_INFO_NEEDED])
def test_a_decline_needs_a_kind_message_in_the_service(target):
    booking_request = BookingRequestFactory(status=S.IN_TRIAGE)
    coordinator = CoordinatorFactory()
    with pytest.raises(TransitionNotAllowed, match="kind message"):
        booking_set_status(
            booking_request=booking_request, new_status=target, actor=coordinator, message="  "
        )
    booking_request.refresh_from_db()
    assert booking_request.status == S.IN_TRIAGE
    booking_set_status(
        booking_request=booking_request,
        new_status=target,
        actor=coordinator,
        message="Thank you; we cannot help with this one, and here is who can.",
    )
    assert booking_request.status == target


def test_in_person_needs_a_place_in_the_service():
    member = MembershipFactory().user
    organisation = member.organisation_memberships.get().organisation
    with pytest.raises(ValidationError) as error:
        booking_submit(
            contact=member,
            organisation=organisation,
            data=in_person(),
            consent=True,
            confirmed=True,
        )
    assert "place" in error.value.message_dict
    assert not BookingRequest.objects.exists()


def test_date_options_more_than_two_years_ahead_are_refused():
    member = MembershipFactory().user
    organisation = member.organisation_memberships.get().organisation
    far = timezone.make_aware(dt.datetime(9999, 12, 31, 10, 0))
    with pytest.raises(ValidationError, match="two years"):
        booking_submit(
            contact=member,
            organisation=organisation,
            data=in_person(place="Zwolle"),
            date_options=[(far - dt.timedelta(hours=2), far)],
            consent=True,
            confirmed=True,
        )


def test_a_far_date_option_does_not_break_the_matching_page(client):
    far = timezone.make_aware(dt.datetime(9999, 12, 31, 10, 0))
    request = MatchingRequestFactory(options=[far])
    FittingExpertFactory()
    client.force_login(CoordinatorFactory())
    response = client.get(reverse("booking_requests:matching", args=[request.pk]))
    assert response.status_code == 200


def test_an_engagement_more_than_two_years_ahead_is_refused():
    request = MatchingRequestFactory()
    starts_at = timezone.now() + dt.timedelta(days=800)
    with pytest.raises(services.EngagementRefused, match="two years"):
        services.engagement_ask(
            booking_request=request,
            expert=FittingExpertFactory(),
            actor=CoordinatorFactory(),
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
        )


def test_a_fee_paid_in_the_future_is_refused_by_the_service():
    engagement = EngagementFactory(
        status=EngagementStatus.DELIVERED,
        request=BookingRequestFactory(status=S.DELIVERED),
        starts_at=timezone.now() - dt.timedelta(days=2),
    )
    with pytest.raises(services.EngagementRefused, match="future"):
        services.engagement_record_fee(
            engagement=engagement,
            actor=CoordinatorFactory(),
            fee="120",
            paid_on=timezone.localdate() + dt.timedelta(days=1),
        )
    engagement.refresh_from_db()
    assert engagement.fee is None
