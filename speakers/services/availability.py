"""Unavailable periods in an expert's calendar (one-off or weekly), removing and skipping."""

from __future__ import annotations

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from schedule.models import Event, Occurrence, Rule

from speakers.models import Expert, Unavailability
from speakers.selectors import AMSTERDAM, calendar_occurrences
from speakers.services.experts import expert_ensure_calendar

logger = logging.getLogger(__name__)

# Stored on the Event; what people see is translated by our own views.
UNAVAILABLE_TITLE = "Unavailable"
MAX_ONE_OFF = datetime.timedelta(days=366)
WEEK = datetime.timedelta(days=7)


def weekly_rule() -> Rule:
    rule, _created = Rule.objects.get_or_create(
        name="hope-weekly",
        frequency="WEEKLY",
        params="",
        defaults={"description": "Every week, on the weekday and time of the first period."},
    )
    return rule


def _recurring_until(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=AMSTERDAM)


@transaction.atomic
def unavailability_add(
    *,
    expert: Expert,
    start: datetime.datetime,
    end: datetime.datetime,
    weekly: bool = False,
    repeat_until: datetime.date | None = None,
    label: str = "",
) -> Unavailability:
    """Mark a period unavailable; ``weekly`` repeats it every week (until ``repeat_until``)."""
    if timezone.is_naive(start) or timezone.is_naive(end):
        raise ValueError("start and end must be timezone-aware")
    errors: dict[str, list] = {}
    if end <= start:
        errors["end"] = [_("The end must be after the start.")]
    elif weekly and end - start >= WEEK:
        errors["end"] = [_("A weekly period must be shorter than a week.")]
    elif not weekly and end - start > MAX_ONE_OFF:
        errors["end"] = [_("A period can be at most a year. To stop for longer, pause instead.")]
    if not weekly and end <= timezone.now():
        errors.setdefault("end", []).append(_("This period is already over."))
    if weekly and repeat_until is not None and repeat_until < start.astimezone(AMSTERDAM).date():
        errors["repeat_until"] = [_("The last week cannot be before the first.")]
    if not weekly and repeat_until is not None:
        errors["repeat_until"] = [_("Only a weekly period can have a last week.")]
    if errors:
        raise ValidationError(errors)

    calendar = expert_ensure_calendar(expert=expert)
    overlapping = [
        occ
        for occ in calendar_occurrences(experts=[expert], start=start, end=end)[expert.pk]
        if occ.is_unavailability
    ]
    if overlapping:
        raise ValidationError(
            {"start": [_("You are already unavailable during (part of) this period.")]}
        )
    event = Event.objects.create(
        calendar=calendar,
        start=start,
        end=end,
        title=UNAVAILABLE_TITLE,
        rule=weekly_rule() if weekly else None,
        end_recurring_period=_recurring_until(repeat_until) if weekly and repeat_until else None,
        creator=expert.user,
    )
    unavailability = Unavailability.objects.create(
        expert=expert, event=event, label=(label or "").strip()
    )
    logger.info("expert %s added unavailability %s", expert.pk, unavailability.pk)
    return unavailability


@transaction.atomic
def unavailability_remove(*, unavailability: Unavailability) -> None:
    """Remove the period (all its weeks, if it repeats)."""
    expert_id = unavailability.expert_id
    unavailability.event.delete()  # cascades to the Unavailability and its occurrences
    logger.info("expert %s removed an unavailability", expert_id)


@transaction.atomic
def unavailability_skip_occurrence(
    *, unavailability: Unavailability, original_start: datetime.datetime
) -> Occurrence:
    """Skip one week of a weekly period: that week the expert is available after all."""
    event = unavailability.event
    if event.rule_id is None:
        raise ValidationError(_("Only a weekly period has weeks to skip."))
    window_start = original_start - datetime.timedelta(minutes=1)
    window_end = original_start + datetime.timedelta(minutes=1)
    match = None
    for occurrence in event.get_occurrences(
        window_start.astimezone(AMSTERDAM), window_end.astimezone(AMSTERDAM)
    ):
        if occurrence.original_start == original_start:
            match = occurrence
            break
    if match is None:
        raise ValidationError(_("This week is not part of the period."))
    match.cancelled = True
    match.save()
    logger.info(
        "expert %s skipped one week of unavailability %s",
        unavailability.expert_id,
        unavailability.pk,
    )
    return match
