"""Engagements in the expert's calendar (django-scheduler), and refusing double bookings.

Each engagement has its own `schedule.Event` in the expert's calendar. Titles are neutral and
carry no request details (they appear in the expert's private calendar feed). A cancelled or
declined engagement keeps its event with its one occurrence marked cancelled, so calendar feeds
can tell the expert it is off while the availability selector no longer counts it as busy.

The overlap check runs inside the booking transaction with the expert's row locked; on
PostgreSQL an exclusion constraint on (expert, time range) of active engagements backs it up
(migration bookings.0003), so two coordinators clicking at the same moment cannot double-book.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from schedule.models import Event, Occurrence

from bookings.enums import ENGAGEMENT_ACTIVE_STATES
from speakers.models import Expert
from speakers.selectors import AMSTERDAM, calendar_occurrences
from speakers.services.experts import expert_ensure_calendar

# Stored titles (never translated, never sensitive).
TENTATIVE_TITLE = "HOPE engagement (tentative)"
CONFIRMED_TITLE = "HOPE engagement"
CANCELLED_TITLE = "HOPE engagement (cancelled)"


class SchedulingConflict(Exception):
    """The expert is not free at that time. `str(error)` is a translated sentence."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _local(moment: dt.datetime) -> str:
    return date_format(moment.astimezone(AMSTERDAM), "j F Y H:i")


def find_conflicts(
    *,
    expert: Expert,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    ignore_engagement=None,
) -> list[str]:
    """What keeps the expert busy in [starts_at, ends_at): one sentence per clash.

    Looks at the expert's calendar (unavailability, recurring ones expanded in Europe/Amsterdam,
    and engagement events) and at active engagements without an event.
    """
    from bookings.models import Engagement

    ignore_event_id = getattr(ignore_engagement, "event_id", None)
    ignore_engagement_id = getattr(ignore_engagement, "pk", None)
    clashes = []
    entries = calendar_occurrences(experts=[expert], start=starts_at, end=ends_at)[expert.pk]
    for entry in entries:
        if ignore_event_id and entry.event_id == ignore_event_id:
            continue
        if entry.is_unavailability:
            clashes.append(
                _("unavailable from %(start)s to %(end)s")
                % {"start": _local(entry.start), "end": _local(entry.end)}
            )
        else:
            clashes.append(
                _("another engagement from %(start)s to %(end)s")
                % {"start": _local(entry.start), "end": _local(entry.end)}
            )
    without_event = (
        Engagement.objects.filter(
            expert=expert,
            status__in=ENGAGEMENT_ACTIVE_STATES,
            event__isnull=True,
            starts_at__lt=ends_at,
            ends_at__gt=starts_at,
        )
        .exclude(pk=ignore_engagement_id)
        .values_list("starts_at", "ends_at")
    )
    for start, end in without_event:
        clashes.append(
            _("another engagement from %(start)s to %(end)s")
            % {"start": _local(start), "end": _local(end)}
        )
    return clashes


def ensure_free(
    *,
    expert: Expert,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    ignore_engagement=None,
) -> None:
    """Raise SchedulingConflict when the expert is busy (call inside the booking transaction)."""
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValueError("starts_at and ends_at must be timezone-aware")
    if ends_at <= starts_at:
        raise SchedulingConflict(_("The end must be after the start."))
    clashes = find_conflicts(
        expert=expert, starts_at=starts_at, ends_at=ends_at, ignore_engagement=ignore_engagement
    )
    if clashes:
        raise SchedulingConflict(
            _("%(expert)s is not free then: %(clashes)s.")
            % {"expert": expert.public_name, "clashes": "; ".join(clashes)}
        )


def event_create_tentative(
    *, expert: Expert, starts_at: dt.datetime, ends_at: dt.datetime, creator=None
) -> Event:
    calendar = expert_ensure_calendar(expert=expert)
    return Event.objects.create(
        calendar=calendar,
        start=starts_at,
        end=ends_at,
        title=TENTATIVE_TITLE,
        creator=creator,
    )


def event_confirm(*, event: Event | None) -> None:
    if event is None:
        return
    event.title = CONFIRMED_TITLE
    event.save(update_fields=["title", "updated_on"])


def event_tentative(*, event: Event | None) -> None:
    """Back to a tentative hold (moved to another day: the expert is asked again)."""
    if event is None:
        return
    Occurrence.objects.filter(event=event).delete()
    event.title = TENTATIVE_TITLE
    event.save(update_fields=["title", "updated_on"])


def event_move(*, event: Event | None, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if event is None:
        return
    Occurrence.objects.filter(event=event).delete()
    event.start = starts_at
    event.end = ends_at
    event.save(update_fields=["start", "end", "updated_on"])


def event_cancel(*, event: Event | None) -> None:
    """Keep the event, mark its occurrence cancelled: no longer busy, visibly off in feeds."""
    if event is None:
        return
    Occurrence.objects.filter(event=event).delete()
    Occurrence.objects.create(
        event=event,
        title=CANCELLED_TITLE,
        start=event.start,
        end=event.end,
        original_start=event.start,
        original_end=event.end,
        cancelled=True,
    )
    event.title = CANCELLED_TITLE
    event.save(update_fields=["title", "updated_on"])
