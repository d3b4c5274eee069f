"""Reads that carry rules: who is public, who is free, what is in an expert's calendar."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from schedule.models import Event

from speakers.calendar_titles import event_title
from speakers.models import PUBLIC_IDENTITY_MODES, Expert, ExpertIndexPage, Topic

# django-scheduler expands recurring events in the timezone of the start it is given; UTC would
# shift weekly events by an hour across DST (DESIGN "Scheduling facts").
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


# --- Public directory ---------------------------------------------------------------------------


def public_experts(*, topic: Topic | None = None) -> QuerySet[Expert]:
    """Experts who chose to be public (own name or pseudonym), optionally on one topic.

    Paused experts stay visible: pausing only means they cannot be booked for now.
    """
    experts = (
        Expert.objects.filter(identity_mode__in=PUBLIC_IDENTITY_MODES)
        .select_related("photo")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("name")),
            "photo__renditions",
        )
        .order_by("public_name")
    )
    if topic is not None:
        experts = experts.filter(topics=topic)
    return experts


def public_topics() -> QuerySet[Topic]:
    """Topics that at least one public expert speaks on (for the directory filter)."""
    return Topic.objects.filter(experts__identity_mode__in=PUBLIC_IDENTITY_MODES).distinct()


def public_expert_by_slug(*, slug: str) -> Expert | None:
    return public_experts().prefetch_related("formats", "audiences").filter(slug=slug).first()


def directory_page() -> ExpertIndexPage | None:
    """The directory in the active language (the English one on the English site), else any."""
    pages = ExpertIndexPage.objects.live().public().order_by("path")
    language = (get_language() or "nl")[:2]
    return pages.filter(locale__language_code=language).first() or pages.first()


def search_public_experts(*, query: str) -> QuerySet[Expert]:
    """Public experts matching the words of ``query`` in what they chose to show: their public
    name, their introduction in the reader's language and their topics (never no-go topics)."""
    english = (get_language() or "").startswith("en")
    experts = public_experts()
    for word in query.split()[:8]:
        experts = experts.filter(
            Q(public_name__icontains=word)
            | Q(**{("short_bio_en" if english else "short_bio") + "__icontains": word})
            | Q(topics__name__icontains=word)
            | Q(topics__name_en__icontains=word)
        )
    return experts.distinct()


def search_public_topics(*, query: str) -> QuerySet[Topic]:
    """Topics a public expert speaks on whose Dutch or English name matches every word."""
    topics = public_topics()
    for word in query.split()[:8]:
        topics = topics.filter(Q(name__icontains=word) | Q(name_en__icontains=word))
    return topics.order_by("name")


def with_profile_urls(experts: Iterable[Expert], *, page: ExpertIndexPage | None) -> list[Expert]:
    """Set ``expert.profile_url`` (the directory sub-route) on public experts; one query at most."""
    experts = list(experts)
    base = page.url if page is not None else None
    for expert in experts:
        expert.profile_url = f"{base}{expert.slug}/" if base and expert.is_public else None
    return experts


def featured_experts(*, limit: int = 3) -> list[Expert]:
    """A few public experts for the home page (those available first), with profile URLs."""
    experts = public_experts().order_by("paused", "public_name")[:limit]
    return with_profile_urls(experts, page=directory_page())


# --- Pausing ------------------------------------------------------------------------------------


def is_paused_on(*, expert: Expert, day: datetime.date) -> bool:
    """Paused without an end date, or paused up to and including ``paused_until``."""
    if not expert.paused:
        return False
    return expert.paused_until is None or day <= expert.paused_until


# --- Calendars and availability -----------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEntry:
    """One occurrence in an expert's calendar, without any sensitive detail."""

    event_id: int
    start: datetime.datetime
    end: datetime.datetime
    title: str
    is_unavailability: bool
    unavailability_id: int | None
    label: str
    recurring: bool
    cancelled: bool

    @property
    def original_start_iso(self) -> str:
        return self.start.astimezone(datetime.UTC).isoformat()


def _events_touching(calendar_ids: list[int], start, end) -> QuerySet[Event]:
    """SQL prefilter: one-off events overlapping the window, recurring ones that may."""
    one_off = Q(rule__isnull=True, start__lt=end, end__gt=start)
    recurring = Q(rule__isnull=False, start__lt=end) & (
        Q(end_recurring_period__isnull=True) | Q(end_recurring_period__gte=start)
    )
    return (
        Event.objects.filter(calendar_id__in=calendar_ids)
        .filter(one_off | recurring)
        # The engagement (bookings) gives the neutral title in the reader's language.
        .select_related("rule", "unavailability", "engagement")
        .prefetch_related("occurrence_set")
        .order_by("start")
    )


