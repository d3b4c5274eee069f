import datetime as dt
import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from bookings.enums import RequestStatus
from bookings.models import BookingRequest, Organisation
from bookings.services.request_intake import booking_submit_as_guest
from tests.factories.bookings import BookingRequestFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _guest_request(email):
    return booking_submit_as_guest(
        email=email,
        first_name="Guest",
        last_name="Person",
        language="nl",
        new_organisation={"name": f"Org of {email}", "kind": "other"},
        data={
            "kind": "talk",
            "title": "A talk",
            "description": "Please",
            "mode": "online",
        },
        consent=True,
    )


def test_purge_deletes_only_old_unconfirmed_requests_and_what_was_made_for_them():
    old = _guest_request("old@example.org")
    fresh = _guest_request("fresh@example.org")
    confirmed_old = BookingRequestFactory(status=RequestStatus.IN_TRIAGE)
    existing = MembershipFactory().user
    old_of_existing = BookingRequestFactory(
        organisation=existing.organisation_memberships.get().organisation,
        contact=existing,
        status=RequestStatus.AWAITING_CONFIRMATION,
    )
    eight_days_ago = timezone.now() - dt.timedelta(days=8)
    BookingRequest.objects.filter(pk__in=[old.pk, confirmed_old.pk, old_of_existing.pk]).update(
        created_at=eight_days_ago
    )
    out = io.StringIO()
    call_command("purge_unconfirmed_requests", stdout=out)
    assert "Deleted 2 unconfirmed request(s), 1 organisation(s), 1 account(s)." in out.getvalue()
    remaining = set(BookingRequest.objects.values_list("pk", flat=True))
    assert remaining == {fresh.pk, confirmed_old.pk}
    assert not get_user_model().objects.filter(email="old@example.org").exists()
    assert not Organisation.objects.filter(name="Org of old@example.org").exists()
    # A verified account and its organisation stay.
    assert get_user_model().objects.filter(pk=existing.pk).exists()
    assert EmailAddress.objects.filter(user=existing).exists()
    assert existing.organisation_memberships.exists()
    # The purged requests' confirmation emails are forgotten too; the fresh one's stays.
    from hope.models import OutboundEmail

    assert not OutboundEmail.objects.filter(to_address="old@example.org").exists()
    assert OutboundEmail.objects.filter(to_address="fresh@example.org").exists()

    out = io.StringIO()
    call_command("purge_unconfirmed_requests", stdout=out)
    assert "Deleted 0 unconfirmed request(s), 0 organisation(s), 0 account(s)." in out.getvalue()
