"""The organisation portal: who sees which request, and what they can do with it."""

import re

import pytest
from django.urls import reverse

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import Activity, BookingRequest, Evaluation, Message
from bookings.services.request_messages import message_post
from bookings.services.request_status import booking_set_status
from tests.factories.accounts import CoordinatorFactory
from tests.factories.bookings import (
    BookingRequestFactory,
    EngagementFactory,
    MembershipFactory,
    OrganisationFactory,
)
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db
S = RequestStatus


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Gemeente Noord")


@pytest.fixture
def member(client, organisation):
    user = MembershipFactory(organisation=organisation).user
    client.force_login(user)
    return user


@pytest.fixture
def own_request(organisation, member):
    return BookingRequestFactory(organisation=organisation, contact=member)


@pytest.fixture
def other_request():
    return BookingRequestFactory(title="Secret plans of another organisation")


def url(name, booking_request):
    return reverse(f"bookings:{name}", args=[booking_request.reference])


def test_portal_needs_login(client):
    response = client.get(reverse("bookings:portal"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_portal_lists_the_organisations_requests_only(client, member, organisation, other_request):
    colleague_request = BookingRequestFactory(organisation=organisation, title="From a colleague")
    response = client.get(reverse("bookings:portal"))
    html = response.content.decode()
    assert colleague_request.reference in html
    assert other_request.reference not in html
    assert other_request.title not in html


def test_unconfirmed_requests_are_shown_only_to_their_sender(client, member, organisation):
    colleague = MembershipFactory(organisation=organisation).user
    waiting = BookingRequestFactory(
        organisation=organisation, contact=colleague, status=S.AWAITING_CONFIRMATION
    )
    assert waiting.reference not in client.get(reverse("bookings:portal")).content.decode()
    assert client.get(url("request_detail", waiting)).status_code == 404
    client.force_login(colleague)
    assert waiting.reference in client.get(reverse("bookings:portal")).content.decode()


def test_portal_query_count_does_not_grow_with_requests(
    client, member, organisation, django_assert_max_num_queries
):
    BookingRequestFactory.create_batch(3, organisation=organisation)
    client.get(reverse("bookings:portal"))  # warm up: site settings are created on first use
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("bookings:portal"))
    BookingRequestFactory.create_batch(17, organisation=organisation)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(reverse("bookings:portal"))
    assert len(response.context["rows"]) == 20
    assert len(many.captured_queries) == len(few.captured_queries)


def _link(html: str, rel: str) -> str | None:
    match = re.search(rf'<a href="([^"]+)" rel="{rel}">([^<]+)</a>', html)
    return match and match.group(1)


def test_portal_pages_through_newer_and_older_requests(client, member, organisation):
    made = BookingRequestFactory.create_batch(41, organisation=organisation)
    newest_first = [r.reference for r in sorted(made, key=lambda r: (r.created_at, r.pk))][::-1]
    portal = reverse("bookings:portal")

    first = client.get(portal)
    html = first.content.decode()
    assert [row["request"].reference for row in first.context["rows"]] == newest_first[:20]
    assert "Oudere aanvragen" in html and _link(html, "prev") is None

    second = client.get(portal + _link(html, "next").replace("&amp;", "&"))
    assert [row["request"].reference for row in second.context["rows"]] == newest_first[20:40]
    third = client.get(portal + _link(second.content.decode(), "next"))
    assert [row["request"].reference for row in third.context["rows"]] == newest_first[40:]
    assert _link(third.content.decode(), "next") is None  # the oldest: no "older" link

    back = client.get(portal + _link(third.content.decode(), "prev"))
    assert [row["request"].reference for row in back.context["rows"]] == newest_first[20:40]
    assert "Nieuwere aanvragen" in back.content.decode()
    back_to_first = client.get(portal + _link(back.content.decode(), "prev"))
    assert [r["request"].reference for r in back_to_first.context["rows"]] == newest_first[:20]
    assert _link(back_to_first.content.decode(), "prev") is None


@pytest.mark.parametrize("cursor", ["zzz", "99999999999999999-1", "-5", "1-", "page=2"])
def test_a_made_up_cursor_shows_the_first_page(client, member, organisation, cursor):
    BookingRequestFactory.create_batch(3, organisation=organisation)
    for direction in ("older", "newer"):
        response = client.get(reverse("bookings:portal"), {direction: cursor})
        assert response.status_code == 200
        assert len(response.context["rows"]) == 3


def test_the_portal_without_requests_says_so(client, member):
    html = client.get(reverse("bookings:portal")).content.decode()
    assert "Er zijn nog geen aanvragen." in html
    assert 'class="pagination"' not in html


def test_detail_shows_timeline_and_thread_but_no_internal_notes(client, member, own_request):
    coordinator = CoordinatorFactory(first_name="Anna")
    booking_set_status(
        booking_request=own_request,
        new_status=S.MORE_INFO_NEEDED,
        actor=coordinator,
        message="How old are the pupils?",
    )
    message_post(booking_request=own_request, author=coordinator, body="Welcome <b>aboard</b>")
    message_post(
        booking_request=own_request,
        author=coordinator,
        body="Internal: org seems new",
        internal=True,
    )
    response = client.get(url("request_detail", own_request))
    html = response.content.decode()
    assert response.status_code == 200
    assert "How old are the pupils?" in html
    assert "Welcome &lt;b&gt;aboard&lt;/b&gt;" in html  # plain text, escaped
    assert "Internal: org seems new" not in html
    assert "Anna, Platform HOPE" in html
    assert Message.objects.filter(read_by_organisation_at__isnull=False).count() == 1


def test_expert_is_shown_only_when_confirmed_and_only_by_public_name(client, member, own_request):
    named = ExpertFactory(public_name="Mila", identity_mode="pseudonym")
    hidden = ExpertFactory(public_name="Real Name Hidden", identity_mode="not_public")
    EngagementFactory(request=own_request, expert=named, status=EngagementStatus.ASKED)
    html = client.get(url("request_detail", own_request)).content.decode()
    assert "Mila" not in html
    Activity.objects.all().delete()
    own_request.engagements.update(status=EngagementStatus.CONFIRMED)
    EngagementFactory(request=own_request, expert=hidden, status=EngagementStatus.CONFIRMED)
    html = client.get(url("request_detail", own_request)).content.decode()
    assert "Mila" in html
    assert "Real Name Hidden" not in html
    assert "An expert by experience of Platform HOPE" in html or "ervaringsdeskundige" in html


def test_member_sends_a_message(client, member, own_request, run_on_commit, mailoutbox):
    coordinator = CoordinatorFactory()
    with run_on_commit():
        response = client.post(url("request_message", own_request), {"body": "One more thing"})
    assert response.status_code == 302
    assert Message.objects.get().body == "One more thing"
    assert [m.to for m in mailoutbox] == [[coordinator.email]]


def test_empty_or_overlong_message_is_refused(client, member, own_request):
    response = client.post(url("request_message", own_request), {"body": "  "})
    assert response.status_code == 200
    assert response.context["message_form"].errors
    response = client.post(url("request_message", own_request), {"body": "x" * 5001})
    assert response.context["message_form"].errors
    assert not Message.objects.exists()


def test_member_edits_while_in_triage(client, member, own_request):
    response = client.get(url("request_edit", own_request))
    assert response.status_code == 200
    data = {
        key: value
        for key, value in response.context["form"].initial.items()
        if value is not None and key != "topics"
    }
    data.update(title="A better title", version=own_request.version)
    response = client.post(url("request_edit", own_request), data)
    assert response.status_code == 302, response.context["form"].errors
    own_request.refresh_from_db()
    assert own_request.title == "A better title"


def test_stale_edit_is_refused(client, member, own_request):
    data = {
        "kind": own_request.kind,
        "title": "Overwrite",
        "description": own_request.description,
        "audience_description": "x",
        "mode": "online",
        "version": own_request.version - 1 if own_request.version > 1 else 99,
    }
    response = client.post(url("request_edit", own_request), data)
    assert response.status_code == 200
    own_request.refresh_from_db()
    assert own_request.title != "Overwrite"


def test_edit_after_triage_redirects_to_the_request(client, member, own_request):
    BookingRequest.objects.filter(pk=own_request.pk).update(status=S.MATCHING)
    response = client.post(url("request_edit", own_request), {"title": "x"})
    assert response.status_code == 302
    own_request.refresh_from_db()
    assert own_request.title != "x"


def test_withdraw_with_reason(client, member, own_request):
    assert client.get(url("request_withdraw", own_request)).status_code == 200
    response = client.post(
        url("request_withdraw", own_request), {"reason": "Plans changed", "version": 1}
    )
    assert response.status_code == 302
    own_request.refresh_from_db()
    assert own_request.status == S.WITHDRAWN


def test_evaluation_after_delivery(client, member, own_request):
    response = client.get(url("request_evaluate", own_request))
    assert response.status_code == 302  # not yet delivered
    BookingRequest.objects.filter(pk=own_request.pk).update(status=S.DELIVERED)
    response = client.post(url("request_evaluate", own_request), {"rating": "9"})
    assert response.status_code == 200
    assert not Evaluation.objects.exists()
    response = client.post(
        url("request_evaluate", own_request),
        {"rating": "5", "went_well": "Honest", "what_changed": "New protocol"},
    )
    assert response.status_code == 302
    assert Evaluation.objects.get().what_changed == "New protocol"


def test_sender_confirms_a_request_by_logging_in(client, member, organisation):
    waiting = BookingRequestFactory(
        organisation=organisation, contact=member, status=S.AWAITING_CONFIRMATION
    )
    response = client.post(url("request_confirm", waiting))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == S.IN_TRIAGE


@pytest.mark.parametrize(
    ("name", "method", "data"),
    [
        ("request_detail", "get", None),
        ("request_edit", "get", None),
        ("request_edit", "post", {"title": "Hacked"}),
        ("request_withdraw", "get", None),
        ("request_withdraw", "post", {"reason": "x"}),
        ("request_message", "post", {"body": "Hello from outside"}),
        ("request_evaluate", "get", None),
        ("request_evaluate", "post", {"rating": "1"}),
        ("request_confirm", "post", None),
    ],
)
def test_another_organisations_request_is_a_404(client, member, other_request, name, method, data):
    BookingRequest.objects.filter(pk=other_request.pk).update(status=S.DELIVERED)
    response = getattr(client, method)(url(name, other_request), data or {})
    assert response.status_code == 404
    other_request.refresh_from_db()
    assert other_request.status == S.DELIVERED
    assert other_request.title != "Hacked"
    assert not Message.objects.exists()
    assert not Evaluation.objects.exists()


def test_guessing_by_id_or_made_up_reference_is_a_404(client, member, other_request):
    for reference in (str(other_request.pk), "HOPE-2026-9999", "../../admin"):
        assert client.get(f"/portaal/aanvragen/{reference}/").status_code == 404


def test_english_portal_url(client, member):
    assert client.get("/en/portal/").status_code == 200