def calendar_occurrences(
    *,
    experts: Iterable[Expert],
    start: datetime.datetime,
    end: datetime.datetime,
    include_cancelled: bool = False,
) -> dict[int, list[CalendarEntry]]:
    """Every occurrence overlapping [start, end) per expert id, recurring ones expanded.

    Two queries whatever the number of experts or events (events with their rule and
    unavailability; persisted occurrences), expanded in Europe/Amsterdam.
    """
    experts = list(experts)
    result: dict[int, list[CalendarEntry]] = {expert.pk: [] for expert in experts}
    by_calendar = {expert.calendar_id: expert.pk for expert in experts if expert.calendar_id}
    if not by_calendar:
        return result
    local_start, local_end = start.astimezone(AMSTERDAM), end.astimezone(AMSTERDAM)
    for event in _events_touching(list(by_calendar), start, end):
        unavailability = getattr(event, "unavailability", None)
        for occurrence in event.get_occurrences(local_start, local_end, clear_prefetch=False):
            if not (occurrence.start < end and occurrence.end > start):
                continue
            if occurrence.cancelled and not include_cancelled:
                continue
            result[by_calendar[event.calendar_id]].append(
                CalendarEntry(
                    event_id=event.pk,
                    start=occurrence.start.astimezone(AMSTERDAM),
                    end=occurrence.end.astimezone(AMSTERDAM),
                    title=event_title(event),
                    is_unavailability=unavailability is not None,
                    unavailability_id=unavailability.pk if unavailability else None,
                    label=unavailability.label if unavailability else "",
                    recurring=event.rule_id is not None,
                    cancelled=bool(occurrence.cancelled),
                )
            )
    for entries in result.values():
        entries.sort(key=lambda entry: (entry.start, entry.end))
    return result


def experts_free_between(
    *, experts: Iterable[Expert], start: datetime.datetime, end: datetime.datetime
) -> dict[int, bool]:
    """{expert id: free?} for the window. Every event in an expert's calendar is busy
    (unavailability and engagements), except cancelled occurrences. Query count is constant."""
    busy = calendar_occurrences(experts=experts, start=start, end=end)
    return {expert_id: not entries for expert_id, entries in busy.items()}


def expert_is_free(*, expert: Expert, start: datetime.datetime, end: datetime.datetime) -> bool:
    return experts_free_between(experts=[expert], start=start, end=end)[expert.pk]


def available_experts(
    *,
    start: datetime.datetime,
    end: datetime.datetime,
    experts: Iterable[Expert] | None = None,
) -> list[Expert]:
    """Experts who are not paused on the start date and have nothing in their calendar then."""
    if experts is None:
        experts = Expert.objects.all()
    day = start.astimezone(AMSTERDAM).date()
    candidates = [expert for expert in experts if not is_paused_on(expert=expert, day=day)]
    free = experts_free_between(experts=candidates, start=start, end=end)
    return [expert for expert in candidates if free[expert.pk]]


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    first = datetime.datetime(year, month, 1, tzinfo=AMSTERDAM)
    following = (
        datetime.datetime(year + 1, 1, 1, tzinfo=AMSTERDAM)
        if month == 12
        else datetime.datetime(year, month + 1, 1, tzinfo=AMSTERDAM)
    )
    return first, following


def today_local() -> datetime.date:
    return timezone.now().astimezone(AMSTERDAM).date()


# --- The expert's own views ---------------------------------------------------------------------


def own_unavailabilities(*, expert: Expert, weeks_ahead: int = 6):
    """The expert's periods that are not over, each with its next weeks (skipped ones included).

    Returns a list of (unavailability, upcoming entries). Three queries.
    """
    from speakers.models import Unavailability

    now = timezone.now()
    periods = list(
        Unavailability.objects.filter(expert=expert)
        .filter(
            Q(event__rule__isnull=True, event__end__gt=now)
            | Q(event__rule__isnull=False, event__end_recurring_period__isnull=True)
            | Q(event__rule__isnull=False, event__end_recurring_period__gt=now)
        )
        .select_related("event", "event__rule")
        .order_by("event__start")
    )
    upcoming: dict[int, list[CalendarEntry]] = {period.pk: [] for period in periods}
    if any(period.event.rule_id for period in periods):
        entries = calendar_occurrences(
            experts=[expert],
            start=now,
            end=now + datetime.timedelta(weeks=weeks_ahead),
            include_cancelled=True,
        )[expert.pk]
        for entry in entries:
            if entry.unavailability_id in upcoming and entry.recurring:
                upcoming[entry.unavailability_id].append(entry)
    return [(period, upcoming[period.pk]) for period in periods]


@dataclass
class MonthDay:
    date: datetime.date
    in_month: bool
    is_today: bool
    entries: list[CalendarEntry]


def month_grid(*, expert: Expert, year: int, month: int) -> list[list[MonthDay]]:
    """Weeks (Monday first) of the month with each day's entries, in Amsterdam time."""
    import calendar as pycalendar

    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first_day, last_day = weeks[0][0], weeks[-1][-1]
    start = datetime.datetime.combine(first_day, datetime.time(), tzinfo=AMSTERDAM)
    end = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time(), tzinfo=AMSTERDAM
    )
    entries = calendar_occurrences(experts=[expert], start=start, end=end)[expert.pk]
    by_day: dict[datetime.date, list[CalendarEntry]] = {}
    for entry in entries:
        day = max(entry.start.date(), first_day)
        last = (entry.end - datetime.timedelta(microseconds=1)).date()
        while day <= min(last, last_day):
            by_day.setdefault(day, []).append(entry)
            day += datetime.timedelta(days=1)
    today = today_local()
    return [
        [
            MonthDay(
                date=day,
                in_month=day.month == month,
                is_today=day == today,
                entries=by_day.get(day, []),
            )
            for day in week
        ]
        for week in weeks
    ]
