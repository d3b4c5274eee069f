"""Every email in its reader's language, labels and links included."""

import pytest
from django.utils import translation

from bookings.services import engagements as services
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_dutch_coordinator_asks_an_english_expert_who_reads_english_labels(
    run_on_commit, mailoutbox
):
    coordinator = CoordinatorFactory(preferred_language="nl")
    expert = FittingExpertFactory(with_user=True, user__preferred_language="en")
    booking_request = MatchingRequestFactory(
        organisation=OrganisationFactory(name="Lindendal", kind="municipality"),
        title="Signals in youth care",
    )
    with translation.override("nl"), run_on_commit():  # the coordinator works in Dutch
        services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            date_option=booking_request.date_options.get(),
        )
    (message,) = [m for m in mailoutbox if expert.user.email in m.to]
    body = message.body
    assert "(Municipality)" in body
    assert "Gemeente" not in body
    with translation.override("en"):
        english_kind = booking_request.get_kind_display()
    with translation.override("nl"):
        dutch_kind = booking_request.get_kind_display()
    assert english_kind in body
    assert english_kind == dutch_kind or dutch_kind not in body


def test_media_question_labels_the_outlet_as_outlet(run_on_commit, mailoutbox, client):
    coordinator = CoordinatorFactory()
    expert = FittingExpertFactory(with_user=True, user__preferred_language="nl")
    booking_request = MatchingRequestFactory(
        kind="media_interview", media_outlet="Dagblad Lindendal", media_medium="print"
    )
    with translation.override("nl"), run_on_commit():
        engagement = services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            date_option=booking_request.date_options.get(),
        )
    (message,) = [m for m in mailoutbox if expert.user.email in m.to]
    assert "Medium of titel: Dagblad Lindendal" in message.body
    assert "Soort medium: Dagblad" not in message.body
    client.force_login(expert.user)
    from django.urls import reverse

    html = client.get(reverse("engagements:detail", args=[engagement.pk])).content.decode()
    assert "<dt>Medium of titel</dt><dd>Dagblad Lindendal" in html


def test_question_email_greets_her_by_the_name_she_goes_by(run_on_commit, mailoutbox):
    expert = FittingExpertFactory(
        with_user=True, public_name="Sterre", user__first_name="", user__preferred_language="nl"
    )
    booking_request = MatchingRequestFactory()
    with run_on_commit():
        services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=CoordinatorFactory(),
            date_option=booking_request.date_options.get(),
        )
    (message,) = [m for m in mailoutbox if expert.user.email in m.to]
    assert message.body.startswith("Hallo Sterre,")


def test_receipt_to_an_english_contact_links_to_english_pages_and_coordinator_to_workspace(
    run_on_commit, mailoutbox
):
    from django.urls import reverse

    from bookings.services.request_intake import booking_confirm_guest
    from tests.factories.accounts import UserFactory
    from tests.factories.bookings import BookingRequestFactory, MembershipFactory

    contact = UserFactory(preferred_language="en")
    membership = MembershipFactory(user=contact)
    coordinator = CoordinatorFactory(preferred_language="nl")
    booking_request = BookingRequestFactory(
        organisation=membership.organisation, contact=contact, status="awaiting_confirmation"
    )
    with translation.override("nl"), run_on_commit():
        booking_confirm_guest(user=contact)
    (receipt,) = [m for m in mailoutbox if contact.email in m.to]
    assert f"http://testserver/en/portal/requests/{booking_request.reference}/" in receipt.body
    (to_coordinator,) = [m for m in mailoutbox if coordinator.email in m.to]
    workspace = reverse("booking_requests:inspect", args=[booking_request.pk])
    assert f"http://testserver{workspace}" in to_coordinator.body
