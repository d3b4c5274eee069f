"""The services: the only code that changes requests, their messages and evaluations."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from bookings.enums import (
    ActivityKind,
    EngagementKind,
    EngagementStatus,
    MeetingMode,
    RequestStatus,
)
from bookings.gates import check_gates, register_gate, unregister_gate
from bookings.models import Activity, BookingRequest, Message, Organisation
from bookings.services.media import booking_set_media_details
from bookings.services.request_base import StaleRequest, TransitionNotAllowed
from bookings.services.request_edits import booking_update, booking_withdraw, evaluation_submit
from bookings.services.request_intake import (
    booking_confirm_guest,
    booking_submit,
    guest_confirmation_needed,
)
from bookings.services.request_messages import message_post
from bookings.services.request_status import booking_set_status
from bookings.workflow import Actor
from tests.factories.accounts import CoordinatorFactory, UserFactory
from tests.factories.bookings import (
    BookingRequestFactory,
    EngagementFactory,
    MembershipFactory,
)
from tests.factories.media import accept_conditions

pytestmark = pytest.mark.django_db
S = RequestStatus


def future(days=20, hours=0):
    return timezone.now() + dt.timedelta(days=days, hours=hours)


def talk_data(**overrides):
    data = {
        "kind": EngagementKind.TALK,
        "title": "Signals behind behaviour",
        "description": "An afternoon for our youth workers.",
        "audience_description": "Youth workers",
        "audience_size": 30,
        "mode": MeetingMode.IN_PERSON,
        "place": "Zwolle",
        "duration_minutes": 90,
    }
    data.update(overrides)
    return data


@pytest.fixture
def member():
    return MembershipFactory().user


# --- booking_set_status -------------------------------------------------------------------------


def test_coordinator_move_saves_bumps_version_and_logs(run_on_commit, mailoutbox):
    booking_request = BookingRequestFactory()
    coordinator = CoordinatorFactory()
    with run_on_commit():
        booking_set_status(
            booking_request=booking_request,
            new_status=S.MATCHING,
            actor=coordinator,
            message="Looks clear, we start matching.",
        )
    booking_request.refresh_from_db()
    assert booking_request.status == S.MATCHING
    assert booking_request.version == 2
    activity = Activity.objects.get(request=booking_request, kind=ActivityKind.STATUS_CHANGED)
    assert (activity.old_status, activity.new_status) == (S.IN_TRIAGE, S.MATCHING)
    assert activity.actor == coordinator
    assert activity.visible_to_organisation
    assert [m.to for m in mailoutbox] == [[booking_request.contact.email]]
    assert booking_request.reference in mailoutbox[0].subject


def test_status_email_does_not_carry_the_coordinators_note(run_on_commit, mailoutbox):
    booking_request = BookingRequestFactory()
    with run_on_commit():
        booking_set_status(
            booking_request=booking_request,
            new_status=S.MORE_INFO_NEEDED,
            actor=CoordinatorFactory(),
            message="Which age group is in the audience?",
        )
    assert len(mailoutbox) == 1
    assert "Which age group" not in mailoutbox[0].body


def test_organisation_cannot_make_coordinator_moves(member):
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation
    )
    with pytest.raises(TransitionNotAllowed):
        booking_set_status(booking_request=booking_request, new_status=S.MATCHING, actor=member)
    booking_request.refresh_from_db()
    assert booking_request.status == S.IN_TRIAGE
    assert booking_request.version == 1
    assert not Activity.objects.filter(request=booking_request).exists()


def test_outsider_cannot_move_a_request():
    booking_request = BookingRequestFactory()
    with pytest.raises(TransitionNotAllowed):
        booking_set_status(
            booking_request=booking_request, new_status=S.WITHDRAWN, actor=UserFactory()
        )
    with pytest.raises(TransitionNotAllowed):
        booking_set_status(
            booking_request=booking_request,
            new_status=S.WITHDRAWN,
            actor=UserFactory(),
            role=Actor.ORGANISATION,
        )


def test_refused_transition_is_explained_in_the_users_language():
    from django.utils import translation

    booking_request = BookingRequestFactory(status=S.CLOSED)
    with translation.override("nl"), pytest.raises(TransitionNotAllowed) as error:
        booking_set_status(
            booking_request=booking_request, new_status=S.MATCHING, actor=CoordinatorFactory()
        )
    assert "Gesloten" in str(error.value) or "Closed" in str(error.value)


def test_stale_version_is_refused():
    booking_request = BookingRequestFactory()
    coordinator = CoordinatorFactory()
    booking_set_status(booking_request=booking_request, new_status=S.MATCHING, actor=coordinator)
    with pytest.raises(StaleRequest):
        booking_set_status(
            booking_request=booking_request,
            new_status=S.EXPERT_ASKED,
            actor=coordinator,
            expected_version=1,
        )
    booking_request.refresh_from_db()
    assert booking_request.status == S.MATCHING


def test_media_request_cannot_be_scheduled_before_the_gates_are_met():
    booking_request = BookingRequestFactory(media=True, status=S.EXPERT_ASKED)
    coordinator = CoordinatorFactory()
    with pytest.raises(TransitionNotAllowed) as error:
        booking_set_status(
            booking_request=booking_request, new_status=S.SCHEDULED, actor=coordinator
        )
    assert len(error.value.missing) == 4  # questions, conditions, support person, quote review
    booking_request.refresh_from_db()
    assert booking_request.status == S.EXPERT_ASKED

    booking_set_media_details(
        booking_request=booking_request,
        actor=coordinator,
        questions="1. What helped you?",
        support_person="Coordinator Anna",
        quote_review_agreed=True,
    )
    accept_conditions(EngagementFactory(request=booking_request, status="accepted"))
    booking_request.refresh_from_db()
    booking_set_status(booking_request=booking_request, new_status=S.SCHEDULED, actor=coordinator)
    assert booking_request.status == S.SCHEDULED


def test_closing_needs_aftercare_and_fee_for_every_engagement():
    booking_request = BookingRequestFactory(status=S.DELIVERED)
    assert check_gates(booking_request, S.CLOSED)  # nothing took place
    engagement = EngagementFactory(
        request=booking_request, status=EngagementStatus.DELIVERED, fee=None
    )
    EngagementFactory(request=booking_request, status=EngagementStatus.DECLINED)
    assert len(check_gates(booking_request, S.CLOSED)) == 2
    engagement.status = EngagementStatus.AFTERCARE_DONE
    engagement.fee = 150
    engagement.save()
    assert check_gates(booking_request, S.CLOSED) == []
    booking_set_status(
        booking_request=booking_request, new_status=S.CLOSED, actor=CoordinatorFactory()
    )
    assert booking_request.status == S.CLOSED


def test_registered_gates_are_checked():
    def always_missing(booking_request, new_status):
        return ["the moon is not full"] if new_status == S.MATCHING else []

    register_gate(always_missing)
    try:
        with pytest.raises(TransitionNotAllowed) as error:
            booking_set_status(
                booking_request=BookingRequestFactory(),
                new_status=S.MATCHING,
                actor=CoordinatorFactory(),
            )
        assert error.value.missing == ["the moon is not full"]
    finally:
        unregister_gate(always_missing)


# --- booking_submit and guests ------------------------------------------------------------------


def test_logged_in_contact_submits_straight_to_triage(member, run_on_commit, mailoutbox):
    coordinator = CoordinatorFactory()
    organisation = member.organisation_memberships.get().organisation
    with run_on_commit():
        booking_request = booking_submit(
            contact=member,
            organisation=organisation,
            data=talk_data(),
            date_options=[(future(), future(hours=2))],
            consent=True,
            confirmed=True,
        )
    assert booking_request.status == S.IN_TRIAGE
    assert booking_request.reference.startswith(f"HOPE-{timezone.localdate().year}-")
    assert booking_request.confirmed_at is not None
    assert booking_request.date_options.count() == 1
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([member.email, coordinator.email])
    receipt = next(m for m in mailoutbox if m.to == [member.email])
    assert booking_request.reference in receipt.body


def test_references_count_up_per_year(member):
    organisation = member.organisation_memberships.get().organisation
    first = booking_submit(
        contact=member, organisation=organisation, data=talk_data(), consent=True, confirmed=True
    )
    second = booking_submit(
        contact=member, organisation=organisation, data=talk_data(), consent=True, confirmed=True
    )
    first_number = int(first.reference.rsplit("-", 1)[1])
    assert second.reference.rsplit("-", 1)[1] == f"{first_number + 1:04d}"


def test_media_request_without_media_fields_is_refused_and_nothing_is_saved(member):
    organisation = member.organisation_memberships.get().organisation
    with pytest.raises(ValidationError) as error:
        booking_submit(
            contact=member,
            organisation=organisation,
            data=talk_data(kind=EngagementKind.MEDIA_INTERVIEW),
            consent=True,
            confirmed=True,
        )
    assert set(error.value.message_dict) == {
        "media_outlet",
        "media_medium",
        "media_identity_conditions_accepted",
    }
    assert not BookingRequest.objects.exists()


def test_media_fields_are_dropped_for_other_kinds(member):
    organisation = member.organisation_memberships.get().organisation
    booking_request = booking_submit(
        contact=member,
        organisation=organisation,
        data=talk_data(media_outlet="Should vanish", media_quote_review_agreed=True),
        consent=True,
        confirmed=True,
    )
    assert booking_request.media_outlet == ""
    assert booking_request.media_quote_review_agreed is False


@pytest.mark.parametrize(
    "options",
    [
        [(timezone.now() - dt.timedelta(days=1), timezone.now())],
        [(future(hours=2), future())],
        [(future(days=d), future(days=d, hours=1)) for d in range(10, 14)],
    ],
    ids=["in the past", "end before start", "four options"],
)
def test_bad_date_options_are_refused(member, options):
    organisation = member.organisation_memberships.get().organisation
    with pytest.raises(ValidationError):
        booking_submit(
            contact=member,
            organisation=organisation,
            data=talk_data(),
            date_options=options,
            consent=True,
            confirmed=True,
        )
    assert not BookingRequest.objects.exists()


def test_submit_needs_consent(member):
    with pytest.raises(ValidationError):
        booking_submit(
            contact=member,
            organisation=member.organisation_memberships.get().organisation,
            data=talk_data(),
            consent=False,
            confirmed=True,
        )


def test_nobody_joins_an_existing_organisation_by_submitting():
    stranger = UserFactory()
    organisation = MembershipFactory().organisation
    with pytest.raises(PermissionDenied):
        booking_submit(
            contact=stranger,
            organisation=organisation,
            data=talk_data(),
            consent=True,
            confirmed=True,
        )
    assert not organisation.memberships.filter(user=stranger).exists()


def test_guest_request_waits_for_email_confirmation(run_on_commit, mailoutbox, client):
    coordinator = CoordinatorFactory()
    guest = UserFactory(verified=False, email="guest@example.org")
    guest.set_unusable_password()
    guest.save()
    with run_on_commit():
        booking_request = booking_submit(
            contact=guest,
            new_organisation={"name": "Dagblad Voorbeeld", "kind": "media"},
            data=talk_data(),
            consent=True,
            confirmed=False,
        )
        guest_confirmation_needed(booking_request=booking_request)
    assert booking_request.status == S.AWAITING_CONFIRMATION
    organisation = Organisation.objects.get(name="Dagblad Voorbeeld")
    assert organisation.verified is False
    assert organisation.memberships.get().user == guest
    # Only the guest hears of it; coordinators never see unconfirmed requests.
    assert [m.to for m in mailoutbox] == [["guest@example.org"]]
    assert coordinator.email not in {m.to[0] for m in mailoutbox}
    body = mailoutbox[0].body
    assert "seven days" in body or "zeven dagen" in body
    confirm_url = next(
        line for line in body.splitlines() if "/accounts/e-mailadres-bevestigen/" in line
    )

    # Opening allauth's link and confirming verifies the address and confirms the request.
    mailoutbox.clear()
    path = confirm_url.strip().split("testserver", 1)[1]
    with run_on_commit():
        response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=guest).verified
    booking_request.refresh_from_db()
    assert booking_request.status == S.IN_TRIAGE
    assert sorted(m.to[0] for m in mailoutbox) == sorted(["guest@example.org", coordinator.email])


def test_guest_with_verified_account_is_asked_to_log_in(run_on_commit, mailoutbox):
    existing = MembershipFactory().user
    booking_request = booking_submit(
        contact=existing,
        organisation=existing.organisation_memberships.get().organisation,
        data=talk_data(),
        consent=True,
        confirmed=False,
    )
    with run_on_commit():
        guest_confirmation_needed(booking_request=booking_request)
    assert "/accounts/e-mailadres-bevestigen/" not in mailoutbox[0].body
    assert booking_request.reference in mailoutbox[0].body
    confirmed = booking_confirm_guest(user=existing, booking_request=booking_request)
    assert [r.pk for r in confirmed] == [booking_request.pk]
    booking_request.refresh_from_db()
    assert booking_request.status == S.IN_TRIAGE


def test_confirming_twice_changes_nothing(member):
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation,
        contact=member,
        status=S.AWAITING_CONFIRMATION,
    )
    assert len(booking_confirm_guest(user=member)) == 1
    assert booking_confirm_guest(user=member) == []
    assert Activity.objects.filter(request=booking_request).count() == 1


# --- withdraw, update, messages, evaluation -----------------------------------------------------


def test_withdraw_with_reason_tells_the_coordinators(member, run_on_commit, mailoutbox):
    coordinator = CoordinatorFactory()
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation, status=S.MATCHING
    )
    with run_on_commit():
        booking_withdraw(booking_request=booking_request, actor=member, reason="Budget cut.")
    booking_request.refresh_from_db()
    assert booking_request.status == S.WITHDRAWN
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    assert Activity.objects.get(request=booking_request).message == "Budget cut."


def test_withdraw_after_delivery_is_refused(member):
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation, status=S.DELIVERED
    )
    with pytest.raises(TransitionNotAllowed):
        booking_withdraw(booking_request=booking_request, actor=member)


def test_update_in_triage_changes_fields_and_bumps_version(member):
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation
    )
    booking_update(
        booking_request=booking_request,
        actor=member,
        data={"audience_size": 80, "place": "Deventer"},
        date_options=[(future(), future(hours=1))],
        expected_version=1,
    )
    booking_request.refresh_from_db()
    assert (booking_request.audience_size, booking_request.place) == (80, "Deventer")
    assert booking_request.version == 2
    assert booking_request.date_options.count() == 1
    assert Activity.objects.get(request=booking_request).kind == ActivityKind.UPDATED


def test_update_after_triage_or_by_outsider_is_refused(member):
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation, status=S.MATCHING
    )
    with pytest.raises(TransitionNotAllowed):
        booking_update(booking_request=booking_request, actor=member, data={"place": "Ede"})
    booking_request = BookingRequestFactory()
    with pytest.raises(PermissionDenied):
        booking_update(booking_request=booking_request, actor=member, data={"place": "Ede"})


def test_update_answers_more_info_needed(member):
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation,
        status=S.MORE_INFO_NEEDED,
    )
    booking_update(booking_request=booking_request, actor=member, data={"audience_size": 12})
    booking_request.refresh_from_db()
    assert booking_request.status == S.IN_TRIAGE


def test_organisation_message_notifies_coordinators_and_answers_more_info(
    member, run_on_commit, mailoutbox
):
    coordinator = CoordinatorFactory()
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation,
        status=S.MORE_INFO_NEEDED,
    )
    with run_on_commit():
        message = message_post(booking_request=booking_request, author=member, body="  Age 12-16. ")
    assert message.body == "Age 12-16."
    assert message.from_organisation
    booking_request.refresh_from_db()
    assert booking_request.status == S.IN_TRIAGE
    assert [m.to for m in mailoutbox] == [[coordinator.email]]


def test_coordinator_message_notifies_the_organisation_without_its_text(
    member, run_on_commit, mailoutbox
):
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation, contact=member
    )
    with run_on_commit():
        message_post(
            booking_request=booking_request, author=CoordinatorFactory(), body="Private detail"
        )
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Private detail" not in mailoutbox[0].body


def test_internal_notes_are_for_coordinators_only(member, run_on_commit, mailoutbox):
    booking_request = BookingRequestFactory(
        organisation=member.organisation_memberships.get().organisation
    )
    with pytest.raises(PermissionDenied):
        message_post(booking_request=booking_request, author=member, body="x", internal=True)
    with run_on_commit():
        message_post(
            booking_request=booking_request, author=CoordinatorFactory(), body="x", internal=True
        )
    assert mailoutbox == []
    assert Message.objects.get().internal


def test_outsider_cannot_post_and_empty_message_is_refused(member):
    booking_request = BookingRequestFactory()
    with pytest.raises(PermissionDenied):
        message_post(booking_request=booking_request, author=member, body="Hello")
    own = BookingRequestFactory(organisation=member.organisation_memberships.get().organisation)
    with pytest.raises(ValidationError):
        message_post(booking_request=own, author=member, body="   ")
    assert not Message.objects.exists()


def test_evaluation_after_delivery_once(member, run_on_commit, mailoutbox):
    organisation = member.organisation_memberships.get().organisation
    booking_request = BookingRequestFactory(organisation=organisation, status=S.MATCHING)
    with pytest.raises(TransitionNotAllowed):
        evaluation_submit(booking_request=booking_request, author=member, rating=5)
    booking_request = BookingRequestFactory(organisation=organisation, status=S.DELIVERED)
    with pytest.raises(ValidationError):
        evaluation_submit(booking_request=booking_request, author=member, rating=6)
    evaluation = evaluation_submit(
        booking_request=booking_request,
        author=member,
        rating=4,
        went_well="Open conversation",
        what_changed="We changed our intake protocol.",
    )
    assert evaluation.rating == 4
    with pytest.raises(TransitionNotAllowed):
        evaluation_submit(booking_request=booking_request, author=member, rating=3)
    with pytest.raises(PermissionDenied):
        evaluation_submit(
            booking_request=BookingRequestFactory(status=S.DELIVERED), author=member, rating=3
        )
