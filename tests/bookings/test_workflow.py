"""The transition table: who may move a request from where to where."""

import pytest

from bookings import workflow
from bookings.enums import (
    EDITABLE_BY_ORGANISATION,
    FINAL_STATES,
    OPEN_STATES,
    WITHDRAWABLE_BY_ORGANISATION,
    RequestStatus,
)
from bookings.workflow import Actor

S = RequestStatus


def test_every_status_has_an_organisation_label_and_next_step():
    for status in RequestStatus:
        assert workflow.organisation_label(status)
        assert workflow.organisation_next_step(status)


def test_every_status_is_reachable_from_awaiting_confirmation():
    reachable = {S.AWAITING_CONFIRMATION}
    frontier = [S.AWAITING_CONFIRMATION]
    while frontier:
        current = frontier.pop()
        for (old, new), _actors in workflow.TRANSITIONS.items():
            if old == current and new not in reachable:
                reachable.add(new)
                frontier.append(new)
    assert reachable == set(RequestStatus)


def test_nothing_leaves_a_final_state_except_reopening_no_expert_available():
    leaving = {old for (old, _new) in workflow.TRANSITIONS}
    assert leaving & FINAL_STATES == {S.NO_EXPERT_AVAILABLE}
    assert workflow.allowed_targets(old_status=S.NO_EXPERT_AVAILABLE, actor=Actor.COORDINATOR) == [
        S.MATCHING
    ]


def test_only_actors_known_to_the_workflow_appear():
    for actors in workflow.TRANSITIONS.values():
        assert actors and actors <= set(Actor.ALL)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (S.IN_TRIAGE, S.MATCHING),
        (S.IN_TRIAGE, S.MORE_INFO_NEEDED),
        (S.IN_TRIAGE, S.DECLINED),
        (S.IN_TRIAGE, S.CANCELLED),
        (S.MATCHING, S.NO_EXPERT_AVAILABLE),
        (S.MATCHING, S.EXPERT_ASKED),
        (S.EXPERT_ASKED, S.SCHEDULED),
        (S.EXPERT_ASKED, S.MATCHING),
        (S.SCHEDULED, S.DELIVERED),
        (S.DELIVERED, S.CLOSED),
    ],
)
def test_coordinator_moves_needed_by_the_back_office(old, new):
    assert workflow.is_allowed(old_status=old, new_status=new, actor=Actor.COORDINATOR)
    assert not workflow.is_allowed(old_status=old, new_status=new, actor=Actor.ORGANISATION)


@pytest.mark.parametrize("old", sorted(WITHDRAWABLE_BY_ORGANISATION))
def test_organisation_may_withdraw_until_delivery(old):
    assert workflow.is_allowed(old_status=old, new_status=S.WITHDRAWN, actor=Actor.ORGANISATION)
    assert not workflow.is_allowed(old_status=old, new_status=S.WITHDRAWN, actor=Actor.COORDINATOR)


@pytest.mark.parametrize("old", [S.DELIVERED, *sorted(FINAL_STATES)])
def test_organisation_cannot_withdraw_after_delivery(old):
    assert not workflow.is_allowed(old_status=old, new_status=S.WITHDRAWN, actor=Actor.ORGANISATION)


def test_organisation_moves_are_only_withdraw_confirm_and_reply():
    organisation_moves = {
        (old, new)
        for (old, new), actors in workflow.TRANSITIONS.items()
        if Actor.ORGANISATION in actors
    }
    assert {new for (_old, new) in organisation_moves} == {S.WITHDRAWN, S.IN_TRIAGE}
    assert {old for (old, new) in organisation_moves if new == S.IN_TRIAGE} == {
        S.AWAITING_CONFIRMATION,
        S.MORE_INFO_NEEDED,
    }


def test_guest_confirmation_is_a_system_move_and_coordinators_cannot_skip_it():
    assert workflow.is_allowed(
        old_status=S.AWAITING_CONFIRMATION, new_status=S.IN_TRIAGE, actor=Actor.SYSTEM
    )
    assert (
        workflow.allowed_targets(old_status=S.AWAITING_CONFIRMATION, actor=Actor.COORDINATOR) == []
    )


def test_allowed_targets_follow_workflow_order():
    assert workflow.allowed_targets(old_status=S.IN_TRIAGE, actor=Actor.COORDINATOR) == [
        S.MORE_INFO_NEEDED,
        S.MATCHING,
        S.DECLINED,
        S.CANCELLED,
    ]


def test_status_groups_are_consistent():
    assert not OPEN_STATES & FINAL_STATES
    assert OPEN_STATES | FINAL_STATES | {S.AWAITING_CONFIRMATION} == set(RequestStatus)
    assert EDITABLE_BY_ORGANISATION <= WITHDRAWABLE_BY_ORGANISATION
    for status in workflow.NOTIFY_ORGANISATION:
        assert status in workflow.ORGANISATION_LABELS


def test_every_move_has_a_button_label():
    for _old, new in workflow.TRANSITIONS:
        assert workflow.ACTION_LABELS[new]
