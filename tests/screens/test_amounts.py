"""Amounts of money with a thousands separator, as a Dutch or English reader writes them."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories.followup import DeliveredEngagementFactory, ExpertWithUserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "total", "outstanding"),
    [("nl", "€\xa01.030,40", "€\xa02.000,00"), ("en", "€1,030.40", "€2,000.00")],
)
def test_payments_page_groups_thousands(client, language, total, outstanding):
    expert = ExpertWithUserFactory()
    expert.user.preferred_language = language
    expert.user.save()
    DeliveredEngagementFactory(
        expert=expert,
        fee=Decimal("1000.00"),
        travel_costs=Decimal("30.40"),
        paid_on=timezone.localdate(),
    )
    DeliveredEngagementFactory(expert=expert, fee=Decimal("2000.00"))
    client.force_login(expert.user)
    with translation.override(language):
        url = reverse("engagements:payments")
    html = client.get(url).content.decode()
    assert total in html
    assert outstanding in html
    assert "1030" not in html
