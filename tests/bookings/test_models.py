import pytest
from django.db import IntegrityError, transaction

from bookings.enums import RequestStatus
from bookings.models import BookingRequest, next_request_reference
from bookings.roles import GROUP_PERMISSIONS
from tests.factories.accounts import CoordinatorFactory, UserFactory
from tests.factories.bookings import BookingRequestFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_references_are_per_year_and_zero_padded():
    assert next_request_reference(year=2031) == "HOPE-2031-0001"
    assert next_request_reference(year=2031) == "HOPE-2031-0002"
    assert next_request_reference(year=2032) == "HOPE-2032-0001"


def test_a_user_is_member_of_an_organisation_once():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(organisation=membership.organisation, user=membership.user)


def test_members_see_their_organisations_requests_only():
    own = BookingRequestFactory()
    BookingRequestFactory()
    member = own.organisation.memberships.first().user
    assert list(BookingRequest.objects.for_organisations_of(member)) == [own]
    assert not BookingRequest.objects.for_organisations_of(UserFactory()).exists()


def test_permission_rules():
    booking_request = BookingRequestFactory()
    member = booking_request.organisation.memberships.first().user
    outsider = MembershipFactory().user
    coordinator = CoordinatorFactory()
    assert member.has_perm("bookings.view_request", booking_request)
    assert member.has_perm("bookings.edit_request", booking_request)
    assert member.has_perm("bookings.message_request", booking_request)
    assert not member.has_perm("bookings.evaluate_request", booking_request)
    assert coordinator.has_perm("bookings.view_request", booking_request)
    assert not coordinator.has_perm("bookings.edit_request", booking_request)
    for perm in ("view", "edit", "withdraw", "message", "evaluate"):
        assert not outsider.has_perm(f"bookings.{perm}_request", booking_request)
    booking_request.status = RequestStatus.DELIVERED
    assert member.has_perm("bookings.evaluate_request", booking_request)
    assert not member.has_perm("bookings.edit_request", booking_request)


def test_coordinators_get_the_bookings_model_permissions():
    coordinator = CoordinatorFactory()
    for permission in GROUP_PERMISSIONS["Coordinators"]:
        assert coordinator.has_perm(permission), permission
