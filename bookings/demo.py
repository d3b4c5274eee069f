"""Demo organisations and requests in every status. Fictional; idempotent (found by title)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from bookings.enums import (
    ActivityKind,
    Audience,
    EngagementKind,
    EngagementStatus,
    Medium,
    MeetingMode,
    OrganisationKind,
    RequestStatus,
)
from bookings.models import (
    Activity,
    BookingRequest,
    DateOption,
    Engagement,
    Evaluation,
    Message,
    Organisation,
    OrganisationMembership,
    next_request_reference,
)

S = RequestStatus
ORGANISATIONS = [
    # key, name, kind, website, contact email (None: made here), verified
    (
        "gemeente",
        "Gemeente Rivierstad",
        OrganisationKind.MUNICIPALITY,
        "https://www.rivierstad.example",
        "org1@example.org",
        True,
    ),
    (
        "krant",
        "Dagblad De Morgenpost",
        OrganisationKind.MEDIA,
        "https://www.morgenpost.example",
        "org2@example.org",
        True,
    ),
    (
        "politie",
        "Politie Eenheid Midden (demo)",
        OrganisationKind.POLICE,
        "",
        "politie.demo@example.org",
        True,
    ),
    (
        "jeugdzorg",
        "Jeugdzorg Het Anker",
        OrganisationKind.CARE,
        "https://www.hetanker.example",
        "anker.demo@example.org",
        True,
    ),
    (
        "school",
        "Lyceum De Horizon",
        OrganisationKind.EDUCATION,
        "",
        "horizon.demo@example.org",
        False,
    ),
    (
        "ministerie",
        "Ministerie van Voorbeeldzaken",
        OrganisationKind.GOVERNMENT,
        "",
        "ministerie.demo@example.org",
        True,
    ),
]

# key of organisation, status, kind, title, audience, size, extra fields
REQUESTS = [
    (
        "gemeente",
        S.IN_TRIAGE,
        EngagementKind.TRAINING,
        "Training signalen herkennen voor wijkteams",
        "Wijkteammedewerkers",
        30,
        {},
    ),
    (
        "gemeente",
        S.MATCHING,
        EngagementKind.ADVICE,
        "Advies over ons nieuwe beleidsplan mensenhandel",
        "Beleidsmedewerkers",
        6,
        {},
    ),
    (
        "gemeente",
        S.CLOSED,
        EngagementKind.TALK,
        "Lezing op de netwerkdag zorg en veiligheid",
        "Professionals uit de regio",
        120,
        {},
    ),
    (
        "gemeente",
        S.WITHDRAWN,
        EngagementKind.PANEL,
        "Panelgesprek raadsinformatieavond",
        "Gemeenteraadsleden",
        25,
        {},
    ),
    (
        "krant",
        S.MORE_INFO_NEEDED,
        EngagementKind.MEDIA_INTERVIEW,
        "Achtergrondinterview over online werving",
        "",
        None,
        {
            "media_outlet": "Dagblad De Morgenpost",
            "media_medium": Medium.PRINT,
            "media_identity_conditions_accepted": True,
        },
    ),
    (
        "krant",
        S.EXPERT_ASKED,
        EngagementKind.MEDIA_INTERVIEW,
        "Podcastaflevering over nazorg",
        "",
        None,
        {
            "media_outlet": "De Morgenpost Podcast",
            "media_medium": Medium.PODCAST,
            "media_identity_conditions_accepted": True,
            "media_questions": "1. Wat hielp jou het meest?\n2. Wat moet er beter?",
            "media_quote_review_agreed": True,
        },
    ),
    (
        "krant",
        S.DECLINED,
        EngagementKind.MEDIA_INTERVIEW,
        "Live-uitzending met gezicht in beeld",
        "",
        None,
        {"media_outlet": "Regio TV (demo)", "media_medium": Medium.TV},
    ),
    (
        "politie",
        S.SCHEDULED,
        EngagementKind.TRAINING,
        "Training traumasensitief verhoren",
        "Rechercheurs zeden",
        18,
        {},
    ),
    (
        "politie",
        S.NO_EXPERT_AVAILABLE,
        EngagementKind.TALK,
        "Voorlichting op de opleidingsdag",
        "Aspiranten",
        60,
        {},
    ),
    (
        "jeugdzorg",
        S.DELIVERED,
        EngagementKind.SOUNDING_BOARD,
        "Klankbord voor ons nazorgprogramma",
        "Behandelaars en teamleiders",
        10,
        {},
    ),
    (
        "jeugdzorg",
        S.CANCELLED,
        EngagementKind.TRAINING,
        "Training voor nieuwe pleegouders",
        "Pleegouders",
        20,
        {},
    ),
    (
        "school",
        S.AWAITING_CONFIRMATION,
        EngagementKind.TALK,
        "Gastles preventie voor de bovenbouw",
        "Leerlingen havo/vwo 4",
        90,
        {},
    ),
    (
        "ministerie",
        S.MATCHING,
        EngagementKind.PROJECT,
        "Meedenken over de campagne tegen victim blaming",
        "Projectteam",
        8,
        {},
    ),
]

# The road each status took, for the timeline.
PATHS = {
    S.AWAITING_CONFIRMATION: [],
    S.IN_TRIAGE: [S.IN_TRIAGE],
    S.MORE_INFO_NEEDED: [S.IN_TRIAGE, S.MORE_INFO_NEEDED],
    S.MATCHING: [S.IN_TRIAGE, S.MATCHING],
    S.EXPERT_ASKED: [S.IN_TRIAGE, S.MATCHING, S.EXPERT_ASKED],
    S.SCHEDULED: [S.IN_TRIAGE, S.MATCHING, S.EXPERT_ASKED, S.SCHEDULED],
    S.DELIVERED: [S.IN_TRIAGE, S.MATCHING, S.EXPERT_ASKED, S.SCHEDULED, S.DELIVERED],
    S.CLOSED: [S.IN_TRIAGE, S.MATCHING, S.EXPERT_ASKED, S.SCHEDULED, S.DELIVERED, S.CLOSED],
    S.DECLINED: [S.IN_TRIAGE, S.DECLINED],
    S.WITHDRAWN: [S.IN_TRIAGE, S.MATCHING, S.WITHDRAWN],
    S.CANCELLED: [S.IN_TRIAGE, S.MATCHING, S.CANCELLED],
    S.NO_EXPERT_AVAILABLE: [S.IN_TRIAGE, S.MATCHING, S.NO_EXPERT_AVAILABLE],
}
NOTES = {
    S.MORE_INFO_NEEDED: "Kunt u de vragen vooraf sturen en vertellen wanneer het stuk verschijnt?",
    S.DECLINED: (
        "Onze ervaringsdeskundigen verschijnen niet herkenbaar in beeld. Een interview zonder "
        "beeld kan wel; stuur gerust een nieuwe aanvraag."
    ),
    S.WITHDRAWN: "De avond is verplaatst naar volgend jaar.",
    S.NO_EXPERT_AVAILABLE: "Op deze data is helaas niemand beschikbaar.",
}


def _contact(email: str, password: str, organisation_name: str):
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        from allauth.account.models import EmailAddress

        user = user_model.objects.create_user(
            email=email, password=password, first_name="Demo", last_name=organisation_name[:30]
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@transaction.atomic
def seed(*, password: str, stdout) -> None:
    from speakers.models import Expert

    experts = list(Expert.objects.order_by("public_name")[:4])
    coordinator = get_user_model().objects.filter(email="coordinator@example.org").first()
    organisations = {}
    contacts = {}
    for key, name, kind, website, email, verified in ORGANISATIONS:
        organisation, _created = Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "website": website, "verified": verified}
        )
        contact = _contact(email, password, name)
        OrganisationMembership.objects.get_or_create(
            organisation=organisation, user=contact, defaults={"role": "admin"}
        )
        organisations[key] = organisation
        contacts[key] = contact

    created = 0
    now = timezone.now()
    for index, (key, status, kind, title, audience, size, extra) in enumerate(REQUESTS):
        organisation = organisations[key]
        if BookingRequest.objects.filter(organisation=organisation, title=title).exists():
            continue
        created += 1
        past = status in (S.DELIVERED, S.CLOSED)
        start = (now + dt.timedelta(days=-20 - index if past else 21 + index * 3)).replace(
            hour=13, minute=0, second=0, microsecond=0
        )
        booking_request = BookingRequest.objects.create(
            reference=next_request_reference(),
            organisation=organisation,
            contact=contacts[key],
            kind=kind,
            title=title,
            description=(
                "Demo-aanvraag. We willen dat onze mensen beter begrijpen wat jongeren meemaken "
                "en wat hen echt helpt."
            ),
            audience_description=audience,
            audience_kind=Audience.PROFESSIONALS if audience else "",
            audience_size=size,
            mode=MeetingMode.ONLINE
            if kind == EngagementKind.MEDIA_INTERVIEW
            else MeetingMode.IN_PERSON,
            place="" if kind == EngagementKind.MEDIA_INTERVIEW else "Rivierstad",
            duration_minutes=90,
            fee_offered=Decimal("250.00"),
            status=status,
            coordinator=coordinator if status != S.AWAITING_CONFIRMATION else None,
            submitted_at=now,
            confirmed_at=None if status == S.AWAITING_CONFIRMATION else now,
            consent_at=now,
            **extra,
        )
        DateOption.objects.create(
            request=booking_request,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            position=1,
        )
        Activity.objects.create(
            request=booking_request,
            actor=contacts[key],
            kind=ActivityKind.CREATED,
            new_status=S.AWAITING_CONFIRMATION,
            visible_to_organisation=True,
        )
        previous = S.AWAITING_CONFIRMATION
        for step in PATHS[status]:
            Activity.objects.create(
                request=booking_request,
                actor=contacts[key] if step in (S.IN_TRIAGE, S.WITHDRAWN) else coordinator,
                kind=ActivityKind.STATUS_CHANGED,
                old_status=previous,
                new_status=step,
                message=NOTES.get(step, "") if step == status else "",
                visible_to_organisation=True,
            )
            previous = step
        if status in (S.EXPERT_ASKED, S.SCHEDULED, S.DELIVERED, S.CLOSED) and experts:
            engagement_status = {
                S.EXPERT_ASKED: EngagementStatus.ASKED,
                S.SCHEDULED: EngagementStatus.CONFIRMED,
                S.DELIVERED: EngagementStatus.DELIVERED,
                S.CLOSED: EngagementStatus.AFTERCARE_DONE,
            }[status]
            Engagement.objects.create(
                request=booking_request,
                expert=experts[index % len(experts)],
                status=engagement_status,
                starts_at=start,
                ends_at=start + dt.timedelta(hours=2),
                fee=Decimal("250.00"),
            )
        if status in (S.MORE_INFO_NEEDED, S.SCHEDULED):
            Message.objects.create(
                request=booking_request,
                author=coordinator,
                body="Dank voor uw aanvraag. Ik ben uw vaste contactpersoon bij HOPE.",
            )
        if status == S.CLOSED:
            Evaluation.objects.create(
                request=booking_request,
                rating=5,
                went_well="Open en eerlijk verhaal; de zaal was stil.",
                what_changed="We hebben ons meldprotocol aangepast.",
                submitted_by=contacts[key],
            )
    stdout.write(
        f"bookings: {len(organisations)} organisations, {created} new demo requests "
        f"({'with' if experts else 'without'} experts)."
    )
