"""The public request form never attaches a staff member's or an expert's account to an
organisation, and never mails them; the visitor sees the same as for any other address."""

import pytest
from django.urls import reverse

from bookings.models import BookingRequest, Organisation, OrganisationMembership
from tests.bookings.test_intake import URL, guest_data
from tests.factories.accounts import CoordinatorFactory, EditorFactory, UserFactory
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db


def coordinator():
    return CoordinatorFactory(email="coordinator@platformhope.example")


def editor():
    return EditorFactory(email="editor@platformhope.example")


def expert():
    return ExpertFactory(with_user=True, user__email="lente@example.org").user


def superuser():
    return UserFactory(email="root@platformhope.example", is_superuser=True, is_staff=True)


@pytest.mark.parametrize("make_account", [coordinator, editor, expert, superuser])
def test_a_protected_address_attaches_nothing_and_mails_nobody(
    client, run_on_commit, mailoutbox, make_account
):
    account = make_account()
    CoordinatorFactory(email="someone-else@platformhope.example")
    with run_on_commit():
        response = client.post(URL, guest_data(email=account.email.upper()))
    # Exactly what an unknown address gets: the "check your email" page.
    assert response.status_code == 302
    assert response["Location"] == reverse("bookings:request_sent")
    assert not OrganisationMembership.objects.filter(user=account).exists()
    assert not Organisation.objects.exists()
    assert not BookingRequest.objects.exists()
    assert mailoutbox == []


def test_an_unknown_address_still_works_the_same_way(client, run_on_commit, mailoutbox):
    with run_on_commit():
        response = client.post(URL, guest_data(email="new-person@example.org"))
    assert response["Location"] == reverse("bookings:request_sent")
    assert BookingRequest.objects.get().contact.email == "new-person@example.org"
    assert [m.to for m in mailoutbox] == [["new-person@example.org"]]


@pytest.mark.parametrize("make_account", [coordinator, expert])
def test_signed_in_staff_and_experts_get_a_clear_refusal(client, make_account):
    account = make_account()
    client.force_login(account)
    response = client.post(
        URL, guest_data(organisation_name="Gemeente Ergens", organisation_kind="municipality")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Medewerkers en ervaringsdeskundigen kunnen geen" in html
    assert "Gemeente Ergens" in html  # what was typed stays
    assert not OrganisationMembership.objects.filter(user=account).exists()
    assert not BookingRequest.objects.exists()
