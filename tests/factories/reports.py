"""Seeded data with known answers for the impact reports (issue 14).

`seed_quarter()` makes the first quarter of 2026 (and one request in the quarter before) with
every figure the tests check written down in `EXPECTED`.
"""

import datetime as dt
from decimal import Decimal

from bookings.enums import (
    ActivityKind,
    EngagementKind,
    EngagementStatus,
    OrganisationKind,
    RequestStatus,
)
from bookings.models import Activity, Evaluation, Message
from bookings.models.followup import AftercareCheckIn, CheckInAnswer, ExpertFeedback
from bookings.models.impact import ImpactAnswer, RequestTheme, UnmetReason
from speakers.selectors import AMSTERDAM
from tests.factories.bookings import (
    BookingRequestFactory,
    EngagementFactory,
    OrganisationFactory,
)
from tests.factories.speakers import ExpertFactory

S = RequestStatus
PRIVATE = ("PRIVATE-AFTERCARE", "PRIVATE-FEEDBACK", "PRIVATE-MESSAGE", "PRIVATE-NOTE")


def at(year, month, day, hour=10, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def log(request, *steps):
    """Status changes at given moments: (old, new, moment)."""
    for old, new, moment in steps:
        activity = Activity.objects.create(
            request=request, kind=ActivityKind.STATUS_CHANGED, old_status=old, new_status=new
        )
        Activity.objects.filter(pk=activity.pk).update(created_at=moment)


def made_request(*, confirmed_at, status, kind=EngagementKind.TALK, org_kind=None, **kwargs):
    organisation = OrganisationFactory(kind=org_kind or OrganisationKind.MUNICIPALITY)
    return BookingRequestFactory(
        organisation=organisation,
        confirmed_at=confirmed_at,
        submitted_at=confirmed_at,
        status=status,
        kind=kind,
        source=kwargs.pop("source", "portal"),
        **kwargs,
    )


def seed_quarter():
    expert_a = ExpertFactory(public_name="Expert Anna", monthly_capacity=1, heavy_weight=2)
    expert_b = ExpertFactory(public_name="Expert Bo", monthly_capacity=2)

    # R1: delivered; its engagement spans two months (31 Jan 23:30 – 1 Feb 01:30).
    r1 = made_request(confirmed_at=at(2026, 1, 5), status=S.DELIVERED, audience_size=40)
    log(
        r1,
        (S.IN_TRIAGE, S.MATCHING, at(2026, 1, 5, 14)),
        (S.MATCHING, S.EXPERT_ASKED, at(2026, 1, 6)),
        (S.EXPERT_ASKED, S.SCHEDULED, at(2026, 1, 7)),
        (S.SCHEDULED, S.DELIVERED, at(2026, 2, 1, 9)),
    )
    e1 = EngagementFactory(
        request=r1,
        expert=expert_a,
        status=EngagementStatus.DELIVERED,
        starts_at=at(2026, 1, 31, 23, 30),
        ends_at=at(2026, 2, 1, 1, 30),
        confirmed_at=at(2026, 1, 7),
        fee=Decimal("150.00"),
        travel_costs=Decimal("20.00"),
        paid_on=dt.date(2026, 2, 10),
        aftercare_notes="PRIVATE-AFTERCARE",
    )
    ExpertFeedback.objects.create(engagement=e1, how_it_went="PRIVATE-FEEDBACK", work_again="yes")
    AftercareCheckIn.objects.create(engagement=e1, answer=CheckInAnswer.SUPPORT_NOW)
    Message.objects.create(request=r1, body="PRIVATE-MESSAGE", from_organisation=True)
    Message.objects.create(request=r1, body="PRIVATE-NOTE", internal=True)
    evaluation = Evaluation.objects.create(
        request=r1, rating=4, what_changed='=HYPERLINK("http://x") we listen first now'
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(created_at=at(2026, 2, 20))
    answer = ImpactAnswer.objects.create(
        request=r1, what_changed="We changed our intake.", share_with_experts=True
    )
    ImpactAnswer.objects.filter(pk=answer.pk).update(created_at=at(2026, 3, 25))
    RequestTheme.objects.create(request=r1, theme="breaking_taboos")
    RequestTheme.objects.create(request=r1, theme="better_reporting")

    # R2: a guest's training, withdrawn by the organisation 24 hours before the fixed date.
    r2 = made_request(
        confirmed_at=at(2026, 2, 10, 9),
        status=S.WITHDRAWN,
        kind=EngagementKind.TRAINING,
        org_kind=OrganisationKind.POLICE,
        source="guest",
    )
    log(
        r2,
        (S.IN_TRIAGE, S.MATCHING, at(2026, 2, 11, 9)),
        (S.MATCHING, S.EXPERT_ASKED, at(2026, 2, 11, 10)),
        (S.EXPERT_ASKED, S.SCHEDULED, at(2026, 2, 12, 12)),
        (S.SCHEDULED, S.WITHDRAWN, at(2026, 3, 1, 10)),
    )
    EngagementFactory(
        request=r2,
        expert=expert_b,
        status=EngagementStatus.CANCELLED,
        starts_at=at(2026, 3, 2, 10),
        ends_at=at(2026, 3, 2, 12),
        confirmed_at=at(2026, 2, 12, 12),
        cancelled_at=at(2026, 3, 1, 10),
    )
    RequestTheme.objects.create(request=r2, theme="breaking_taboos")

    # R3: a media interview, cancelled by a coordinator before any date was fixed.
    r3 = made_request(
        confirmed_at=at(2026, 3, 3, 12),
        status=S.CANCELLED,
        kind=EngagementKind.MEDIA_INTERVIEW,
        org_kind=OrganisationKind.MEDIA,
    )
    log(
        r3,
        (S.IN_TRIAGE, S.MORE_INFO_NEEDED, at(2026, 3, 3, 13)),
        (S.MORE_INFO_NEEDED, S.IN_TRIAGE, at(2026, 3, 4)),
        (S.IN_TRIAGE, S.CANCELLED, at(2026, 3, 10)),
    )
    message = Message.objects.create(request=r3, body="A question", from_organisation=False)
    Message.objects.filter(pk=message.pk).update(created_at=at(2026, 3, 3, 12, 30))

    # R4: nobody could take it (load); the expert asked said no.
    r4 = made_request(
        confirmed_at=at(2026, 3, 20),
        status=S.NO_EXPERT_AVAILABLE,
        kind=EngagementKind.ADVICE,
        org_kind=OrganisationKind.CARE,
        unmet_reason=UnmetReason.LOAD,
    )
    log(
        r4,
        (S.IN_TRIAGE, S.MATCHING, at(2026, 3, 22)),
        (S.MATCHING, S.EXPERT_ASKED, at(2026, 3, 22, 11)),
        (S.EXPERT_ASKED, S.MATCHING, at(2026, 3, 23)),
        (S.MATCHING, S.NO_EXPERT_AVAILABLE, at(2026, 3, 24)),
    )
    EngagementFactory(
        request=r4,
        expert=expert_b,
        status=EngagementStatus.DECLINED,
        starts_at=at(2026, 4, 20),
        ends_at=at(2026, 4, 20, 12),
    )

    # R5: declined, and anonymised since.
    r5 = made_request(
        confirmed_at=at(2026, 1, 15, 8),
        status=S.DECLINED,
        contact=None,
        anonymised_at=at(2026, 3, 1),
        description="—",
    )
    log(r5, (S.IN_TRIAGE, S.DECLINED, at(2026, 1, 16, 8)))

    # R6: a guest who never confirmed: not a request yet.
    made_request(confirmed_at=None, status=S.AWAITING_CONFIRMATION, source="guest")

    # R7: arrived in the previous quarter; its heavy media interview is in February.
    r7 = made_request(
        confirmed_at=at(2025, 12, 1),
        status=S.SCHEDULED,
        kind=EngagementKind.MEDIA_INTERVIEW,
        org_kind=OrganisationKind.MEDIA,
    )
    log(
        r7,
        (S.IN_TRIAGE, S.MATCHING, at(2025, 12, 2)),
        (S.MATCHING, S.SCHEDULED, at(2025, 12, 5)),
    )
    EngagementFactory(
        request=r7,
        expert=expert_a,
        status=EngagementStatus.CONFIRMED,
        starts_at=at(2026, 2, 15, 10),
        ends_at=at(2026, 2, 15, 12),
        confirmed_at=at(2025, 12, 5),
        fee=Decimal("200.00"),
    )
    return {
        "expert_a": expert_a,
        "expert_b": expert_b,
        "requests": [r1, r2, r3, r4, r5, r7],
        "r1": r1,
        "r4": r4,
        "r5": r5,
    }
