"""Scaled-up data for `make bench`: news articles, experts, requests with engagements and messages.

Bulk inserts (a few thousand rows per statement batch), so 10,000 requests take seconds, not the
minutes the services would. The rows are realistic enough for the queries that list them:
statuses spread over the workflow, dates spread over three years, engagements with their calendar
events, messages (some unread), activities. Never used by the portal itself.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

BATCH = 2000
STATUSES = [
    ("in_triage", 8),
    ("matching", 6),
    ("expert_asked", 6),
    ("scheduled", 10),
    ("delivered", 8),
    ("closed", 50),
    ("declined", 5),
    ("withdrawn", 4),
    ("cancelled", 3),
]
WORDS = (
    "training signalen jongerenwerk loverboys grooming sextortion voorlichting docenten "
    "politie gemeente zorg podcast interview panel scholen ouders wijkteam"
).split()


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(5)).capitalize()


@transaction.atomic
def add_experts(count: int, *, seed: int = 1) -> list:
    """Public experts with a calendar and a few topics each."""
    from speakers.models import Expert, IdentityMode, Topic
    from speakers.services import expert_ensure_calendar

    rng = random.Random(seed)
    topics = list(Topic.objects.all()) or [
        Topic.objects.create(name=f"Onderwerp {n}", slug=f"onderwerp-{n}") for n in range(12)
    ]
    start = Expert.objects.count()
    experts = []
    for n in range(start, start + count):
        expert = Expert.objects.create(
            public_name=f"Bench schuilnaam {n}",
            slug=f"bench-schuilnaam-{n}",
            identity_mode=IdentityMode.PSEUDONYM if n % 5 else IdentityMode.NAMED,
            short_bio="Ik vertel wat mij hielp, en wat professionals kunnen doen.",
            regions=["nationwide"],
            languages=["nl"],
        )
        expert_ensure_calendar(expert=expert)
        expert.topics.set(rng.sample(topics, k=min(3, len(topics))))
        experts.append(expert)
    return experts


@transaction.atomic
def add_articles(count: int, *, seed: int = 1) -> int:
    """News articles under the first (Dutch) news index, inserted in bulk into the page tree."""
    from wagtail.models import Page

    from cms.models import NewsArticlePage, NewsIndexPage

    rng = random.Random(seed)
    index = NewsIndexPage.objects.order_by("path").first()
    if index is None:
        return 0
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    now = timezone.now()
    first_position = index.numchild + 1
    pages = []
    for offset in range(count):
        title = f"{_title(rng)} {first_position + offset}"
        slug = f"bench-artikel-{first_position + offset}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, first_position + offset),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                live_revision=None,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    created = Page.objects.filter(path__in=[page.path for page in pages]).values_list("pk", "path")
    by_path = {path: pk for pk, path in created}
    today = timezone.localdate()
    for page in pages:
        article = NewsArticlePage(
            page_ptr_id=by_path[page.path],
            date=today - dt.timedelta(days=rng.randrange(0, 3 * 365)),
            intro="Een korte inleiding op dit bericht, in een of twee zinnen.",
            # "text" is BodyBlock's rich text (cms/blocks.py).
            body=[("text", "<p>Een alinea met de kern van het bericht.</p>")],
        )
        # Only the child table: the Page row exists already.
        article.save_base(raw=True)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    return count


def _bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


@transaction.atomic
def add_requests(count: int, *, focus_organisation=None, focus_share: float = 0.1, seed: int = 1):
    """Confirmed requests with date options, engagements (and their events), messages, activities.

    ``focus_organisation`` receives ``focus_share`` of them (the organisation whose list the
    bench measures); the rest are spread over 200 organisations.
    """
    from schedule.models import Event

    from bookings.models import (
        Activity,
        BookingRequest,
        DateOption,
        Engagement,
        Message,
        Organisation,
        OrganisationMembership,
    )
    from hope.models import User
    from speakers.models import Expert

    rng = random.Random(seed + BookingRequest.objects.count())
    organisations = list(Organisation.objects.filter(name__startswith="Bench organisatie"))
    if not organisations:
        organisations = _bulk(
            Organisation,
            [
                Organisation(name=f"Bench organisatie {n}", kind="municipality", verified=True)
                for n in range(200)
            ],
        )
        users = _bulk(
            User,
            [User(email=f"bench-contact-{n}@example.org", is_active=True) for n in range(200)],
        )
        _bulk(
            OrganisationMembership,
            [
                OrganisationMembership(organisation=org, user=user)
                for org, user in zip(organisations, users, strict=True)
            ],
        )
    contacts = dict(
        OrganisationMembership.objects.filter(organisation__in=organisations).values_list(
            "organisation_id", "user_id"
        )
    )
    if focus_organisation is not None:
        contacts[focus_organisation.pk] = (
            OrganisationMembership.objects.filter(organisation=focus_organisation)
            .values_list("user_id", flat=True)
            .first()
        )
    experts = list(Expert.objects.select_related("calendar"))
    statuses = [status for status, weight in STATUSES for _ in range(weight)]
    now = timezone.now()
    start_number = BookingRequest.objects.count()

    requests = []
    for n in range(start_number, start_number + count):
        if focus_organisation is not None and rng.random() < focus_share:
            organisation_id = focus_organisation.pk
        else:
            organisation_id = rng.choice(organisations).pk
        received = now - dt.timedelta(days=rng.uniform(0, 3 * 365))
        requests.append(
            BookingRequest(
                reference=f"BENCH-{n:06d}",
                organisation_id=organisation_id,
                contact_id=contacts.get(organisation_id),
                kind=rng.choice(["talk", "training", "advice", "panel"]),
                title=_title(rng),
                description="Wat we willen bereiken, en waarom met een ervaringsdeskundige.",
                audience_description="Medewerkers van het wijkteam",
                audience_size=rng.randrange(5, 200),
                mode="in_person",
                place="Utrecht",
                status=rng.choice(statuses),
                submitted_at=received,
                confirmed_at=received,
                consent_at=received,
            )
        )
    requests = _bulk(BookingRequest, requests)

    options, messages, activities, events, engagement_rows = [], [], [], [], []
    for booking_request in requests:
        wanted = booking_request.confirmed_at + dt.timedelta(days=rng.randrange(14, 90), hours=10)
        for position in (1, 2):
            starts = wanted + dt.timedelta(days=position - 1)
            options.append(
                DateOption(
                    request=booking_request,
                    position=position,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=2),
                )
            )
        for position in range(2):
            from_organisation = position == 0
            messages.append(
                Message(
                    request=booking_request,
                    author_id=booking_request.contact_id if from_organisation else None,
                    body="Dank voor uw bericht. Wij komen erop terug.",
                    from_organisation=from_organisation,
                    read_by_coordinator_at=None if rng.random() < 0.05 else now,
                    read_by_organisation_at=now,
                )
            )
        activities.append(
            Activity(
                request=booking_request,
                kind="created",
                new_status="in_triage",
                visible_to_organisation=True,
            )
        )
        if booking_request.status in ("expert_asked", "scheduled", "delivered", "closed"):
            expert = rng.choice(experts)
            status = {
                "expert_asked": "asked",
                "scheduled": "confirmed",
                "delivered": "delivered",
                "closed": "aftercare_done",
            }[booking_request.status]
            events.append(
                Event(
                    calendar_id=expert.calendar_id,
                    start=wanted,
                    end=wanted + dt.timedelta(hours=2),
                    title="HOPE engagement",
                )
            )
            engagement_rows.append((booking_request, expert, status, wanted))
    _bulk(DateOption, options)
    _bulk(Message, messages)
    _bulk(Activity, activities)
    events = _bulk(Event, events)
    _bulk(
        Engagement,
        [
            Engagement(
                request=booking_request,
                expert=expert,
                status=status,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                event=event,
            )
            for (booking_request, expert, status, starts), event in zip(
                engagement_rows, events, strict=True
            )
        ],
    )
    return requests
