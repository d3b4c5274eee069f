"""The organisation's team in the portal: an administrator invites and removes colleagues, and
a contact prints a booking confirmation."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from bookings.enums import EngagementStatus, MembershipRole, RequestStatus
from bookings.models import OrganisationMembership
from tests.factories.accounts import CoordinatorFactory
from tests.factories.bookings import (
    BookingRequestFactory,
    EngagementFactory,
    MembershipFactory,
    OrganisationFactory,
)
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Gemeente Noord")


@pytest.fixture
def admin(client, organisation):
    user = MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user
    client.force_login(user)
    return user


def _invite(client, organisation, email, language="nl"):
    return client.post(
        reverse("bookings:team_invite", args=[organisation.pk]),
        {"email": email, "language": language},
        follow=True,
    )


def test_admin_invites_a_new_colleague_who_gets_a_set_password_link(
    client, admin, organisation, mailoutbox, run_on_commit
):
    with run_on_commit():
        response = _invite(client, organisation, "New.Colleague@Example.org", language="en")
    assert response.status_code == 200
    assert "new.colleague@example.org" in response.content.decode()
    colleague = User.objects.get(email="new.colleague@example.org")
    assert OrganisationMembership.objects.filter(
        organisation=organisation, user=colleague, role=MembershipRole.CONTACT
    ).exists()
    assert not colleague.has_usable_password()
    [mail] = mailoutbox
    assert mail.to == ["new.colleague@example.org"]
    assert "Gemeente Noord" in mail.subject
    assert "Choose your password" in mail.body
    assert "/en/accounts/password/reset/key/" in mail.body
    html = mail.alternatives[0][0]
    assert "<title>" in html and "Gemeente Noord" in html


def test_the_new_colleague_sees_the_organisations_requests(client, admin, organisation):
    own = BookingRequestFactory(organisation=organisation, contact=admin)
    _invite(client, organisation, "colleague@example.org")
    client.force_login(User.objects.get(email="colleague@example.org"))
    response = client.get(reverse("bookings:portal"))
    assert own.reference in response.content.decode()


def test_an_existing_account_is_added_and_told_without_a_password_link(
    client, admin, organisation, mailoutbox, run_on_commit
):
    existing = MembershipFactory().user
    with run_on_commit():
        _invite(client, organisation, existing.email)
    assert OrganisationMembership.objects.filter(organisation=organisation, user=existing).exists()
    [mail] = mailoutbox
    assert "reset/key" not in mail.body
    assert "/portaal/" in mail.body


@pytest.mark.parametrize("make_account", ["coordinator", "expert"])
def test_staff_and_expert_addresses_are_never_attached_nor_emailed(
    client, admin, organisation, mailoutbox, run_on_commit, make_account
):
    if make_account == "coordinator":
        target = CoordinatorFactory()
    else:
        target = ExpertFactory(user=MembershipFactory().user).user
        OrganisationMembership.objects.filter(user=target).delete()
    with run_on_commit():
        response = _invite(client, organisation, target.email)
    # The inviter reads the same confirmation as for anyone else: no enumeration.
    assert "invitation" in response.content.decode().lower() or "uitnodiging" in (
        response.content.decode().lower()
    )
    assert not OrganisationMembership.objects.filter(
        organisation=organisation, user=target
    ).exists()
    assert mailoutbox == []


def test_a_bad_address_gets_a_translated_error_and_keeps_what_was_typed(
    client, admin, organisation
):
    response = client.post(
        reverse("bookings:team_invite", args=[organisation.pk]),
        {"email": "not-an-address", "language": "nl"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Voer een geldig e-mailadres in" in page
    assert 'value="not-an-address"' in page
    assert OrganisationMembership.objects.filter(organisation=organisation).count() == 1


def test_inviting_a_member_twice_says_so(client, admin, organisation):
    colleague = MembershipFactory(organisation=organisation).user
    response = client.post(
        reverse("bookings:team_invite", args=[organisation.pk]),
        {"email": colleague.email, "language": "nl"},
    )
    assert response.status_code == 400
    assert OrganisationMembership.objects.filter(organisation=organisation).count() == 2


def test_a_plain_contact_sees_the_team_but_cannot_invite_or_remove(client, organisation):
    MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN)
    contact = MembershipFactory(organisation=organisation).user
    client.force_login(contact)
    page = client.get(reverse("bookings:team")).content.decode()
    assert "Gemeente Noord" in page
    assert reverse("bookings:team_invite", args=[organisation.pk]) not in page
    response = _invite(client, organisation, "someone@example.org")
    assert not User.objects.filter(email="someone@example.org").exists()
    assert response.status_code == 400
    other = OrganisationMembership.objects.exclude(user=contact).first()
    url = reverse("bookings:team_remove", args=[organisation.pk, other.pk])
    assert client.get(url).status_code == 403
    client.post(url)
    assert OrganisationMembership.objects.filter(pk=other.pk).exists()


def test_admin_removes_a_colleague_after_confirming(client, admin, organisation):
    colleague = MembershipFactory(organisation=organisation)
    url = reverse("bookings:team_remove", args=[organisation.pk, colleague.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert colleague.user.email in confirm.content.decode()
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("bookings:team")
    assert not OrganisationMembership.objects.filter(pk=colleague.pk).exists()


def test_the_last_administrator_cannot_leave(client, admin, organisation):
    own = OrganisationMembership.objects.get(user=admin)
    response = client.post(reverse("bookings:team_remove", args=[organisation.pk, own.pk]))
    assert response.status_code == 400
    assert "administrator" in response.content.decode().lower() or "beheerder" in (
        response.content.decode().lower()
    )
    assert OrganisationMembership.objects.filter(pk=own.pk).exists()


def test_make_a_colleague_administrator(client, admin, organisation):
    colleague = MembershipFactory(organisation=organisation)
    client.post(reverse("bookings:team_make_admin", args=[organisation.pk, colleague.pk]))
    colleague.refresh_from_db()
    assert colleague.role == MembershipRole.ADMIN


def test_another_organisations_team_is_not_reachable(client, admin):
    other = OrganisationFactory(name="Politie Zuid")
    stranger = MembershipFactory(organisation=other)
    assert "Politie Zuid" not in client.get(reverse("bookings:team")).content.decode()
    assert (
        client.post(
            reverse("bookings:team_invite", args=[other.pk]), {"email": "x@example.org"}
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("bookings:team_remove", args=[other.pk, stranger.pk])).status_code == 404
    )
    assert (
        client.post(reverse("bookings:team_make_admin", args=[other.pk, stranger.pk])).status_code
        == 404
    )


def test_the_first_contact_of_a_new_organisation_is_its_administrator(client):
    from tests.factories.accounts import UserFactory

    user = UserFactory()
    from bookings.services.request_intake import booking_submit

    booking_submit(
        contact=user,
        data={
            "kind": "talk",
            "title": "A talk",
            "description": "About signals",
            "audience_description": "Teachers",
            "mode": "online",
            "duration_minutes": 60,
        },
        new_organisation={"name": "Stichting Nieuw", "kind": "ngo"},
        consent=True,
        confirmed=True,
    )
    membership = OrganisationMembership.objects.get(user=user)
    assert membership.role == MembershipRole.ADMIN


def test_booking_confirmation_prints_only_what_the_expert_allows(client, admin, organisation):
    booking_request = BookingRequestFactory(
        organisation=organisation, contact=admin, status=RequestStatus.SCHEDULED
    )
    hidden = ExpertFactory(public_name="Sterre", identity_mode="not_public")
    EngagementFactory(request=booking_request, expert=hidden, status=EngagementStatus.CONFIRMED)
    detail = client.get(reverse("bookings:request_detail", args=[booking_request.reference]))
    url = reverse("bookings:request_confirmation", args=[booking_request.reference])
    assert url in detail.content.decode()
    page = client.get(url).content.decode()
    assert booking_request.reference in page
    assert "Gemeente Noord" in page
    assert "Sterre" not in page
    assert "ervaringsdeskundige" in page.lower()


def test_no_confirmation_before_an_expert_is_confirmed(client, admin, organisation):
    booking_request = BookingRequestFactory(organisation=organisation, contact=admin)
    url = reverse("bookings:request_confirmation", args=[booking_request.reference])
    response = client.get(url)
    assert response.status_code == 302


def test_another_organisation_cannot_print_the_confirmation(client, admin):
    other = BookingRequestFactory(status=RequestStatus.SCHEDULED)
    EngagementFactory(request=other, status=EngagementStatus.CONFIRMED)
    url = reverse("bookings:request_confirmation", args=[other.reference])
    assert client.get(url).status_code == 404


def test_a_contact_asks_to_move_a_fixed_date_with_a_reason(
    client, admin, organisation, mailoutbox, run_on_commit
):
    from bookings.models import Message

    booking_request = BookingRequestFactory(
        organisation=organisation, contact=admin, status=RequestStatus.SCHEDULED
    )
    EngagementFactory(request=booking_request, status=EngagementStatus.CONFIRMED)
    detail = client.get(reverse("bookings:request_detail", args=[booking_request.reference]))
    url = reverse("bookings:request_ask_to_move", args=[booking_request.reference])
    assert url in detail.content.decode()

    empty = client.post(url, {"reason": "", "wished_dates": "any Tuesday"})
    assert empty.status_code == 400
    assert "any Tuesday" in empty.content.decode()  # what was typed is kept
    assert not Message.objects.filter(request=booking_request).exists()

    CoordinatorFactory()
    with run_on_commit():
        response = client.post(
            url, {"reason": "Our training day moved.", "wished_dates": "3 or 10 March"}
        )
    assert response.status_code == 302
    message = Message.objects.get(request=booking_request)
    assert message.from_organisation
    assert "Our training day moved." in message.body and "3 or 10 March" in message.body
    assert mailoutbox  # the coordinators are told at once
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.SCHEDULED  # the date stands until she agrees


def test_moving_is_offered_only_for_a_fixed_date(client, admin, organisation):
    booking_request = BookingRequestFactory(organisation=organisation, contact=admin)
    url = reverse("bookings:request_ask_to_move", args=[booking_request.reference])
    detail = client.get(reverse("bookings:request_detail", args=[booking_request.reference]))
    assert url not in detail.content.decode()
    assert client.post(url, {"reason": "x"}).status_code == 302
    other = BookingRequestFactory(status=RequestStatus.SCHEDULED)
    assert (
        client.get(reverse("bookings:request_ask_to_move", args=[other.reference])).status_code
        == 404
    )
