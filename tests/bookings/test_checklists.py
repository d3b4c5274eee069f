"""Per-engagement checklists (issue 13): made when the date is fixed, due relative to the start in
Amsterdam time, ticked off in the workspace, due ones on the dashboard; coordinators only."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import ActivityKind, EngagementKind, EngagementStatus, RequestStatus
from bookings.models import Activity, ChecklistItem, ChecklistTemplate
from bookings.services import engagements as engagement_services
from bookings.services.checklists import (
    checklist_item_complete,
    checklist_items_create_for_engagement,
)
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days
from tests.factories.bookings import BookingRequestFactory, EngagementFactory, MembershipFactory
from tests.factories.followup import ConfirmedEngagementFactory, ExpertWithUserFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


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


def workspace(booking_request):
    return reverse("booking_requests:inspect", args=[booking_request.pk])


def checklist_url(engagement):
    return reverse("booking_requests:checklist", args=[engagement.request_id, engagement.pk])


def confirmed(*, kind=EngagementKind.TALK, starts_at=None, status=EngagementStatus.CONFIRMED):
    """A confirmed engagement with its checklist, made as confirming makes it."""
    starts_at = starts_at or in_days(10)
    engagement = ConfirmedEngagementFactory(
        request=BookingRequestFactory(kind=kind, status=RequestStatus.SCHEDULED),
        expert=FittingExpertFactory(with_user=True),
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
    )
    checklist_items_create_for_engagement(engagement=engagement, log=False)
    if status != EngagementStatus.CONFIRMED:
        engagement.status = status
        engagement.save(update_fields=["status"])
    return engagement


def item(engagement, label_en):
    return engagement.checklist_items.get(label_en=label_en)


# --- made when the date is fixed ---------------------------------------------------------------


def test_confirming_in_the_workspace_makes_the_checklist_of_its_kind(coordinator_client):
    booking_request = MatchingRequestFactory(kind=EngagementKind.TRAINING)
    coordinator = CoordinatorFactory()
    engagement = engagement_services.engagement_ask(
        booking_request=booking_request,
        expert=FittingExpertFactory(),
        actor=coordinator,
        date_option=booking_request.date_options.first(),
    )
    assert not engagement.checklist_items.exists()  # not while she is only asked
    booking_request.refresh_from_db()

    response = coordinator_client.post(
        workspace(booking_request),
        {
            "action": "answer",
            "engagement": engagement.pk,
            "version": booking_request.version,
            "answer": "yes",
        },
        follow=True,
    )

    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    templates = ChecklistTemplate.objects.filter(kind=EngagementKind.TRAINING)
    assert templates.count() >= 4
    items = list(engagement.checklist_items.all())
    assert sorted(i.label_en for i in items) == sorted(t.label_en for t in templates)
    start_day = engagement.starts_at.astimezone(AMSTERDAM).date()
    fee = item(engagement, "Fee agreed")
    assert fee.due_on == start_day - dt.timedelta(days=14)
    page = response.content.decode()
    assert f'id="checklist-{engagement.pk}"' in page
    assert "Training materials checked with the expert" in page
    assert f"due {fee.due_on.day} {fee.due_on:%B}" in page
    # Organisations and experts get no email or log line about it: the log keeps the confirmation.
    assert not Activity.objects.filter(message__icontains="checklist").exists()


def test_every_kind_has_default_points_with_dutch_and_english_labels():
    for kind in EngagementKind:
        templates = ChecklistTemplate.objects.filter(kind=kind)
        labels = set(templates.values_list("label_en", flat=True))
        assert {"Practical information sent", "Support person confirmed"} <= labels, kind
        assert {"Travel arranged", "Fee agreed"} <= labels, kind
        assert all(t.label and t.label != t.label_en for t in templates)
    media = set(
        ChecklistTemplate.objects.filter(kind=EngagementKind.MEDIA_INTERVIEW).values_list(
            "label_en", flat=True
        )
    )
    assert "Quote review agreed with the journalist" in media
    with translation.override("nl"):
        assert str(ChecklistTemplate.objects.get(kind="talk", label_en="Fee agreed")) == (
            "Vergoeding afgesproken"
        )


def test_due_days_are_counted_from_the_start_day_in_amsterdam():
    # 00:30 in Amsterdam is still the previous day in UTC.
    day = timezone.localdate() + dt.timedelta(days=20)
    starts_at = dt.datetime.combine(day, dt.time(0, 30), tzinfo=AMSTERDAM)
    assert starts_at.astimezone(dt.UTC).date() == day - dt.timedelta(days=1)
    engagement = confirmed(starts_at=starts_at)
    assert item(engagement, "Practical information sent").due_on == day - dt.timedelta(days=7)


def test_moving_and_confirming_again_redates_open_points_and_keeps_done_ones(coordinator):
    engagement = confirmed(starts_at=in_days(12))
    fee = item(engagement, "Fee agreed")
    checklist_item_complete(item=fee, actor=coordinator)
    count = engagement.checklist_items.count()

    engagement_services.engagement_reschedule(
        engagement=engagement, actor=coordinator, starts_at=in_days(30), ends_at=in_days(30, 12)
    )
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.ASKED
    engagement_services.engagement_record_answer(
        engagement=engagement, actor=coordinator, accepted=True
    )
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED

    assert engagement.checklist_items.count() == count  # no second copy
    travel = item(engagement, "Travel arranged")
    assert travel.due_on == in_days(30).date() - dt.timedelta(days=5)
    fee.refresh_from_db()
    assert fee.is_done and fee.due_on == in_days(12).date() - dt.timedelta(days=14)


def test_existing_engagements_get_their_checklist_on_demand(coordinator_client, coordinator):
    old = ConfirmedEngagementFactory(starts_at=in_days(9), ends_at=in_days(9, 12))
    page = coordinator_client.get(workspace(old.request)).content.decode()
    assert "Make the checklist" in page

    response = coordinator_client.post(checklist_url(old), {"make": "1"}, follow=True)

    assert old.checklist_items.count() == ChecklistTemplate.objects.filter(kind="talk").count()
    assert "Checklist made" in response.content.decode()
    assert Activity.objects.filter(
        engagement=old, kind=ActivityKind.ENGAGEMENT, message__startswith="Checklist made"
    ).exists()
    # Asked, not yet confirmed: nothing to make yet.
    asked = EngagementFactory(status=EngagementStatus.ASKED)
    coordinator_client.post(checklist_url(asked), {"make": "1"})
    assert not asked.checklist_items.exists()


def test_the_management_command_makes_missing_checklists_once(capsys):
    old = ConfirmedEngagementFactory(starts_at=in_days(9), ends_at=in_days(9, 12))
    EngagementFactory(status=EngagementStatus.ASKED)
    call_command("make_checklists")
    call_command("make_checklists")
    assert old.checklist_items.count() == ChecklistTemplate.objects.filter(kind="talk").count()
    assert ChecklistItem.objects.count() == old.checklist_items.count()
    assert "1" in capsys.readouterr().out


# --- ticking in the workspace ------------------------------------------------------------------


def test_ticking_and_unticking_in_the_workspace(coordinator_client, coordinator):
    engagement = confirmed()
    items = list(engagement.checklist_items.all())
    fee = item(engagement, "Fee agreed")

    response = coordinator_client.post(
        checklist_url(engagement),
        {"item": [i.pk for i in items], "done": [fee.pk]},
        follow=True,
    )

    fee.refresh_from_db()
    assert fee.is_done and fee.done_by == coordinator
    assert engagement.checklist_items.filter(done_at__isnull=False).count() == 1
    page = response.content.decode()
    assert "Checklist saved." in page
    assert f'value="{fee.pk}" id="checklist-item-{fee.pk}" checked' in page
    assert "done on" in page
    entry = Activity.objects.get(engagement=engagement, message__contains="Fee agreed")
    assert entry.actor == coordinator and not entry.visible_to_organisation

    coordinator_client.post(
        checklist_url(engagement), {"item": [i.pk for i in items], "was_done": [fee.pk]}
    )
    fee.refresh_from_db()
    assert not fee.is_done and fee.done_by is None


def test_a_colleagues_tick_in_the_meantime_is_not_undone(coordinator_client):
    engagement = confirmed()
    items = list(engagement.checklist_items.all())
    fee, travel = item(engagement, "Fee agreed"), item(engagement, "Travel arranged")
    # The page was loaded with nothing done; a colleague ticks "fee" before this form is sent.
    checklist_item_complete(item=fee, actor=CoordinatorFactory())

    coordinator_client.post(
        checklist_url(engagement), {"item": [i.pk for i in items], "done": [travel.pk]}
    )

    fee.refresh_from_db()
    travel.refresh_from_db()
    assert fee.is_done and travel.is_done


def test_an_overdue_point_is_marked_in_the_workspace(coordinator_client):
    engagement = confirmed(starts_at=in_days(2))  # the fee was due 12 days ago
    page = coordinator_client.get(workspace(engagement.request)).content.decode()
    assert "hope-checklist__item--overdue" in page
    assert "overdue: due" in page


def test_an_ended_engagements_checklist_is_closed(coordinator_client):
    engagement = confirmed(status=EngagementStatus.CANCELLED)
    fee = item(engagement, "Fee agreed")
    page = coordinator_client.get(workspace(engagement.request)).content.decode()
    assert f'id="checklist-item-{fee.pk}" disabled' in page
    assert "Save checklist" not in page

    response = coordinator_client.post(
        checklist_url(engagement), {"item": [fee.pk], "done": [fee.pk]}, follow=True
    )

    fee.refresh_from_db()
    assert not fee.is_done
    assert "checklist of this engagement is closed" in response.content.decode()


def test_garbage_in_the_form_changes_nothing_and_answers_no_500(coordinator_client):
    engagement = confirmed()
    other = confirmed()
    foreign = other.checklist_items.first()
    response = coordinator_client.post(
        checklist_url(engagement), {"item": ["x", "", foreign.pk], "done": ["y", foreign.pk]}
    )
    assert response.status_code == 302
    foreign.refresh_from_db()
    assert not foreign.is_done
    assert not ChecklistItem.objects.filter(done_at__isnull=False).exists()


def test_an_engagement_of_another_request_is_not_found(coordinator_client):
    engagement = confirmed()
    other_request = BookingRequestFactory()
    url = reverse("booking_requests:checklist", args=[other_request.pk, engagement.pk])
    assert coordinator_client.post(url, {"make": "1"}).status_code == 404
    assert coordinator_client.get(checklist_url(engagement)).status_code == 405


# --- who may see and tick ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "expert", "organisation", "anonymous"])
def test_nobody_but_coordinators_ticks_or_edits_the_points(client, who):
    engagement = confirmed()
    fee = item(engagement, "Fee agreed")
    if who == "editor":
        client.force_login(english_admin(EditorFactory()))
    elif who == "expert":
        client.force_login(engagement.expert.user)
    elif who == "organisation":
        client.force_login(engagement.request.contact)

    tick = client.post(checklist_url(engagement), {"item": [fee.pk], "done": [fee.pk]})
    points = client.get(reverse("checklist_points:index"))
    add = client.post(
        reverse("checklist_points:add"),
        {"kind": "talk", "label": "Iets", "label_en": "", "days": 1, "when": "before", "order": 1},
    )

    for response in (tick, points, add):
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/" in response["Location"] or "login" in response["Location"]
    fee.refresh_from_db()
    assert not fee.is_done
    assert not ChecklistTemplate.objects.filter(label="Iets").exists()


def test_coordinators_edit_the_points_in_the_admin(coordinator_client):
    index = coordinator_client.get(reverse("checklist_points:index")).content.decode()
    assert "Quote review agreed with the journalist" in index or "Citaatcontrole" in index

    response = coordinator_client.post(
        reverse("checklist_points:add"),
        {
            "kind": "talk",
            "label": "Zaal bekeken",
            "label_en": "Venue checked",
            "days": "2",
            "when": "before",
            "order": "60",
        },
    )

    assert response.status_code == 302
    point = ChecklistTemplate.objects.get(label_en="Venue checked")
    assert point.offset_days == -2
    # A bad number keeps what was typed and saves nothing.
    response = coordinator_client.post(
        reverse("checklist_points:add"),
        {"kind": "talk", "label": "Te laat", "days": "-3", "when": "before", "order": "1"},
    )
    assert response.status_code == 200
    assert 'value="Te laat"' in response.content.decode()
    assert not ChecklistTemplate.objects.filter(label="Te laat").exists()


def test_organisation_and_expert_never_see_the_checklist(client):
    engagement = confirmed()
    membership = MembershipFactory(organisation=engagement.request.organisation)
    client.force_login(membership.user)
    page = client.get(
        reverse("bookings:request_detail", args=[engagement.request.reference])
    ).content.decode()
    assert "Fee agreed" not in page and "Vergoeding afgesproken" not in page
    assert "checklist" not in page.lower()

    client.force_login(engagement.expert.user)
    for url in (reverse("engagements:list"), reverse("engagements:detail", args=[engagement.pk])):
        page = client.get(url).content.decode()
        assert "Vergoeding afgesproken" not in page and "checklist" not in page.lower()


# --- the dashboard -----------------------------------------------------------------------------


def dashboard(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_dashboard_shows_points_due_this_week_and_overdue(coordinator_client, coordinator):
    soon = confirmed(starts_at=in_days(10))  # fee due in 10 - 14 = -4 days: overdue
    far = confirmed(starts_at=in_days(60))
    ended = confirmed(starts_at=in_days(4), status=EngagementStatus.CANCELLED)
    done = item(soon, "Practical information sent")  # due in 3 days, but done
    checklist_item_complete(item=done, actor=coordinator)

    page = dashboard(coordinator_client)

    assert "Checklist items due" in page
    panel = page.split('id="hope-checklist-content"')[1].split("</section>")[0]
    assert "Fee agreed" in panel and "overdue: due" in panel
    assert "Travel arranged" in panel  # due in five days
    assert "Practical information sent" not in panel
    assert soon.request.reference in panel
    assert f"{workspace(soon.request)}#checklist-{soon.pk}" in panel
    assert far.request.reference not in panel
    assert ended.request.reference not in panel


def test_a_ticked_point_leaves_the_dashboard_and_the_empty_state_shows(coordinator_client):
    engagement = confirmed(starts_at=in_days(60))
    assert "No checklist item is due in the next seven days." in dashboard(coordinator_client)

    engagement = confirmed(starts_at=in_days(3))
    items = list(engagement.checklist_items.all())
    coordinator_client.post(
        checklist_url(engagement), {"item": [i.pk for i in items], "done": [i.pk for i in items]}
    )

    assert "No checklist item is due in the next seven days." in dashboard(coordinator_client)


def test_experts_and_editors_do_not_get_the_panel(client):
    confirmed(starts_at=in_days(3))
    client.force_login(english_admin(EditorFactory()))
    assert "Checklist items due" not in dashboard(client)
    expert = ExpertWithUserFactory()
    client.force_login(expert.user)
    assert client.get(reverse("wagtailadmin_home")).status_code in (302, 403)
