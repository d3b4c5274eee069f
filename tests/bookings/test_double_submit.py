"""The same form posted twice stores one thing: each form carries a one-time token, and a second
POST with it shows the first result (nothing stored, logged or emailed twice)."""

import re

import pytest
from django.urls import reverse

from bookings.enums import EngagementStatus
from bookings.models import Activity, BookingRequest, Message
from tests.bookings.test_expert_portal_engagements import asked_engagement
from tests.bookings.test_intake import URL, form_data, guest_data
from tests.factories.accounts import CoordinatorFactory
from tests.factories.bookings import BookingRequestFactory, MembershipFactory
from tests.factories.followup import ExpertWithUserFactory

pytestmark = pytest.mark.django_db


def token_in(response) -> str:
    match = re.search(r'name="submission_token" value="([0-9a-f]{32})"', response.content.decode())
    assert match, "the form carries a one-time token"
    return match.group(1)


@pytest.fixture
def member(client):
    user = MembershipFactory().user
    client.force_login(user)
    return user


class TestPublicRequestForm:
    def test_a_guest_posting_twice_stores_one_request_and_gets_one_email(
        self, client, run_on_commit, mailoutbox
    ):
        token = token_in(client.get(URL))
        for _ in range(2):
            with run_on_commit():
                response = client.post(URL, guest_data(submission_token=token))
            assert response.status_code == 302
            assert response["Location"] == reverse("bookings:request_sent")
        assert BookingRequest.objects.count() == 1
        assert len(mailoutbox) == 1

    def test_a_contact_posting_twice_sees_the_same_request(self, client, member, run_on_commit):
        CoordinatorFactory()
        token = token_in(client.get(URL))
        first = client.post(URL, form_data(submission_token=token))
        second = client.post(URL, form_data(submission_token=token))
        booking_request = BookingRequest.objects.get()
        detail = reverse("bookings:request_detail", args=[booking_request.reference])
        assert first["Location"] == second["Location"] == detail
        assert Activity.objects.filter(request=booking_request).count() == 2  # created + triage

    def test_each_new_form_is_a_new_request(self, client, member):
        first_token, second_token = token_in(client.get(URL)), token_in(client.get(URL))
        assert first_token != second_token
        client.post(URL, form_data(submission_token=first_token))
        client.post(URL, form_data(submission_token=second_token))
        assert BookingRequest.objects.count() == 2

    def test_the_token_survives_a_form_with_errors(self, client, member):
        token = token_in(client.get(URL))
        response = client.post(URL, form_data(submission_token=token, title=""))
        assert response.status_code == 200
        assert token_in(response) == token


class TestPortalMessage:
    def test_posting_the_same_message_twice_stores_it_once(
        self, client, member, run_on_commit, mailoutbox
    ):
        CoordinatorFactory()
        booking_request = BookingRequestFactory(
            organisation=member.organisation_memberships.get().organisation, contact=member
        )
        detail = reverse("bookings:request_detail", args=[booking_request.reference])
        token = token_in(client.get(detail))
        url = reverse("bookings:request_message", args=[booking_request.reference])
        for _ in range(2):
            with run_on_commit():
                response = client.post(
                    url, {"body": "Can it be online?", "submission_token": token}
                )
            assert response.status_code == 302
        assert Message.objects.filter(request=booking_request).count() == 1
        assert len(mailoutbox) == 1

    def test_someone_elses_token_stores_nothing(self, client, member):
        organisation = member.organisation_memberships.get().organisation
        mine = BookingRequestFactory(organisation=organisation, contact=member)
        other = MembershipFactory().user
        theirs = BookingRequestFactory(
            organisation=other.organisation_memberships.get().organisation, contact=other
        )
        token = "a" * 32
        Message.objects.create(request=theirs, author=other, body="x", submission_token=token)
        response = client.post(
            reverse("bookings:request_message", args=[mine.reference]),
            {"body": "Hello", "submission_token": token},
        )
        assert response.status_code == 200
        assert "Hello" in response.content.decode()
        assert not Message.objects.filter(request=mine).exists()


def test_the_coordinators_message_in_the_workspace_is_stored_once(
    client, run_on_commit, mailoutbox
):
    booking_request = BookingRequestFactory()
    client.force_login(CoordinatorFactory())
    url = reverse("booking_requests:inspect", args=[booking_request.pk])
    token = token_in(client.get(url))
    for _ in range(2):
        with run_on_commit():
            response = client.post(
                url, {"action": "message", "body": "We call you.", "submission_token": token}
            )
        assert response.status_code == 302
    assert Message.objects.filter(request=booking_request).count() == 1
    assert len(mailoutbox) == 1


def test_the_experts_answer_posted_twice_counts_once(client):
    expert = ExpertWithUserFactory(user__preferred_language="en")
    engagement = asked_engagement(expert)
    client.force_login(expert.user)
    url = reverse("engagements:answer", args=[engagement.pk])
    first = client.post(url, {"choice": "no", "note": ""})
    assert first.status_code == 302
    activities = Activity.objects.count()
    second = client.post(url, {"choice": "no", "note": ""}, follow=True)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.DECLINED
    # The second answer changes nothing: the question is closed, the detail page says so.
    assert second.redirect_chain[0][0].endswith(reverse("engagements:detail", args=[engagement.pk]))
    assert Activity.objects.count() == activities
