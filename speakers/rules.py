"""Per-object permission predicates for experts (django-rules)."""

import rules

from hope.roles import is_coordinator as _is_coordinator


@rules.predicate
def is_coordinator(user):
    return _is_coordinator(user)


@rules.predicate
def is_the_expert(user, expert):
    """The user is this expert (their own profile and calendar)."""
    return bool(
        expert is not None
        and getattr(user, "is_authenticated", False)
        and expert.user_id is not None
        and expert.user_id == user.pk
    )


@rules.predicate
def owns_unavailability(user, unavailability):
    return unavailability is not None and is_the_expert(user, unavailability.expert)


rules.add_perm("speakers.manage_own_profile", is_the_expert)
rules.add_perm("speakers.manage_own_calendar", is_the_expert)
rules.add_perm("speakers.change_own_unavailability", owns_unavailability)
