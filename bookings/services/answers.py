"""Answers: the expert's yes or no (herself, or by phone through a coordinator), the date fixed
when the gates allow, and her "I can't do this after all" at any time before it happens.

A reason is never required (rule of care 1); a note is private to the coordinators.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.enums import AnswerChannel, EngagementStatus
from bookings.models import Engagement
from bookings.services.coordinator_notices import coordinator_notify
from bookings.services.engagement_base import (
    EngagementRefused,
    _lock_request,
    _require_coordinator,
    _require_own_expert,
    _sync,
    _tell_expert,
    _tell_organisation,
    _when,
)
from bookings.services.engagement_status import engagement_gates, engagement_set_status
from bookings.services.request_base import coordinator_recipients

Actor = lifecycle.Actor


@transaction.atomic
def engagement_record_answer(
    *,
    engagement: Engagement,
    actor,
    accepted: bool,
    decline_reason: str = "",
    expected_version: int | None = None,
) -> Engagement:
    """The expert's answer, given to a coordinator (by phone). A yes confirms the engagement at
    once when the gates allow; a no frees the calendar. A reason for a no is never required."""
    _require_coordinator(actor)
    return _answer(
        engagement=engagement,
        actor=actor,
        accepted=accepted,
        decline_reason=decline_reason,
        expected_version=expected_version,
        role=Actor.COORDINATOR,
    )


@transaction.atomic
def engagement_expert_answer(
    *,
    engagement: Engagement,
    actor,
    accepted: bool,
    note: str = "",
    channel: str | None = None,
) -> Engagement:
    """The expert answers herself. A no needs no reason; `note` is an optional private word to
    the coordinator. A yes confirms the engagement at once when the gates allow (a media
    interview may still wait for its conditions); coordinators are told either way.

    `channel` (an `AnswerChannel`: the portal page, or the signed link from her email) is how she
    answered; the log and the coordinators' email say so. Without it they claim neither."""
    _require_own_expert(engagement, actor)
    if channel is not None:
        channel = AnswerChannel(channel)
    _answer(
        engagement=engagement,
        actor=actor,
        accepted=accepted,
        decline_reason=note,
        expected_version=None,
        role=Actor.EXPERT,
        channel=channel,
    )
    for user in coordinator_recipients(engagement.request):
        coordinator_notify(
            user=user,
            template="bookings/expert_answered_coordinator",
            context={
                "engagement": engagement,
                "accepted": accepted,
                "confirmed": engagement.status == EngagementStatus.CONFIRMED,
                "missing": engagement_gates(
                    engagement.request, EngagementStatus.CONFIRMED, engagement
                )
                if accepted and engagement.status != EngagementStatus.CONFIRMED
                else [],
                "has_note": bool((note or "").strip()),
                "channel": channel.value if channel else "",
                "reference": engagement.request.reference,
                "expert_name": engagement.expert.public_name,
            },
        )
    return engagement


def _answer(
    *,
    engagement: Engagement,
    actor,
    accepted: bool,
    decline_reason: str,
    expected_version: int | None,
    role: str,
    channel: str | None = None,
) -> Engagement:
    locked_request = _lock_request(engagement.request, expected_version)
    if engagement.status not in lifecycle.states_for("answer", role):
        engagement.refresh_from_db(fields=["status"])
    if engagement.status not in lifecycle.states_for("answer", role):
        _refuse_closed(engagement)
    name = engagement.expert.public_name
    by_expert = role == Actor.EXPERT
    if accepted:
        engagement_set_status(
            engagement=engagement,
            new_status=EngagementStatus.ACCEPTED,
            actor=actor,
            role=role,
            locked_request=locked_request,
            changes={"answered_at": timezone.now()},
            message=_answer_log(accepted=True, by_expert=by_expert, channel=channel)
            % {"expert": name},
        )
        if not engagement_gates(locked_request, EngagementStatus.CONFIRMED, engagement):
            _confirm(engagement, locked_request, actor, role=Actor.SYSTEM if by_expert else role)
    else:
        engagement_set_status(
            engagement=engagement,
            new_status=EngagementStatus.DECLINED,
            actor=actor,
            role=role,
            locked_request=locked_request,
            changes={
                "answered_at": timezone.now(),
                "decline_reason": (decline_reason or "").strip()[:2000],
            },
            message=_answer_log(accepted=False, by_expert=by_expert, channel=channel)
            % {"expert": name},
        )
    _sync(engagement.request, locked_request)
    return engagement


