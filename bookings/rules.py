"""Per-object permissions (django-rules). Views check these; querysets filter the same way."""

import rules

from bookings.enums import (
    EDITABLE_BY_ORGANISATION,
    EVALUABLE_STATES,
    MESSAGING_STATES,
    WITHDRAWABLE_BY_ORGANISATION,
)
from hope.roles import is_coordinator as _is_coordinator
from hope.roles import is_editor as _is_editor


@rules.predicate
def is_coordinator(user):
    return _is_coordinator(user)


def is_staff_or_expert(user) -> bool:
    """Staff (coordinators, editors, admins) and experts never become organisation contacts.

    Their accounts hold what the portal protects most; a public form must not attach them to an
    organisation or send them mail on a stranger's say-so (issue 10).
    """
    if user is None or user.pk is None:
        return False
    if user.is_staff or user.is_superuser or _is_coordinator(user) or _is_editor(user):
        return True
    from speakers.models import Expert

    return Expert.objects.filter(user=user).exists()


@rules.predicate
def is_organisation_contact(user):
    return bool(getattr(user, "is_authenticated", False) and user.organisation_memberships.exists())


@rules.predicate
def is_member_of_org(user, organisation):
    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    return organisation.memberships.filter(user=user).exists()


@rules.predicate
def is_member_of_request_org(user, booking_request):
    if booking_request is None or not getattr(user, "is_authenticated", False):
        return False
    return booking_request.organisation.memberships.filter(user=user).exists()


@rules.predicate
def is_request_contact(user, booking_request):
    return bool(
        booking_request is not None
        and getattr(user, "is_authenticated", False)
        and booking_request.contact_id == user.pk
    )


@rules.predicate
def request_is_editable(user, booking_request):
    return booking_request is not None and booking_request.status in EDITABLE_BY_ORGANISATION


@rules.predicate
def request_is_withdrawable(user, booking_request):
    return booking_request is not None and booking_request.status in WITHDRAWABLE_BY_ORGANISATION


@rules.predicate
def request_accepts_messages(user, booking_request):
    return booking_request is not None and booking_request.status in MESSAGING_STATES


@rules.predicate
def request_accepts_evaluation(user, booking_request):
    return (
        booking_request is not None
        and booking_request.status in EVALUABLE_STATES
        and not hasattr_evaluation(booking_request)
    )


def hasattr_evaluation(booking_request) -> bool:
    from bookings.models import Evaluation

    try:
        return booking_request.evaluation is not None
    except Evaluation.DoesNotExist:
        return False


can_view_request = is_member_of_request_org | is_coordinator
can_edit_request = is_member_of_request_org & request_is_editable
can_withdraw_request = is_member_of_request_org & request_is_withdrawable
can_message_on_request = (is_member_of_request_org | is_coordinator) & request_accepts_messages
can_evaluate_request = is_member_of_request_org & request_accepts_evaluation

rules.add_perm("bookings.view_request", can_view_request)
rules.add_perm("bookings.edit_request", can_edit_request)
rules.add_perm("bookings.withdraw_request", can_withdraw_request)
rules.add_perm("bookings.message_request", can_message_on_request)
rules.add_perm("bookings.evaluate_request", can_evaluate_request)
rules.add_perm("bookings.manage_requests", is_coordinator)
