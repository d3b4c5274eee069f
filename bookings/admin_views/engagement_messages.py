"""What the coordinator reads after a step on one engagement: what happened, and who is told.

The request workspace shows it as its success message ("The engagement of Merel on 3 March 2027
is cancelled. Merel and the organisation are told by email."). Who is told follows the services:
the organisation only hears about an engagement whose date was fixed.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bookings.enums import EngagementStatus
from bookings.models import Engagement
from speakers.selectors import AMSTERDAM


def _day(engagement: Engagement) -> str:
    if engagement.starts_at is None:
        return "—"
    return date_format(timezone.localtime(engagement.starts_at, AMSTERDAM), "j F Y")


def engagement_step_message(*, action: str, engagement: Engagement, status_before: str) -> str:
    """The success message for `action` on `engagement` (its status before the step given)."""
    names = {"expert": engagement.expert.public_name, "day": _day(engagement)}
    was_fixed = status_before == EngagementStatus.CONFIRMED
    if action == "cancel":
        if was_fixed:
            return (
                _(
                    "The engagement of %(expert)s on %(day)s is cancelled. %(expert)s and the "
                    "organisation are told by email."
                )
                % names
            )
        return (
            _("The engagement of %(expert)s on %(day)s is cancelled. %(expert)s is told by email.")
            % names
        )
    if action == "withdraw":
        if was_fixed:
            return (
                _(
                    "%(expert)s can no longer do %(day)s; her calendar is free again. The "
                    "organisation is told by email."
                )
                % names
            )
        return _("%(expert)s can no longer do %(day)s; her calendar is free again.") % names
    if action == "reschedule":
        return (
            _(
                "The engagement of %(expert)s is moved to %(day)s. %(expert)s is asked again by "
                "email."
            )
            % names
        )
    if action == "confirm":
        return (
            _(
                "The engagement of %(expert)s on %(day)s is confirmed. %(expert)s and the "
                "organisation are told by email."
            )
            % names
        )
    if action == "answer":
        if engagement.status == EngagementStatus.DECLINED:
            return _("Recorded: %(expert)s said no. Her calendar is free again.") % names
        if engagement.status == EngagementStatus.CONFIRMED:
            return (
                _(
                    "Recorded: %(expert)s said yes. The engagement on %(day)s is confirmed; "
                    "%(expert)s and the organisation are told by email."
                )
                % names
            )
        return _("Recorded: %(expert)s said yes to %(day)s.") % names
    return _("Saved for %(expert)s.") % names
