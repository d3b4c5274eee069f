"""Issue 12: her payments page counts only work that took place as "still to be paid"; a fee
agreed for an unanswered question or a date to come is shown apart, in nl and en."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse, translate_url
from django.utils import timezone

from bookings.enums import EngagementStatus
from tests.factories.followup import (
    ConfirmedEngagementFactory,
    DeliveredEngagementFactory,
    ExpertEngagementFactory,
    ExpertWithUserFactory,
)

pytestmark = pytest.mark.django_db


def in_hours(hours):
    return timezone.now().replace(microsecond=0) + dt.timedelta(hours=hours)


@pytest.mark.parametrize(
    ("language", "still", "to_come", "agreed_label", "to_claim_label"),
    [
        (
            "nl",
            "Nog te betalen: € 50,00",
            "Afgesproken voor werk dat nog komt: € 300,00",
            "Afgesproken; declareer na de inzet",
            "Te declareren",
        ),
        (
            "en",
            "Still to be paid: €50.00",
            "Agreed for work still to come: €300.00",
            "Agreed; claim it after the engagement",
            "To claim",
        ),
    ],
)
def test_a_question_not_answered_is_not_counted_as_to_claim(
    client, language, still, to_come, agreed_label, to_claim_label
):
    expert = ExpertWithUserFactory(user__preferred_language=language)
    # Took place, not claimed: still to be paid.
    DeliveredEngagementFactory(expert=expert, fee=Decimal("50.00"), starts_at=in_hours(-60))
    # An open question in the future with a fee offered, and a confirmed date to come.
    ExpertEngagementFactory(
        expert=expert,
        status=EngagementStatus.ASKED,
        fee=Decimal("200.00"),
        starts_at=in_hours(24 * 10),
        ends_at=in_hours(24 * 10 + 2),
    )
    ConfirmedEngagementFactory(
        expert=expert,
        fee=Decimal("100.00"),
        starts_at=in_hours(24 * 12),
        ends_at=in_hours(24 * 12 + 2),
    )
    client.force_login(expert.user)

    response = client.get(translate_url(reverse("engagements:payments"), language))
    html = response.content.decode().replace("\xa0", " ")  # "€ 50,00" keeps the sign with it

    section = html[html.find("years-heading") : html.find("all-heading")]
    assert still in html, section
    assert to_come in html
    assert html.count(agreed_label) == 2
    assert html.count(to_claim_label) == 1


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("nl", "Nog te betalen voor werk dat al is gebeurd: € 50,00."),
        ("en", "Still to be paid for work that took place: € 50.00."),
    ],
)
def test_the_impact_page_counts_the_same_way(client, language, line):
    expert = ExpertWithUserFactory(user__preferred_language=language)
    DeliveredEngagementFactory(expert=expert, fee=Decimal("50.00"), starts_at=in_hours(-60))
    ExpertEngagementFactory(
        expert=expert,
        status=EngagementStatus.ASKED,
        fee=Decimal("200.00"),
        starts_at=in_hours(24 * 10),
        ends_at=in_hours(24 * 10 + 2),
    )
    client.force_login(expert.user)

    response = client.get(translate_url(reverse("engagements:impact"), language))

    assert line in response.content.decode().replace("\xa0", " ")
