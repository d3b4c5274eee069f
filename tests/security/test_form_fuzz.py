"""Property-based tests (hypothesis) over every public and portal form.

Each form is POSTed through the Django test client, as the person who uses it, with each field
either valid or nasty (NUL bytes, 120 000 characters, unicode, HTML/JS and template payloads,
9999-12-31 and past dates, negative and huge numbers). Whatever comes in: no server error,
every error message in Dutch (the default language), and nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from bookings.enums import EngagementStatus, RequestStatus
from tests.factories.bookings import BookingRequestFactory, OrganisationContactFactory
from tests.factories.followup import (
    DeliveredEngagementFactory,
    ExpertEngagementFactory,
    ExpertWithUserFactory,
)
from tests.security.fuzz import FUZZ_SETTINGS, NASTY, FuzzReport, field_values, post_and_check

pytestmark = pytest.mark.django_db

IN_A_MONTH = (timezone.localdate() + dt.timedelta(days=30)).isoformat()

REQUEST_FIELDS = {
    "kind": "talk",
    "title": "Training for our youth workers",
    "description": "We want our team to recognise signals earlier.",
    "audience_description": "Youth workers",
    "audience_kind": "professionals",
    "audience_size": "25",
    "mode": "in_person",
    "place": "Utrecht",
    "duration_minutes": "90",
    "fee_offered": "250.00",
    "date_1": IN_A_MONTH,
    "start_1": "10:00",
    "end_1": "12:00",
    "date_2": "",
    "start_2": "",
    "end_2": "",
    "media_outlet": "Dagblad Voorbeeld",
    "media_medium": "print",
    "media_publication_date": IN_A_MONTH,
    "media_questions": "1. How did it start?",
    "media_identity_conditions_accepted": "on",
    "media_support_person": "A coordinator",
    "media_quote_review_agreed": "on",
    "preferred_expert": "",
    "offering": "",
    "consent": "on",
}
GUEST_FIELDS = {
    "first_name": "Sam",
    "last_name": "Jansen",
    "email": "sam@example.org",
    "organisation_name": "Gemeente Voorbeeld",
    "organisation_kind": "municipality",
    "organisation_website": "https://www.example.org/",
}
KINDS = st.sampled_from(["talk", "media_interview", "training"])


@pytest.fixture
def contact(db):
    return OrganisationContactFactory()


@pytest.fixture
def contact_client(client, contact):
    client.force_login(contact)
    return client


@pytest.fixture
def expert(db):
    return ExpertWithUserFactory()


@pytest.fixture
def expert_client(client, expert):
    client.force_login(expert.user)
    return client


def _own_request(contact, **kwargs):
    organisation = contact.organisation_memberships.get().organisation
    return BookingRequestFactory(organisation=organisation, contact=contact, **kwargs)


# --- public forms ----------------------------------------------------------------------------


@FUZZ_SETTINGS
@given(data=field_values({**REQUEST_FIELDS, **GUEST_FIELDS}), kind=KINDS)
def test_public_request_form_as_a_guest(client, data, kind):
    post_and_check(
        client,
        reverse("bookings:request_new"),
        {**data, "kind": kind if data["kind"] == "talk" else data["kind"]},
        form_name="public request form (guest, with media fields)",
    )


@FUZZ_SETTINGS
@given(data=field_values(REQUEST_FIELDS), kind=KINDS)
def test_public_request_form_as_a_contact(contact_client, data, kind):
    post_and_check(
        contact_client,
        reverse("bookings:request_new"),
        {**data, "kind": kind if data["kind"] == "talk" else data["kind"]},
        form_name="public request form (organisation contact)",
    )


@FUZZ_SETTINGS
@given(key=NASTY)
def test_guest_confirmation_link(client, key):
    key = key.replace("/", "") or "x"
    post_and_check(
        client,
        f"/accounts/e-mailadres-bevestigen/{key[:500]}/",
        {},
        form_name="guest confirmation (allauth's email confirmation)",
    )


@FUZZ_SETTINGS
@given(
    data=field_values(
        {"email": "new.person@example.org", "password1": "a-long-pass-2026", "password2": "x"}
    )
)
def test_account_signup(client, data):
    post_and_check(client, reverse("account_signup"), data, form_name="account signup")


# --- the organisation portal -----------------------------------------------------------------


@FUZZ_SETTINGS
@given(data=field_values({**REQUEST_FIELDS, "version": "1"}))
def test_portal_request_edit(contact_client, contact, data):
    booking_request = _own_request(contact)
    data = {key: value for key, value in data.items() if key != "consent"}
    post_and_check(
        contact_client,
        reverse("bookings:request_edit", args=[booking_request.reference]),
        data,
        form_name="portal: edit a request",
    )


@FUZZ_SETTINGS
@given(data=field_values({"body": "Could the session also cover online recruitment?"}))
def test_portal_message(contact_client, contact, data):
    booking_request = _own_request(contact)
    post_and_check(
        contact_client,
        reverse("bookings:request_message", args=[booking_request.reference]),
        data,
        form_name="portal: message",
    )


@FUZZ_SETTINGS
@given(data=field_values({"reason": "The training was cancelled.", "version": "1"}))
def test_portal_withdraw(contact_client, contact, data):
    booking_request = _own_request(contact)
    post_and_check(
        contact_client,
        reverse("bookings:request_withdraw", args=[booking_request.reference]),
        data,
        form_name="portal: withdraw",
    )


@FUZZ_SETTINGS
@given(data=field_values({"rating": "4", "went_well": "Honest talk.", "what_changed": "More."}))
def test_portal_evaluate(contact_client, contact, data):
    booking_request = _own_request(contact, status=RequestStatus.DELIVERED)
    post_and_check(
        contact_client,
        reverse("bookings:request_evaluate", args=[booking_request.reference]),
        data,
        form_name="portal: evaluate",
    )


# --- the expert portal -----------------------------------------------------------------------

PROFILE_FIELDS = {
    "public_name": "Noor",
    "identity_mode": "pseudonym",
    "show_photo": "",
    "short_bio": "I talk about what helped me.",
    "bio": "<p>About me.</p>",
    "formats": "talk",
    "audiences": "professionals",
    "regions": "utrecht",
    "languages": "nl",
    "media_face_visible": "",
    "media_voice_altered": "on",
    "media_name_on_record": "",
    "media_recording_allowed": "",
    "media_quote_review_required": "on",
    "monthly_capacity": "2",
    "rest_days_after_heavy": "3",
}


@FUZZ_SETTINGS
@given(data=field_values(PROFILE_FIELDS))
def test_expert_profile(expert_client, data):
    post_and_check(expert_client, reverse("speakers:profile"), data, form_name="expert: profile")


@FUZZ_SETTINGS
@given(
    data=field_values(
        {
            "start_date": IN_A_MONTH,
            "start_time": "09:00",
            "end_date": "",
            "end_time": "17:00",
            "repeat": "once",
            "repeat_until": "",
            "label": "dentist",
        }
    )
)
def test_expert_availability(expert_client, data):
    post_and_check(
        expert_client,
        reverse("speakers:availability"),
        data,
        form_name="expert: unavailable period",
    )


@FUZZ_SETTINGS
@given(data=field_values({"paused_until": IN_A_MONTH}))
def test_expert_pause(expert_client, data):
    post_and_check(expert_client, reverse("speakers:pause"), data, form_name="expert: pause")


@FUZZ_SETTINGS
@given(data=field_values({"choice": "no", "note": "Not this month."}))
def test_expert_answer(expert_client, expert, data):
    engagement = ExpertEngagementFactory(expert=expert)
    post_and_check(
        expert_client,
        reverse("engagements:answer", args=[engagement.pk]),
        data,
        form_name="expert: answer a question",
    )


@FUZZ_SETTINGS
@given(data=field_values({"answer": "fine"}))
def test_expert_aftercare_checkin(expert_client, expert, data):
    engagement = DeliveredEngagementFactory(expert=expert)
    post_and_check(
        expert_client,
        reverse("engagements:aftercare", args=[engagement.pk]),
        data,
        form_name="expert: aftercare check-in",
    )


@FUZZ_SETTINGS
@given(data=field_values({"how_it_went": "Went well.", "work_again": "yes"}))
def test_expert_feedback(expert_client, expert, data):
    engagement = DeliveredEngagementFactory(expert=expert, status=EngagementStatus.AFTERCARE_DONE)
    post_and_check(
        expert_client,
        reverse("engagements:feedback", args=[engagement.pk]),
        data,
        form_name="expert: feedback",
    )


@FUZZ_SETTINGS
@given(data=field_values({"claimed_on": "", "amount": "100"}, only_nasty=("claimed_on", "amount")))
def test_expert_fee_claim(expert_client, expert, data):
    engagement = DeliveredEngagementFactory(expert=expert, fee=Decimal("150.00"))
    post_and_check(
        expert_client,
        reverse("engagements:fee_claimed", args=[engagement.pk]),
        data,
        form_name="expert: fee claimed",
    )


def test_zz_report_fuzz_figures(capsys):
    """Prints the figures (runs last in this module, in the same process)."""
    with capsys.disabled():
        print(
            f"\nform fuzzing: {len(FuzzReport.forms)} forms, {FuzzReport.examples} examples "
            "in this process"
        )
