"""Reminders and follow-up after an engagement, and the expert's own aftercare answers.

`run_followups(now=...)` is what the periodic command (or its django-tasks job) runs. It is
idempotent: each email leaves a `FollowUpMarker` whose unique key is created in the same
transaction as the email is queued (sent after commit), so repeated or concurrent runs never
send the same thing twice. Days are counted in Europe/Amsterdam, so DST changes do not shift
them.

- two days before a confirmed engagement: a reminder to the organisation, and to the expert
  two days or one day before, as she chose (`Expert.reminder_days_before`);
- from the day after it: an aftercare check-in to the expert with three one-click answers;
  "I'd like a debrief" and "I need support now" alert the coordinators at once;
- after delivery: an evaluation request to the organisation; after the aftercare, a feedback
  request to the expert unless she turned those off (`expert_feedback_request`);
- an expert who has not answered a question within 48 hours: the coordinators are alerted.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.enums import EngagementStatus, RequestStatus
from bookings.identity import expert_name_for_organisation
from bookings.models import Activity, BookingRequest, Engagement
from bookings.models.followup import (
    ALERTING_ANSWERS,
    AftercareCheckIn,
    CheckInAnswer,
    ExpertFeedback,
    FollowUpKind,
    LinkPurpose,
    WorkAgain,
)
from bookings.services import expert_answers
from bookings.services.engagement_base import EngagementRefused
from bookings.services.expert_feedback_request import send_expert_feedback_requests

# The steps every follow-up shares (followup_base), under the names this module always used.
from bookings.services.followup_base import LIMIT_PER_RUN, FollowUpReport
from bookings.services.followup_base import claim as _claim
from bookings.services.followup_base import day_context as _day_context
from bookings.services.followup_base import mail as _mail
from bookings.services.impact_followup import send_impact_questions
from bookings.services.request_base import coordinator_recipients, organisation_recipients
from hope.roles import COORDINATORS
from speakers.selectors import AMSTERDAM

REMINDER_DAYS_BEFORE = 2
ANSWER_OVERDUE_AFTER = dt.timedelta(hours=48)
# Older engagements get no check-in or evaluation request (e.g. after an outage of the timer).
CHECKIN_WINDOW = dt.timedelta(days=14)
EVALUATION_WINDOW = dt.timedelta(days=30)


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in Amsterdam (midnight always exists there: DST changes at 2-3 am)."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=AMSTERDAM)


def _all_coordinators() -> list:
    return list(
        get_user_model()
        .objects.filter(groups__name=COORDINATORS, is_active=True)
        .distinct()
        .order_by("email")
    )


# --- the periodic run ---------------------------------------------------------------------------


def run_followups(*, now: dt.datetime | None = None) -> FollowUpReport:
    now = now or timezone.now()
    report = FollowUpReport()
    send_reminders(now=now, report=report)
    send_aftercare_checkins(now=now, report=report)
    send_evaluation_requests(now=now, report=report)
    alert_unanswered(now=now, report=report)
    send_impact_questions(now=now, report=report)  # issue 14
    send_expert_feedback_requests(now=now, report=report)
    return report


def send_reminders(*, now: dt.datetime, report: FollowUpReport) -> None:
    """From the start of the day two days before (Amsterdam) until it begins; the expert's own
    reminder from the start of the day she chose (two days or one day before)."""
    today = now.astimezone(AMSTERDAM).date()
    horizon = local_midnight(today + dt.timedelta(days=REMINDER_DAYS_BEFORE + 1))
    engagements = (
        Engagement.objects.filter(
            status__in=lifecycle.states_for("remind", lifecycle.Actor.SYSTEM),
            starts_at__gt=now,
            starts_at__lt=horizon,
        )
        .select_related("expert__user", "request__organisation", "request__contact")
        .order_by("starts_at", "pk")[:LIMIT_PER_RUN]
    )
    for engagement in engagements:
        with transaction.atomic():
            expert_from = local_midnight(today + dt.timedelta(days=_expert_days(engagement) + 1))
            if engagement.starts_at < expert_from and _claim(
                kind=FollowUpKind.REMINDER_EXPERT, key=str(engagement.pk), engagement=engagement
            ):
                _mail(
                    [engagement.expert.user],
                    "bookings/reminder_expert",
                    {**_day_context(engagement), "practical_info": engagement.practical_info},
                    links=lambda _user, pk=engagement.pk: {
                        "portal_url": expert_answers.absolute(
                            "engagements:detail", kwargs={"pk": pk}
                        )
                    },
                )
                report.add(FollowUpKind.REMINDER_EXPERT)
            if _claim(
                kind=FollowUpKind.REMINDER_ORGANISATION,
                key=str(engagement.pk),
                engagement=engagement,
            ):
                _mail(
                    organisation_recipients(engagement.request),
                    "bookings/reminder_organisation",
                    {
                        **_day_context(engagement),
                        "expert_name": expert_name_for_organisation(engagement.expert),
                    },
                )
                report.add(FollowUpKind.REMINDER_ORGANISATION)


def _expert_days(engagement: Engagement) -> int:
    return min(engagement.expert.reminder_days_before or REMINDER_DAYS_BEFORE, REMINDER_DAYS_BEFORE)


def _tell_coordinators(users, template: str, context: dict) -> None:
    """Through the one rule: now, or in the coordinator's daily digest."""
    from bookings.services.coordinator_notices import coordinator_notify

    for user in users:
        coordinator_notify(user=user, template=template, context=context)


