"""The expert's private calendar feed (iCalendar), readable by Google, Outlook and Apple.

Entries carry no sensitive notes: unavailability is "Unavailable", engagements carry the neutral
title of speakers.calendar_titles, in the expert's language. Private notes never leave the
portal. Engagements are TENTATIVE while asked, CONFIRMED once fixed, and CANCELLED + TRANSPARENT
(not busy) when off; a move keeps the UID and raises SEQUENCE, so calendar apps update the entry
in place.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from schedule.models import Event as ScheduleEvent

from speakers.calendar_titles import event_title
from speakers.models import Expert
from speakers.selectors import AMSTERDAM

UID_DOMAIN = "platformhope.nl"
HISTORY = datetime.timedelta(days=92)


def feed_events(*, expert: Expert):
    """Events still relevant: ended less than three months ago, or recurring and not over."""
    if expert.calendar_id is None:
        return ScheduleEvent.objects.none()
    since = timezone.now() - HISTORY
    return (
        ScheduleEvent.objects.filter(calendar_id=expert.calendar_id)
        .filter(_recent_or_recurring(since))
        .select_related("rule", "unavailability", "engagement")
        .prefetch_related("occurrence_set")
        .order_by("start")
    )


def _recent_or_recurring(since):
    return Q(rule__isnull=True, end__gte=since) | (
        Q(rule__isnull=False)
        & (Q(end_recurring_period__isnull=True) | Q(end_recurring_period__gte=since))
    )


def build_feed(*, expert: Expert, language: str = "nl") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Platform HOPE//Expert calendar//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    # Every text in the feed is in the expert's language (she chooses nl or en).
    with translation.override(language):
        calendar.add("x-wr-calname", _("Platform HOPE agenda"))
        unavailable = _("Unavailable")
        for event in feed_events(expert=expert):
            calendar.add_component(_vevent(event, unavailable_title=unavailable))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _vevent(event: ScheduleEvent, *, unavailable_title: str) -> Event:
    entry = Event()
    entry.add("uid", f"hope-event-{event.pk}@{UID_DOMAIN}")
    entry.add("dtstamp", event.updated_on.astimezone(datetime.UTC))
    entry.add("dtstart", event.start.astimezone(AMSTERDAM))
    entry.add("dtend", event.end.astimezone(AMSTERDAM))
    is_unavailability = getattr(event, "unavailability", None) is not None
    entry.add("summary", unavailable_title if is_unavailability else event_title(event))
    entry.add("class", "PRIVATE")
    # An engagement (bookings) tells its own calendar truth through two attributes, read here
    # without importing bookings: `calendar_status` (TENTATIVE, CONFIRMED, CANCELLED) and
    # `sequence`, which rises when it moves or is called off (same UID, RFC 5545).
    engagement = getattr(event, "engagement", None)
    status = getattr(engagement, "calendar_status", None)
    if status:
        entry.add("status", status)
        entry.add("sequence", engagement.sequence)
    entry.add("transp", "TRANSPARENT" if status == "CANCELLED" else "OPAQUE")
    if event.rule_id is not None:
        rrule = {"freq": event.rule.frequency}
        if event.end_recurring_period:
            rrule["until"] = event.end_recurring_period.astimezone(datetime.UTC)
        entry.add("rrule", rrule)
        cancelled = [
            occurrence.original_start.astimezone(AMSTERDAM)
            for occurrence in event.occurrence_set.all()
            if occurrence.cancelled
        ]
        if cancelled:
            entry.add("exdate", cancelled)
    return entry
