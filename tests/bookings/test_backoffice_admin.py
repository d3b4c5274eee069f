"""The back office in the Wagtail admin: coordinators only, listing, workspace, matching,
organisations and the dashboard."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import (
    ActivityKind,
    EngagementKind,
    EngagementStatus,
    OrganisationKind,
    RequestStatus,
)
from bookings.models import Activity, BookingRequest, Engagement, Message
from tests.factories.accounts import CoordinatorFactory, EditorFactory, UserFactory, english_admin
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days
from tests.factories.bookings import (
    BookingRequestFactory,
    DateOptionFactory,
    EngagementFactory,
    MessageFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator():
    return english_admin(CoordinatorFactory())


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def index_url():
    return reverse("booking_requests:index")


def workspace_url(booking_request):
    return reverse("booking_requests:inspect", args=[booking_request.pk])


def matching_url(booking_request):
    return reverse("booking_requests:matching", args=[booking_request.pk])


# --- who may see it -----------------------------------------------------------------------------


def admin_urls(booking_request):
    return [
        index_url(),
        reverse("booking_requests:index_results"),
        workspace_url(booking_request),
        matching_url(booking_request),
        reverse("organisations:index"),
        reverse("organisations:inspect", args=[booking_request.organisation.pk]),
        reverse("organisations:edit", args=[booking_request.organisation.pk]),
    ]


def test_editors_are_turned_away_from_every_back_office_page(client):
    booking_request = MatchingRequestFactory()
    client.force_login(EditorFactory())
    for url in admin_urls(booking_request):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home"), url
    response = client.post(
        workspace_url(booking_request),
        {"action": "status", "status": "declined", "message": "No", "version": 1},
    )
    assert response.status_code in (302, 403)
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.MATCHING


def test_organisation_contacts_and_strangers_are_turned_away(client):
    booking_request = MatchingRequestFactory()
    for user in (booking_request.contact, UserFactory()):
        client.force_login(user)
        for url in admin_urls(booking_request):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert booking_request.title.encode() not in response.content


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    booking_request = MatchingRequestFactory()
    for url in admin_urls(booking_request):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("account_login") in response.url


def test_editors_see_no_bookings_menu_or_dashboard(client):
    MatchingRequestFactory()
    client.force_login(EditorFactory())
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert index_url().encode() not in response.content
    assert b"hope-triage-section" not in response.content


def test_no_add_edit_or_delete_views_for_requests():
    from django.urls import NoReverseMatch

    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"booking_requests:{name}", args=[1] if name != "add" else [])


# --- the listing --------------------------------------------------------------------------------


def test_listing_shows_confirmed_requests_but_never_a_guests_unconfirmed_one(coordinator_client):
    visible = BookingRequestFactory(title="Training for the youth team")
    hidden = BookingRequestFactory(
        title="Guest has not confirmed", status=RequestStatus.AWAITING_CONFIRMATION
    )
    response = coordinator_client.get(index_url())
    assert response.status_code == 200
    assert visible.title.encode() in response.content
    assert hidden.title.encode() not in response.content
    assert coordinator_client.get(workspace_url(hidden)).status_code == 404
    assert coordinator_client.get(matching_url(hidden)).status_code == 404


def results(client, **params):
    response = client.get(reverse("booking_requests:index_results"), params)
    assert response.status_code == 200
    return list(response.context["object_list"])


def test_listing_filters(coordinator_client, coordinator):
    police = OrganisationFactory(kind=OrganisationKind.POLICE)
    triage = BookingRequestFactory(organisation=police, kind=EngagementKind.TRAINING)
    matching = BookingRequestFactory(status=RequestStatus.MATCHING, coordinator=coordinator)
    old = BookingRequestFactory(status=RequestStatus.CLOSED)
    BookingRequest.objects.filter(pk=old.pk).update(
        confirmed_at=timezone.now() - dt.timedelta(days=60)
    )
    DateOptionFactory(request=matching, starts_at=in_days(40), ends_at=in_days(40, hour=12))

    assert results(coordinator_client, status="matching") == [matching]
    assert results(coordinator_client, kind="training") == [triage]
    assert results(coordinator_client, organisation_kind="police") == [triage]
    assert results(coordinator_client, coordinator=coordinator.pk) == [matching]
    since = (timezone.localdate() - dt.timedelta(days=7)).isoformat()
    assert set(results(coordinator_client, received_from=since)) == {triage, matching}
    wanted_from = (timezone.localdate() + dt.timedelta(days=35)).isoformat()
    assert results(coordinator_client, wanted_from=wanted_from) == [matching]
    # In triage needs attention; a quiet request in matching and a closed one do not.
    assert results(coordinator_client, needs_attention="true") == [triage]
    MessageFactory(request=matching)  # an unread message from the organisation
    assert set(results(coordinator_client, needs_attention="true")) == {triage, matching}


def test_listing_search_by_reference_organisation_and_title(coordinator_client):
    target = BookingRequestFactory(
        title="Signals behind behaviour", organisation=OrganisationFactory(name="Gemeente Zwolle")
    )
    BookingRequestFactory(title="Something else")
    for query in (target.reference, "zwolle", "behind behav"):
        assert results(coordinator_client, q=query) == [target], query


def test_listing_sorting(coordinator_client):
    b = BookingRequestFactory(title="B talk")
    a = BookingRequestFactory(title="A talk")
    assert results(coordinator_client, ordering="title") == [a, b]
    assert results(coordinator_client, ordering="-title") == [b, a]
    assert results(coordinator_client, ordering="reference") == [b, a]


def test_listing_query_count_is_bounded_with_500_requests(
    coordinator_client, django_assert_max_num_queries
):
    organisations = [OrganisationFactory() for _ in range(5)]
    requests = BookingRequestFactory.build_batch(520, organisation=organisations[0], contact=None)
    for index, booking_request in enumerate(requests):
        booking_request.organisation = organisations[index % 5]
        booking_request.reference = f"HOPE-2026-{index + 1000:04d}"
    BookingRequest.objects.bulk_create(requests)
    assert BookingRequest.objects.count() == 520

    with django_assert_max_num_queries(25) as captured:
        response = coordinator_client.get(index_url(), {"ordering": "first_date"})
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 50
    with django_assert_max_num_queries(len(captured.captured_queries)):
        coordinator_client.get(index_url(), {"p": 5, "status": "in_triage", "q": "talk"})


# --- the workspace ------------------------------------------------------------------------------


def test_workspace_shows_request_organisation_timeline_messages_and_only_allowed_actions(
    coordinator_client,
):
    booking_request = BookingRequestFactory(title="Recognising grooming")
    MessageFactory(request=booking_request, body="Can it be in the evening?")
    Message.objects.create(request=booking_request, body="Call them first", internal=True)

    response = coordinator_client.get(workspace_url(booking_request))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Recognising grooming" in content
    assert booking_request.organisation.name in content
    assert "Can it be in the evening?" in content
    assert "Call them first" in content
    offered = {action["status"] for action in response.context["actions"]}
    assert offered == {"matching", "more_info_needed", "declined", "cancelled"}
    # The organisation's message is now read by a coordinator.
    assert not Message.objects.filter(
        from_organisation=True, read_by_coordinator_at__isnull=True
    ).exists()


@pytest.mark.parametrize(
    "status, expected",
    [
        (RequestStatus.IN_TRIAGE, {"matching", "more_info_needed", "declined", "cancelled"}),
        (
            RequestStatus.MATCHING,
            {"more_info_needed", "no_expert_available", "declined", "cancelled"},
        ),
        (RequestStatus.DELIVERED, {"closed"}),
        (RequestStatus.CLOSED, set()),
        (RequestStatus.NO_EXPERT_AVAILABLE, {"matching"}),
    ],
)
def test_workspace_actions_come_from_the_transition_table(coordinator_client, status, expected):
    booking_request = BookingRequestFactory(status=status)
    response = coordinator_client.get(workspace_url(booking_request))
    assert {action["status"] for action in response.context["actions"]} == expected


def post_status(client, booking_request, status, message="", version=None):
    return client.post(
        workspace_url(booking_request),
        {
            "action": "status",
            "status": status,
            "message": message,
            "version": version or booking_request.version,
        },
    )


def test_accept_for_matching(coordinator_client, coordinator, run_on_commit, mailoutbox):
    booking_request = BookingRequestFactory()
    with run_on_commit():
        response = post_status(coordinator_client, booking_request, "matching")
    assert response.status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.MATCHING
    activity = Activity.objects.get(kind=ActivityKind.STATUS_CHANGED)
    assert activity.actor == coordinator
    assert activity.new_status == RequestStatus.MATCHING
    assert [booking_request.contact.email] in [mail.to for mail in mailoutbox]


def test_asking_for_more_information_needs_a_message_and_keeps_what_was_typed(
    coordinator_client,
):
    booking_request = BookingRequestFactory()

    response = post_status(coordinator_client, booking_request, "more_info_needed", message="  ")
    assert response.status_code == 200
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.IN_TRIAGE
    assert b"kind message" in response.content

    response = post_status(
        coordinator_client, booking_request, "more_info_needed", message="Which age group?"
    )
    assert response.status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.MORE_INFO_NEEDED
    assert Activity.objects.filter(message="Which age group?").exists()


def test_decline_with_a_kind_message(coordinator_client, run_on_commit, mailoutbox):
    booking_request = BookingRequestFactory()
    with run_on_commit():
        post_status(
            coordinator_client,
            booking_request,
            "declined",
            message="We do not give talks to companies in this sector; please contact CKM.",
        )
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.DECLINED
    assert [booking_request.contact.email] in [mail.to for mail in mailoutbox]
    # The organisation reads the message on its request page (the timeline entry it may see).
    entry = Activity.objects.get(new_status=RequestStatus.DECLINED)
    assert "please contact CKM" in entry.message
    assert entry.visible_to_organisation


def test_no_expert_available(coordinator_client):
    booking_request = MatchingRequestFactory()
    post_status(coordinator_client, booking_request, "no_expert_available")
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.NO_EXPERT_AVAILABLE


def test_a_move_the_table_does_not_allow_is_refused(coordinator_client):
    booking_request = BookingRequestFactory()
    response = post_status(coordinator_client, booking_request, "closed")
    assert response.status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.IN_TRIAGE


def test_a_stale_form_is_refused_with_a_message(coordinator_client):
    booking_request = BookingRequestFactory()
    stale_version = booking_request.version
    post_status(coordinator_client, booking_request, "more_info_needed", message="A question")
    # The request went back to triage meanwhile (the organisation answered): same status again.
    BookingRequest.objects.filter(pk=booking_request.pk).update(status=RequestStatus.IN_TRIAGE)

    response = post_status(
        coordinator_client, booking_request, "declined", message="Sorry", version=stale_version
    )

    assert response.status_code == 200
    assert b"changed by someone else" in response.content
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.IN_TRIAGE


def test_closing_refusal_says_exactly_what_is_missing(coordinator_client):
    booking_request = BookingRequestFactory(status=RequestStatus.DELIVERED)
    EngagementFactory(
        request=booking_request,
        expert=FittingExpertFactory(public_name="Willow"),
        status=EngagementStatus.DELIVERED,
    )
    page = coordinator_client.get(workspace_url(booking_request)).content.decode()
    assert "Aftercare for Willow is not recorded." in page
    assert "The fee for Willow is not recorded." in page

    response = post_status(coordinator_client, booking_request, "closed")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Aftercare has not been recorded" in content
    assert "fee has not been recorded" in content
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.DELIVERED


def test_post_a_message_to_the_organisation_and_an_internal_note(
    coordinator_client, run_on_commit, mailoutbox
):
    booking_request = BookingRequestFactory()
    with run_on_commit():
        coordinator_client.post(
            workspace_url(booking_request),
            {"action": "message", "body": "We will call you tomorrow."},
        )
        coordinator_client.post(
            workspace_url(booking_request),
            {"action": "message", "body": "Sensitive: check with Fier", "internal": "on"},
        )
    note = Message.objects.get(internal=True)
    assert note.body == "Sensitive: check with Fier"
    assert Message.objects.get(internal=False).body == "We will call you tomorrow."
    assert len(mailoutbox) == 1  # only the message, never the note
    assert "Sensitive" not in mailoutbox[0].body

    response = coordinator_client.post(
        workspace_url(booking_request), {"action": "message", "body": ""}
    )
    assert response.status_code == 200
    assert Message.objects.count() == 2


def test_assign_a_coordinator(coordinator_client):
    booking_request = BookingRequestFactory()
    colleague = CoordinatorFactory(first_name="Noor", last_name="Visser")
    response = coordinator_client.post(
        workspace_url(booking_request),
        {"action": "assign", "coordinator": colleague.pk, "version": booking_request.version},
    )
    assert response.status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.coordinator == colleague


# --- matching and engagements through the admin -------------------------------------------------


def test_matching_page_lists_candidates_and_excluded_with_reasons(
    coordinator_client, django_assert_max_num_queries
):
    booking_request = MatchingRequestFactory()
    FittingExpertFactory(public_name="Fern")
    FittingExpertFactory(public_name="Paused Pat", paused=True)

    with django_assert_max_num_queries(40):
        response = coordinator_client.get(matching_url(booking_request))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Fern" in content
    assert "free on option 1" in content
    assert "Paused Pat" in content
    assert "has paused all work" in content


def test_ask_an_expert_from_the_matching_page(coordinator_client):
    booking_request = MatchingRequestFactory()
    expert = FittingExpertFactory()
    option = booking_request.date_options.get()

    response = coordinator_client.post(
        matching_url(booking_request),
        {
            "action": "ask",
            "expert": expert.pk,
            "date_option": option.pk,
            "version": booking_request.version,
        },
    )

    assert response.status_code == 302
    assert response.url == workspace_url(booking_request)
    engagement = Engagement.objects.get()
    assert (engagement.expert, engagement.starts_at) == (expert, option.starts_at)


def test_asking_an_excluded_expert_from_the_matching_page_is_refused(coordinator_client):
    booking_request = MatchingRequestFactory()
    expert = FittingExpertFactory(paused=True)
    response = coordinator_client.post(
        matching_url(booking_request),
        {
            "action": "ask",
            "expert": expert.pk,
            "date_option": booking_request.date_options.get().pk,
            "version": booking_request.version,
        },
    )
    assert response.status_code == 200
    assert b"cannot be asked" in response.content
    assert not Engagement.objects.exists()


def test_a_series_from_the_matching_page_with_bad_input_keeps_the_values(coordinator_client):
    booking_request = MatchingRequestFactory()
    expert = FittingExpertFactory()
    response = coordinator_client.post(
        matching_url(booking_request),
        {
            "action": "series",
            "expert": expert.pk,
            "first_starts_at": "not a date",
            "duration_minutes": "90",
            "frequency": "monthly",
            "interval": "3",
            "count": "4",
            "version": booking_request.version,
        },
    )
    assert response.status_code == 200
    assert b'value="not a date"' in response.content
    assert not Engagement.objects.exists()


def test_record_a_yes_by_phone_in_the_workspace(coordinator_client, coordinator):
    booking_request = MatchingRequestFactory()
    from bookings.services.engagements import engagement_ask

    engagement = engagement_ask(
        booking_request=booking_request,
        expert=FittingExpertFactory(),
        actor=coordinator,
        date_option=booking_request.date_options.get(),
    )
    booking_request.refresh_from_db()

    response = coordinator_client.post(
        workspace_url(booking_request),
        {
            "action": "answer",
            "engagement": engagement.pk,
            "answer": "yes",
            "version": booking_request.version,
        },
    )

    assert response.status_code == 302
    engagement.refresh_from_db()
    booking_request.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    assert booking_request.status == RequestStatus.SCHEDULED


def test_an_engagement_of_another_request_cannot_be_touched(coordinator_client):
    booking_request = MatchingRequestFactory()
    foreign = EngagementFactory(status=EngagementStatus.ASKED)
    response = coordinator_client.post(
        workspace_url(booking_request),
        {
            "action": "answer",
            "engagement": foreign.pk,
            "answer": "no",
            "version": booking_request.version,
        },
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == EngagementStatus.ASKED


# --- organisations ------------------------------------------------------------------------------


def test_verify_an_organisation_and_see_its_requests(coordinator_client):
    organisation = OrganisationFactory(name="Politie Oost", verified=False)
    own = BookingRequestFactory(organisation=organisation, title="Interviewing victims")
    BookingRequestFactory(title="Someone else's request")

    page = coordinator_client.get(reverse("organisations:inspect", args=[organisation.pk]))
    assert page.status_code == 200
    assert own.reference.encode() in page.content
    assert b"Someone else" not in page.content

    response = coordinator_client.post(
        reverse("organisations:edit", args=[organisation.pk]),
        {
            "name": "Politie Oost",
            "kind": OrganisationKind.POLICE,
            "website": "https://www.example.org/",
            "verified": "on",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.verified


def test_organisation_listing_filters_on_verified(coordinator_client):
    OrganisationFactory(name="Checked", verified=True)
    OrganisationFactory(name="Unchecked", verified=False)
    response = coordinator_client.get(reverse("organisations:index_results"), {"verified": "false"})
    names = [organisation.name for organisation in response.context["object_list"]]
    assert names == ["Unchecked"]


# --- dashboard ----------------------------------------------------------------------------------


def test_dashboard_panels_for_coordinators(coordinator_client, django_assert_max_num_queries):
    old = BookingRequestFactory(title="Oldest waiting")
    BookingRequest.objects.filter(pk=old.pk).update(
        confirmed_at=timezone.now() - dt.timedelta(days=5)
    )
    BookingRequestFactory(title="Newer waiting")
    slow = EngagementFactory(
        expert=FittingExpertFactory(public_name="Slow Sky"), status=EngagementStatus.ASKED
    )
    Engagement.objects.filter(pk=slow.pk).update(created_at=timezone.now() - dt.timedelta(hours=50))
    EngagementFactory(
        expert=FittingExpertFactory(public_name="This Week"),
        status=EngagementStatus.CONFIRMED,
        starts_at=timezone.now() + dt.timedelta(minutes=5),
        ends_at=timezone.now() + dt.timedelta(hours=1),
    )
    EngagementFactory(
        expert=FittingExpertFactory(public_name="Needs Debrief"),
        status=EngagementStatus.DELIVERED,
        starts_at=timezone.now() - dt.timedelta(days=1),
        ends_at=timezone.now() - dt.timedelta(days=1) + dt.timedelta(hours=1),
    )
    full = FittingExpertFactory(public_name="Full Fay", monthly_capacity=1)
    EngagementFactory(
        expert=full,
        status=EngagementStatus.CONFIRMED,
        starts_at=timezone.now() + dt.timedelta(minutes=1),
        ends_at=timezone.now() + dt.timedelta(minutes=30),
    )

    with django_assert_max_num_queries(60):
        response = coordinator_client.get(reverse("wagtailadmin_home"))

    content = response.content.decode()
    assert content.index("Oldest waiting") < content.index("Newer waiting")
    assert "waiting 5\xa0days" in content
    assert "Slow Sky" in content
    assert "This Week" in content
    assert "Needs Debrief" in content
    assert "Full Fay" in content


def test_listing_shows_the_wanted_date_itself_not_how_long_ago(coordinator_client):
    booking_request = MatchingRequestFactory(title="Training next month")
    starts_at = timezone.localtime(booking_request.date_options.get().starts_at)
    content = coordinator_client.get(index_url()).content.decode()
    assert f'<time datetime="{starts_at.isoformat()}">' in content
    assert starts_at.strftime("%H:%M") in content
    assert "just now" not in content