def send_aftercare_checkins(*, now: dt.datetime, report: FollowUpReport) -> None:
    """From the day after the engagement (Amsterdam): "how are you?" with three answers."""
    today_start = local_midnight(now.astimezone(AMSTERDAM).date())
    engagements = (
        Engagement.objects.filter(
            status__in=lifecycle.states_for("check_in", lifecycle.Actor.SYSTEM),
            ends_at__lte=today_start,
            ends_at__gte=now - CHECKIN_WINDOW,
            expert__user__isnull=False,
            checkin__isnull=True,
        )
        .select_related("expert__user", "request")
        .order_by("ends_at", "pk")[:LIMIT_PER_RUN]
    )
    for engagement in engagements:
        with transaction.atomic():
            if not _claim(
                kind=FollowUpKind.AFTERCARE_CHECKIN, key=str(engagement.pk), engagement=engagement
            ):
                continue
            link = expert_answers.issue_link(engagement=engagement, purpose=LinkPurpose.AFTERCARE)
            _mail(
                [engagement.expert.user],
                "bookings/aftercare_checkin",
                {
                    **_day_context(engagement),
                    "valid_days": expert_answers.MAX_AGE_DAYS[LinkPurpose.AFTERCARE],
                },
                links=lambda _user, link=link: {
                    "answers": [
                        (label, expert_answers.link_url(link, value))
                        for value, label in CheckInAnswer.choices
                    ]
                },
            )
            report.add(FollowUpKind.AFTERCARE_CHECKIN)


def send_evaluation_requests(*, now: dt.datetime, report: FollowUpReport) -> None:
    """Delivered requests without an evaluation, from the day after the last engagement."""
    from django.conf import settings
    from django.urls import reverse

    today_start = local_midnight(now.astimezone(AMSTERDAM).date())
    requests = (
        BookingRequest.objects.filter(
            status=RequestStatus.DELIVERED,
            evaluation__isnull=True,
            engagements__status__in=lifecycle.states_for("ask_evaluation", lifecycle.Actor.SYSTEM),
            engagements__ends_at__gte=now - EVALUATION_WINDOW,
        )
        .exclude(engagements__ends_at__gt=today_start)
        .select_related("organisation", "contact")
        .distinct()
        .order_by("pk")[:LIMIT_PER_RUN]
    )
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for booking_request in requests:
        with transaction.atomic():
            if not _claim(
                kind=FollowUpKind.EVALUATION_REQUEST,
                key=str(booking_request.pk),
                booking_request=booking_request,
            ):
                continue
            _mail(
                organisation_recipients(booking_request),
                "bookings/reminder_evaluation",
                {"reference": booking_request.reference, "title": booking_request.title},
                links=lambda _user, reference=booking_request.reference: {
                    "evaluate_url": base + reverse("bookings:request_evaluate", args=[reference])
                },
            )
            report.add(FollowUpKind.EVALUATION_REQUEST)