def _answer_log(*, accepted: bool, by_expert: bool, channel: str | None) -> str:
    """The activity log line: how the answer came in, as far as we know it."""
    if not by_expert:
        if accepted:
            return _("%(expert)s said yes (recorded by phone).")
        return _("%(expert)s said no (recorded by phone).")
    if channel == AnswerChannel.PORTAL:
        if accepted:
            return _("%(expert)s said yes (in the portal).")
        return _("%(expert)s said no (in the portal).")
    if channel == AnswerChannel.EMAIL:
        if accepted:
            return _("%(expert)s said yes (with the link in her email).")
        return _("%(expert)s said no (with the link in her email).")
    return _("%(expert)s said yes.") if accepted else _("%(expert)s said no.")


def _refuse_closed(engagement: Engagement):
    raise EngagementRefused(
        _("Only an open question can be answered (this engagement is “%(status)s”).")
        % {"status": engagement.get_status_display()}
    )


def _confirm(engagement: Engagement, locked_request, actor, *, role) -> None:
    def notify(locked):
        _tell_organisation(locked, "engagement_confirmed_organisation")
        _tell_expert(locked, "engagement_confirmed_expert")

    engagement_set_status(
        engagement=engagement,
        new_status=EngagementStatus.CONFIRMED,
        actor=actor,
        role=role,
        locked_request=locked_request,
        changes={"confirmed_at": timezone.now()},
        message=_("Engagement of %(expert)s confirmed for %(when)s.")
        % {"expert": engagement.expert.public_name, "when": _when(engagement.starts_at)},
        notify=notify,
    )


@transaction.atomic
def engagement_confirm(
    *, engagement: Engagement, actor, expected_version: int | None = None
) -> Engagement:
    """Fix the date of an accepted engagement. Media interviews: only when every gate is met."""
    _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    _confirm(engagement, locked_request, actor, role=Actor.COORDINATOR)
    _sync(engagement.request, locked_request)
    return engagement


@transaction.atomic
def engagement_withdraw(
    *,
    engagement: Engagement,
    actor,
    note: str = "",
    role: str = Actor.EXPERT,
    expected_version: int | None = None,
) -> Engagement:
    """ "I can't do this after all": the expert takes back her yes, at any time before it
    happens, without a reason (a coordinator may record it for her). Her calendar is freed, the
    coordinators are alerted, the organisation is told when the date was fixed, and when nobody
    else is left the request goes back to matching."""
    if role == Actor.EXPERT:
        _require_own_expert(engagement, actor)
    else:
        _require_coordinator(actor)
    locked_request = _lock_request(engagement.request, expected_version)
    was_confirmed = engagement.status == EngagementStatus.CONFIRMED
    name = engagement.expert.public_name

    def notify(locked):
        for user in coordinator_recipients(locked.request):
            coordinator_notify(
                user=user,
                template="bookings/expert_withdrew_coordinator",
                context={
                    "engagement": locked,
                    "reference": locked.request.reference,
                    "expert_name": name,
                    "has_note": bool((note or "").strip()),
                },
            )
        if was_confirmed:
            _tell_organisation(locked, "engagement_cancelled")

    engagement_set_status(
        engagement=engagement,
        new_status=EngagementStatus.WITHDRAWN,
        actor=actor,
        role=role,
        locked_request=locked_request,
        changes={
            "cancelled_at": timezone.now(),
            "decline_reason": (note or "").strip()[:2000],
        },
        message=_("%(expert)s can't do this after all.") % {"expert": name},
        notify=notify,
    )
    _sync(engagement.request, locked_request)
    return engagement
