"""The volunteer allowance: warnings in matching and before confirming, the setting, and the
request listing's export of the filtered selection."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import FeeCeilings
from tests.factories.accounts import CoordinatorFactory, EditorFactory, english_admin
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days
from tests.factories.bookings import BookingRequestFactory, EngagementFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator_client(client):
    coordinator = english_admin(CoordinatorFactory())
    client.force_login(coordinator)
    return client


def earlier_fee(expert, starts_at, fee):
    EngagementFactory(
        expert=expert,
        request=BookingRequestFactory(status=RequestStatus.SCHEDULED),
        status=EngagementStatus.CONFIRMED,
        starts_at=starts_at - dt.timedelta(hours=5),
        ends_at=starts_at - dt.timedelta(hours=4),
        fee=Decimal(fee),
    )


def test_matching_warns_when_the_fee_offered_would_cross_the_monthly_allowance(
    coordinator_client,
):
    request = MatchingRequestFactory(fee_offered=Decimal("100.00"))
    option = request.date_options.get().starts_at
    near_ceiling = FittingExpertFactory(public_name="Near Ceiling")
    FittingExpertFactory(public_name="Plenty Room")
    earlier_fee(near_ceiling, option, "150.00")
    html = coordinator_client.get(
        reverse("booking_requests:matching", args=[request.pk])
    ).content.decode()
    assert html.count("above the volunteer allowance of € 210.00 a month") == 1
    assert "€ 250.00" in html


def test_a_lower_ceiling_in_the_settings_is_used(coordinator_client):
    settings = FeeCeilings.load()
    settings.monthly_ceiling = Decimal("50.00")
    settings.save()
    request = MatchingRequestFactory(fee_offered=Decimal("60.00"))
    FittingExpertFactory()
    html = coordinator_client.get(
        reverse("booking_requests:matching", args=[request.pk])
    ).content.decode()
    assert "above the volunteer allowance of € 50.00 a month" in html


def test_the_workspace_warns_before_confirming(coordinator_client):
    expert = FittingExpertFactory()
    starts_at = in_days(20)
    earlier_fee(expert, starts_at, "200.00")
    request = BookingRequestFactory(status=RequestStatus.EXPERT_ASKED)
    EngagementFactory(
        request=request,
        expert=expert,
        status=EngagementStatus.ACCEPTED,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
        fee=Decimal("40.00"),
    )
    html = coordinator_client.get(
        reverse("booking_requests:inspect", args=[request.pk])
    ).content.decode()
    assert "Confirm the engagement" in html
    assert "her fees in" in html and "€ 240.00" in html


def test_editors_cannot_change_the_ceilings(client):
    client.force_login(EditorFactory())
    url = reverse("wagtailsettings:edit", args=["bookings", "feeceilings"])
    response = client.get(url)
    assert response.status_code in (302, 403)


def test_request_listing_exports_the_filtered_selection_without_free_text(coordinator_client):
    matching = BookingRequestFactory(
        organisation=OrganisationFactory(name="=cmd|' /C calc'!A0"),
        title="=SECRET title",
        status=RequestStatus.MATCHING,
        source="guest",
    )
    BookingRequestFactory(status=RequestStatus.DECLINED)
    url = reverse("booking_requests:index") + "?status=matching&export=csv"
    response = coordinator_client.get(url)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    # (Wagtail streams the CSV after the request's language is switched off: headings may be
    # in the default language.)
    assert rows[0][0] in ("Reference", "Kenmerk") and len(rows[0]) == 8
    assert len(rows) == 2
    assert rows[1][0] == matching.reference
    assert "SECRET" not in "".join(rows[1]) and "calc" not in "".join(rows[1])
    xlsx = coordinator_client.get(reverse("booking_requests:index") + "?export=xlsx")
    assert xlsx.status_code == 200