def alert_unanswered(*, now: dt.datetime, report: FollowUpReport) -> None:
    engagements = (
        Engagement.objects.filter(
            status__in=lifecycle.states_for("alert_unanswered", lifecycle.Actor.SYSTEM),
            created_at__lt=now - ANSWER_OVERDUE_AFTER,
        )
        .select_related("expert", "request__coordinator")
        .order_by("created_at", "pk")[:LIMIT_PER_RUN]
    )
    for engagement in engagements:
        with transaction.atomic():
            if not _claim(
                kind=FollowUpKind.ANSWER_OVERDUE, key=str(engagement.pk), engagement=engagement
            ):
                continue
            _tell_coordinators(
                coordinator_recipients(engagement.request),
                "bookings/reminder_answer_overdue",
                {
                    "engagement": engagement,
                    "reference": engagement.request.reference,
                    "expert_name": engagement.expert.public_name,
                },
            )
            report.add(FollowUpKind.ANSWER_OVERDUE)


# --- the expert's answers -----------------------------------------------------------------------


def _require_own_expert(engagement: Engagement, actor) -> None:
    user_id = engagement.expert.user_id
    if actor is None or user_id is None or getattr(actor, "pk", None) != user_id:
        raise PermissionDenied(_("Only the expert of this engagement can do this."))


CHECKIN_STATES = lifecycle.states_for("check_in", lifecycle.Actor.EXPERT)


@transaction.atomic
def aftercare_checkin_answer(*, engagement: Engagement, actor, answer: str) -> AftercareCheckIn:
    """The expert's answer to "how are you?". A debrief wish or a call for support alerts the
    coordinators at once (support: every coordinator). The answer can be changed later."""
    _require_own_expert(engagement, actor)
    if answer not in CheckInAnswer.values:
        raise EngagementRefused(_("Choose one of the answers."))
    engagement = Engagement.objects.select_related("expert", "request__coordinator").get(
        pk=engagement.pk
    )
    if engagement.status not in CHECKIN_STATES or (
        engagement.ends_at and engagement.ends_at > timezone.now()
    ):
        raise EngagementRefused(_("This engagement has not taken place (yet)."))
    previous = AftercareCheckIn.objects.filter(engagement=engagement).first()
    checkin, _created = AftercareCheckIn.objects.update_or_create(
        engagement=engagement, defaults={"answer": answer}
    )
    Activity.objects.create(
        request=engagement.request,
        engagement=engagement,
        actor=actor,
        kind="engagement",
        message=_("%(expert)s answered the aftercare check-in: %(answer)s")
        % {"expert": engagement.expert.public_name, "answer": checkin.get_answer_display()},
        visible_to_organisation=False,
    )
    newly_alerting = answer in ALERTING_ANSWERS and (previous is None or previous.answer != answer)
    if newly_alerting:
        recipients = (
            _all_coordinators()
            if answer == CheckInAnswer.SUPPORT_NOW
            else coordinator_recipients(engagement.request)
        )
        _tell_coordinators(
            recipients,
            "bookings/aftercare_alert",
            {
                "engagement": engagement,
                "reference": engagement.request.reference,
                "expert_name": engagement.expert.public_name,
                "support_now": answer == CheckInAnswer.SUPPORT_NOW,
                "answer": checkin.get_answer_display(),
            },
        )
    return checkin


@transaction.atomic
def expert_feedback_give(
    *, engagement: Engagement, actor, how_it_went: str = "", work_again: str = ""
) -> ExpertFeedback:
    """The expert's private evaluation, after aftercare. Only coordinators read it; "no" to
    working with this organisation again keeps matching from pairing them again."""
    _require_own_expert(engagement, actor)
    if engagement.status != EngagementStatus.AFTERCARE_DONE:
        raise EngagementRefused(_("You can give your feedback once the aftercare is recorded."))
    if work_again and work_again not in WorkAgain.values:
        raise EngagementRefused(_("Choose one of the answers."))
    feedback, _created = ExpertFeedback.objects.update_or_create(
        engagement=engagement,
        defaults={"how_it_went": (how_it_went or "").strip()[:3000], "work_again": work_again},
    )
    return feedback
