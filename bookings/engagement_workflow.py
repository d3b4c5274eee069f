"""The engagement lifecycle as data: who may move an engagement where, what may be done in each
state, and how the request follows its engagements.

`engagement_set_status` (bookings.services.engagement_status) is the only code that changes
`Engagement.status`; it asks `is_allowed()` first. Every screen (the coordinators' workspace, the
expert's portal and her email links), every reminder and every dashboard list reads the sets and
`ACTIONS` below, so no screen offers a step the service would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from bookings.enums import EngagementStatus as E
from bookings.enums import RequestStatus as R
from bookings.workflow import Actor as RequestActor


class Actor(RequestActor):
    EXPERT = "expert"

    ALL = (RequestActor.ORGANISATION, RequestActor.COORDINATOR, RequestActor.SYSTEM, EXPERT)


_COORD = Actor.COORDINATOR
_EXPERT = Actor.EXPERT
_SYS = Actor.SYSTEM
_ORG = Actor.ORGANISATION

# (from, to) -> the actors who may make that move.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    # The expert answers herself, or a coordinator records her answer given by phone.
    (E.ASKED, E.ACCEPTED): frozenset({_EXPERT, _COORD}),
    (E.ASKED, E.DECLINED): frozenset({_EXPERT, _COORD}),
    # Her yes fixes the date when the gates allow (the system), or a coordinator confirms later.
    (E.ACCEPTED, E.CONFIRMED): frozenset({_COORD, _SYS}),
    # Moving to another day asks her again: a new yes is needed (rule of care 1).
    (E.ACCEPTED, E.ASKED): frozenset({_COORD}),
    (E.CONFIRMED, E.ASKED): frozenset({_COORD}),
    # "I can't do this after all": at any time before it happens, without a reason.
    (E.ACCEPTED, E.WITHDRAWN): frozenset({_EXPERT, _COORD}),
    (E.CONFIRMED, E.WITHDRAWN): frozenset({_EXPERT, _COORD}),
    # Called off by a coordinator, or with the whole request (withdrawn or cancelled).
    (E.ASKED, E.CANCELLED): frozenset({_COORD, _SYS}),
    (E.ACCEPTED, E.CANCELLED): frozenset({_COORD, _SYS}),
    (E.CONFIRMED, E.CANCELLED): frozenset({_COORD, _SYS}),
    # It took place; then aftercare is recorded (rule of care 6).
    (E.CONFIRMED, E.DELIVERED): frozenset({_COORD}),
    (E.DELIVERED, E.AFTERCARE_DONE): frozenset({_COORD}),
}

# Named groups of states, derived where possible; every list elsewhere reads these.
OPEN_QUESTION = frozenset({E.ASKED})
PENDING = frozenset({E.ASKED, E.ACCEPTED})  # the date is not fixed yet (tentative hold)
GOING_AHEAD = frozenset({E.ASKED, E.ACCEPTED, E.CONFIRMED})  # not happened, not ended
CONFIRMED = frozenset({E.CONFIRMED, E.DELIVERED, E.AFTERCARE_DONE})  # her yes, the date fixed
TOOK_PLACE = frozenset({E.DELIVERED, E.AFTERCARE_DONE})
ENDED = frozenset({E.DECLINED, E.WITHDRAWN, E.CANCELLED})  # not going ahead (calendar: free)
ACTIVE = frozenset(set(E) - ENDED)  # counts towards her load and occupies her calendar
FINAL = frozenset(ENDED | {E.AFTERCARE_DONE})
ON_THE_AGENDA = frozenset(GOING_AHEAD | {E.DELIVERED})  # the coordinators' week


@dataclass(frozen=True)
class Action:
    """One step a person can take on an engagement: a status move (`targets`) or an edit."""

    name: str
    actor: str
    states: frozenset
    label: str
    targets: tuple = ()  # the statuses it may lead to; empty for an edit that keeps the status


def _a(name, actor, states, label, *targets) -> Action:
    return Action(name, actor, frozenset(states), label, tuple(targets))


ACTIONS: tuple[Action, ...] = (
    # The coordinators' workspace.
    _a("answer", _COORD, OPEN_QUESTION, _("Record the answer"), E.ACCEPTED, E.DECLINED),
    _a("confirm", _COORD, {E.ACCEPTED}, _("Confirm"), E.CONFIRMED),
    # Moving asks her again: an accepted or confirmed engagement goes back to "asked".
    _a("reschedule", _COORD, GOING_AHEAD, _("Move to another time (asks again)")),
    _a("withdraw", _COORD, {E.ACCEPTED, E.CONFIRMED}, _("She can't after all"), E.WITHDRAWN),
    _a("cancel", _COORD, GOING_AHEAD, _("Cancel"), E.CANCELLED),
    _a("practical", _COORD, GOING_AHEAD, _("Practical information")),
    _a("quote_review", _COORD, CONFIRMED, _("Quote review")),
    _a("delivered", _COORD, {E.CONFIRMED}, _("Mark delivered"), E.DELIVERED),
    _a("aftercare", _COORD, {E.DELIVERED}, _("Record aftercare"), E.AFTERCARE_DONE),
    _a("fee", _COORD, ACTIVE, _("Fee and travel costs")),
    _a("checklist", _COORD, ACTIVE, _("Checklist")),
    # The expert's portal and the links in her emails.
    _a("answer", _EXPERT, OPEN_QUESTION, _("Answer"), E.ACCEPTED, E.DECLINED),
    _a("withdraw", _EXPERT, {E.ACCEPTED, E.CONFIRMED}, _("I can't do this after all"), E.WITHDRAWN),
    _a("check_in", _EXPERT, CONFIRMED, _("How are you?")),
    _a("feedback", _EXPERT, {E.AFTERCARE_DONE}, _("Feedback")),
    _a("claim_fee", _EXPERT, TOOK_PLACE, _("I have claimed this fee")),
    _a("approve_quotes", _EXPERT, CONFIRMED, _("Approve the quotes")),
    _a("see_contact", _EXPERT, CONFIRMED, _("Contact details")),
    # The system's periodic run (bookings.services.followup).
    _a("remind", _SYS, {E.CONFIRMED}, _("Reminder two days before")),
    _a("check_in", _SYS, {E.CONFIRMED, E.DELIVERED}, _("Aftercare check-in")),
    _a("ask_evaluation", _SYS, TOOK_PLACE, _("Evaluation request")),
    _a("alert_unanswered", _SYS, OPEN_QUESTION, _("Unanswered question alert")),
)

# The edits allowed in each state (derived; for documentation and the conventions table).
EDITS_BY_STATE: dict[str, frozenset[str]] = {
    state: frozenset(a.name for a in ACTIONS if not a.targets and state in a.states) for state in E
}

# How the request follows its engagements. engagement target -> (request states it applies to,
# the request's new status, the condition on the request's other engagements).
#   "always": regardless of the others
#   "none_active": only when no other engagement is still active
#   "none_to_come": only when no other engagement is still going ahead
#   "none_confirmed": only when no other engagement is confirmed
REQUEST_FOLLOWS: dict[str, tuple[frozenset, str, str]] = {
    E.ASKED: (frozenset({R.MATCHING}), R.EXPERT_ASKED, "always"),
    E.CONFIRMED: (frozenset({R.EXPERT_ASKED}), R.SCHEDULED, "always"),
    E.DECLINED: (frozenset({R.EXPERT_ASKED, R.SCHEDULED}), R.MATCHING, "none_active"),
    E.WITHDRAWN: (frozenset({R.EXPERT_ASKED, R.SCHEDULED}), R.MATCHING, "none_active"),
    E.CANCELLED: (frozenset({R.EXPERT_ASKED, R.SCHEDULED}), R.MATCHING, "none_active"),
    E.DELIVERED: (frozenset({R.SCHEDULED}), R.DELIVERED, "none_to_come"),
}
# A confirmed engagement moved to another day waits for her new yes: the request too.
RESCHEDULE_FOLLOWS = (frozenset({R.SCHEDULED}), R.EXPERT_ASKED, "none_confirmed")

# Requests on which experts may be asked.
ASKING_REQUEST_STATES = frozenset({R.MATCHING, R.EXPERT_ASKED, R.SCHEDULED})
# Request statuses reached only through engagements (never offered as request buttons).
ENGAGEMENT_DRIVEN_REQUEST_TARGETS = frozenset({R.EXPERT_ASKED, R.SCHEDULED})


def is_allowed(*, old_status: str, new_status: str, actor: str) -> bool:
    return actor in TRANSITIONS.get((str(old_status), str(new_status)), frozenset())


def allowed_targets(*, old_status: str, actor: str) -> list[str]:
    order = list(E)
    targets = {
        new for (old, new), actors in TRANSITIONS.items() if old == old_status and actor in actors
    }
    return sorted(targets, key=lambda value: order.index(E(value)))


def action(name: str, actor: str) -> Action:
    for candidate in ACTIONS:
        if candidate.name == name and candidate.actor == actor:
            return candidate
    raise KeyError((name, actor))


def may(name: str, *, actor: str, status: str) -> bool:
    """May `actor` take the step `name` on an engagement in `status`?"""
    try:
        return str(status) in action(name, actor).states
    except KeyError:
        return False


def actions_for(*, actor: str, status: str) -> list[Action]:
    return [a for a in ACTIONS if a.actor == actor and str(status) in a.states]


def states_for(name: str, actor: str) -> frozenset:
    return action(name, actor).states


def _check_table() -> None:
    """Every move an action promises is in the transition table for that actor."""
    for a in ACTIONS:
        for target in a.targets:
            for state in a.states:
                if not is_allowed(old_status=state, new_status=target, actor=a.actor):
                    raise AssertionError(f"{a.actor} {a.name}: {state} -> {target} not allowed")


_check_table()
