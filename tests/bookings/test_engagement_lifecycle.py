"""The lifecycle table is the truth of every screen: what is offered is accepted, what is not
offered is refused (the coordinators' workspace, the expert's page, her email link)."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bookings import engagement_workflow as lifecycle
from bookings.admin_views.workspace_engagements import ENGAGEMENT_FORMS, offered_engagement_actions
from bookings.enums import (
    ENGAGEMENT_ACTIVE_STATES,
    ENGAGEMENT_ENDED_STATES,
    EngagementStatus,
    RequestStatus,
)
from bookings.models import Engagement
from bookings.services import expert_answers
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days
from tests.factories.bookings import EngagementFactory

pytestmark = pytest.mark.django_db
E = EngagementStatus

REQUEST_STATUS_FOR = {
    E.ASKED: RequestStatus.EXPERT_ASKED,
    E.ACCEPTED: RequestStatus.EXPERT_ASKED,
    E.CONFIRMED: RequestStatus.SCHEDULED,
    E.DELIVERED: RequestStatus.DELIVERED,
    E.AFTERCARE_DONE: RequestStatus.DELIVERED,
    E.DECLINED: RequestStatus.MATCHING,
    E.WITHDRAWN: RequestStatus.MATCHING,
    E.CANCELLED: RequestStatus.MATCHING,
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def engagement_in(status, *, starts_at=None):
    booking_request = MatchingRequestFactory(status=REQUEST_STATUS_FOR[status])
    starts_at = starts_at or timezone.now() - dt.timedelta(hours=3)
    return EngagementFactory(
        request=booking_request,
        expert=FittingExpertFactory(with_user=True),
        status=status,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
    )


def post_data(action, engagement):
    new_start = in_days(12).astimezone(timezone.get_current_timezone())
    data = {
        "action": action,
        "engagement": engagement.pk,
        "version": engagement.request.version,
    }
    data.update(
        {
            "answer": {"answer": "yes"},
            "reschedule": {
                "starts_at": new_start.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (new_start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            },
            "practical": {"text": "Room 2, ask for Sam."},
            "fee": {"fee": "100", "travel_costs": "", "paid_on": ""},
            "aftercare": {"held_on": "", "notes": ""},
        }.get(action, {})
    )
    return data


def test_the_table_agrees_with_the_named_groups():
    assert lifecycle.ACTIVE == ENGAGEMENT_ACTIVE_STATES
    assert lifecycle.ENDED == ENGAGEMENT_ENDED_STATES
    for action in lifecycle.ACTIONS:
        for state in action.states:
            for target in action.targets:
                assert lifecycle.is_allowed(old_status=state, new_status=target, actor=action.actor)
    # Nothing leaves an ended engagement.
    for (old, _new), _actors in lifecycle.TRANSITIONS.items():
        assert old not in lifecycle.FINAL


@pytest.mark.parametrize("status", list(E))
def test_workspace_offers_exactly_what_the_service_accepts(client, status):
    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    first = engagement_in(status)
    page = client.get(reverse("booking_requests:inspect", args=[first.request.pk]))
    offered = set(re.findall(r'name="action" value="([a-z_]+)"', page.content.decode()))
    offered &= set(ENGAGEMENT_FORMS)
    assert offered == set(offered_engagement_actions(first)), status
    for action in ENGAGEMENT_FORMS:
        engagement = engagement_in(status)
        url = reverse("booking_requests:inspect", args=[engagement.request.pk])
        response = client.post(url, post_data(action, engagement), follow=True)
        assert response.status_code == 200
        levels = [message.level_tag for message in response.context["messages"]]
        engagement.refresh_from_db()
        if action in offered:
            assert levels and levels[0] == "success", (status, action, levels)
        else:
            assert "success" not in levels, (status, action)
            assert engagement.status == status


@pytest.mark.parametrize("status", list(E))
def test_expert_page_offers_exactly_what_the_service_accepts(client, status):
    engagement = engagement_in(status, starts_at=in_days(9))
    client.force_login(engagement.expert.user)
    detail = reverse("engagements:detail", args=[engagement.pk])
    page = client.get(detail).content.decode()
    answer_url = reverse("engagements:answer", args=[engagement.pk])
    withdraw_url = reverse("engagements:withdraw", args=[engagement.pk])
    offers_answer = answer_url in page
    offers_withdraw = withdraw_url in page
    assert offers_answer == (status in lifecycle.OPEN_QUESTION)
    assert offers_withdraw == (status in {E.ACCEPTED, E.CONFIRMED})

    client.post(withdraw_url, {"note": ""})
    engagement.refresh_from_db()
    assert (engagement.status == E.WITHDRAWN) == offers_withdraw or status == E.WITHDRAWN

    other = engagement_in(status, starts_at=in_days(15))
    client.force_login(other.expert.user)
    client.post(reverse("engagements:answer", args=[other.pk]), {"choice": "no"})
    other.refresh_from_db()
    assert (other.status == E.DECLINED) == offers_answer or status == E.DECLINED


@pytest.mark.parametrize("status", list(E))
def test_answer_link_page_offers_only_an_open_question(client, status):
    engagement = engagement_in(status, starts_at=in_days(9))
    link = expert_answers.issue_link(engagement=engagement, purpose="answer")
    url = reverse("engagements:link", args=[expert_answers.make_token(link, "yes")])
    page = client.get(url)
    open_question = status in lifecycle.OPEN_QUESTION
    assert (page.status_code == 200) == open_question
    client.post(url, {})
    engagement.refresh_from_db()
    assert (engagement.status != status) == open_question
    assert Engagement.objects.filter(pk=engagement.pk, status=status).exists() != open_question
