"""The request workflow: which status may follow which, for whom, and how the organisation sees it.

`booking_set_status` (bookings.services.request_status) is the only code that moves a request; it
asks `is_allowed()` first. Buttons in the portal and the back office are derived from
`allowed_targets()`, so no screen ever offers a move the service would refuse.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bookings.enums import RequestStatus as S


class Actor:
    ORGANISATION = "organisation"
    COORDINATOR = "coordinator"
    SYSTEM = "system"

    ALL = (ORGANISATION, COORDINATOR, SYSTEM)


_ORG = Actor.ORGANISATION
_COORD = Actor.COORDINATOR
_SYS = Actor.SYSTEM

# (from, to) -> the actors who may make that move.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    # A guest confirms their email address: the request reaches the coordinators.
    (S.AWAITING_CONFIRMATION, S.IN_TRIAGE): frozenset({_SYS, _ORG}),
    (S.AWAITING_CONFIRMATION, S.WITHDRAWN): frozenset({_ORG}),
    # Triage.
    (S.IN_TRIAGE, S.MATCHING): frozenset({_COORD}),
    (S.IN_TRIAGE, S.MORE_INFO_NEEDED): frozenset({_COORD}),
    (S.IN_TRIAGE, S.DECLINED): frozenset({_COORD}),
    (S.IN_TRIAGE, S.CANCELLED): frozenset({_COORD}),
    (S.IN_TRIAGE, S.WITHDRAWN): frozenset({_ORG}),
    # More information: the organisation's reply (message or edit) sends it back to triage.
    (S.MORE_INFO_NEEDED, S.IN_TRIAGE): frozenset({_ORG, _COORD}),
    (S.MORE_INFO_NEEDED, S.MATCHING): frozenset({_COORD}),
    (S.MORE_INFO_NEEDED, S.DECLINED): frozenset({_COORD}),
    (S.MORE_INFO_NEEDED, S.CANCELLED): frozenset({_COORD}),
    (S.MORE_INFO_NEEDED, S.WITHDRAWN): frozenset({_ORG}),
    # Matching.
    (S.MATCHING, S.EXPERT_ASKED): frozenset({_COORD}),
    (S.MATCHING, S.MORE_INFO_NEEDED): frozenset({_COORD}),
    (S.MATCHING, S.NO_EXPERT_AVAILABLE): frozenset({_COORD}),
    (S.MATCHING, S.DECLINED): frozenset({_COORD}),
    (S.MATCHING, S.CANCELLED): frozenset({_COORD}),
    (S.MATCHING, S.WITHDRAWN): frozenset({_ORG}),
    # An expert is asked; they may say no (back to matching) or yes (the date is fixed).
    (S.EXPERT_ASKED, S.MATCHING): frozenset({_COORD, _SYS}),
    # The system schedules on the expert's own yes, when the gates allow (rule of care 1).
    (S.EXPERT_ASKED, S.SCHEDULED): frozenset({_COORD, _SYS}),
    (S.EXPERT_ASKED, S.NO_EXPERT_AVAILABLE): frozenset({_COORD}),
    (S.EXPERT_ASKED, S.CANCELLED): frozenset({_COORD}),
    (S.EXPERT_ASKED, S.WITHDRAWN): frozenset({_ORG}),
    # Scheduled: it happens, or falls through (an expert may always withdraw: back to matching).
    (S.SCHEDULED, S.DELIVERED): frozenset({_COORD, _SYS}),
    # An expert may always take back her yes (the system follows her: back to matching).
    (S.SCHEDULED, S.MATCHING): frozenset({_COORD, _SYS}),
    # A confirmed engagement moved to another day waits for the expert's new yes.
    (S.SCHEDULED, S.EXPERT_ASKED): frozenset({_COORD, _SYS}),
    (S.SCHEDULED, S.CANCELLED): frozenset({_COORD}),
    (S.SCHEDULED, S.WITHDRAWN): frozenset({_ORG}),
    # After delivery: aftercare, feedback and fee, then closed (gates in bookings.gates).
    (S.DELIVERED, S.CLOSED): frozenset({_COORD}),
    # A coordinator may reopen a request for which nobody was available.
    (S.NO_EXPERT_AVAILABLE, S.MATCHING): frozenset({_COORD}),
}


def is_allowed(*, old_status: str, new_status: str, actor: str) -> bool:
    return actor in TRANSITIONS.get((str(old_status), str(new_status)), frozenset())


def allowed_targets(*, old_status: str, actor: str) -> list[str]:
    """The statuses this actor may move a request in `old_status` to, in workflow order."""
    order = list(S)
    targets = [
        new
        for (old, new), actors in TRANSITIONS.items()
        if old == str(old_status) and actor in actors
    ]
    return sorted(set(targets), key=lambda value: order.index(S(value)))


# What the coordinator's button says for each move (the back office uses these).
ACTION_LABELS: dict[str, str] = {
    S.IN_TRIAGE: _("Back to triage"),
    S.MATCHING: _("Accept for matching"),
    S.MORE_INFO_NEEDED: _("Ask for more information"),
    S.EXPERT_ASKED: _("Mark expert asked"),
    S.SCHEDULED: _("Mark scheduled"),
    S.DELIVERED: _("Mark delivered"),
    S.CLOSED: _("Close"),
    S.DECLINED: _("Decline"),
    S.WITHDRAWN: _("Withdraw"),
    S.CANCELLED: _("Cancel"),
    S.NO_EXPERT_AVAILABLE: _("No expert available"),
}

# How the organisation's timeline names each status, in plain words.
ORGANISATION_LABELS: dict[str, str] = {
    S.AWAITING_CONFIRMATION: _("Waiting for you to confirm your email address"),
    S.IN_TRIAGE: _("Received: a coordinator is looking at your request"),
    S.MORE_INFO_NEEDED: _("We need more information from you"),
    S.MATCHING: _("Being matched with an expert"),
    S.EXPERT_ASKED: _("An expert has been asked"),
    S.SCHEDULED: _("Expert found, date fixed"),
    S.DELIVERED: _("Took place"),
    S.CLOSED: _("Closed"),
    S.DECLINED: _("Declined"),
    S.WITHDRAWN: _("Withdrawn"),
    S.CANCELLED: _("Cancelled"),
    S.NO_EXPERT_AVAILABLE: _("No expert available"),
}

# What happens next, as the organisation reads it on the request page and in emails.
ORGANISATION_NEXT_STEPS: dict[str, str] = {
    S.AWAITING_CONFIRMATION: _(
        "Open the link in the email we sent you. Only then does your request reach our "
        "coordinators."
    ),
    S.IN_TRIAGE: _(
        "A coordinator reads your request, usually within three working days, and may ask you a "
        "question here."
    ),
    S.MORE_INFO_NEEDED: _(
        "Please answer the coordinator's question below or edit your request; it then goes back "
        "to the coordinator."
    ),
    S.MATCHING: _(
        "We are looking for an expert who fits your question, your audience and your dates."
    ),
    S.EXPERT_ASKED: _(
        "An expert is considering your request. Experts decide freely; if they cannot, we look "
        "further."
    ),
    S.SCHEDULED: _("The date is fixed. We will contact you about the practical arrangements."),
    S.DELIVERED: _("Thank you. Please tell us briefly how it went and what changed."),
    S.CLOSED: _("This request is closed."),
    S.DECLINED: _("We cannot take on this request. The coordinator's explanation is below."),
    S.WITHDRAWN: _("You withdrew this request."),
    S.CANCELLED: _("This request was cancelled."),
    S.NO_EXPERT_AVAILABLE: _(
        "Unfortunately no expert is available for this request. You are welcome to ask again."
    ),
}

# A coordinator's move that needs a short, kind message to the organisation (checked by
# booking_set_status; the back-office form repeats it for friendliness).
MESSAGE_REQUIRED_TARGETS: frozenset[str] = frozenset({S.MORE_INFO_NEEDED, S.DECLINED})

# Status changes the organisation is emailed about (the receipt is sent separately).
NOTIFY_ORGANISATION: frozenset[str] = frozenset(
    {
        S.MORE_INFO_NEEDED,
        S.MATCHING,
        S.SCHEDULED,
        S.DELIVERED,
        S.DECLINED,
        S.CANCELLED,
        S.NO_EXPERT_AVAILABLE,
    }
)
# Status changes the coordinators are emailed about.
NOTIFY_COORDINATORS: frozenset[str] = frozenset({S.IN_TRIAGE, S.WITHDRAWN})


def organisation_label(status: str) -> str:
    return ORGANISATION_LABELS.get(str(status), "")


def organisation_next_step(status: str) -> str:
    return ORGANISATION_NEXT_STEPS.get(str(status), "")
