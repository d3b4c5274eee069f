"""Three months on: the organisation is asked once what changed, answers in its portal, and
(when it agrees) the expert reads the answer on her impact page."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import ImpactAnswer
from bookings.models.followup import FollowUpMarker
from bookings.services.followup import run_followups
from bookings.services.impact_followup import months_back
from speakers.selectors import AMSTERDAM
from tests.factories.bookings import BookingRequestFactory, OrganisationContactFactory
from tests.factories.followup import ExpertEngagementFactory, ExpertWithUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def local(*args):
    return dt.datetime(*args, tzinfo=AMSTERDAM)


def delivered(ends_at, **kwargs):
    request = kwargs.pop("request", None) or BookingRequestFactory(status=RequestStatus.DELIVERED)
    return ExpertEngagementFactory(
        request=request,
        status=EngagementStatus.DELIVERED,
        starts_at=ends_at - dt.timedelta(hours=2),
        ends_at=ends_at,
        **kwargs,
    )


def questions(mailoutbox, user):
    return [m for m in mailoutbox if user.email in m.to and "/wat-veranderde/" in m.body]


def test_months_back_keeps_to_the_end_of_short_months():
    assert months_back(dt.date(2026, 5, 31), 3) == dt.date(2026, 2, 28)
    assert months_back(dt.date(2026, 3, 15), 3) == dt.date(2025, 12, 15)


def test_the_question_goes_once_three_months_after_delivery(run_on_commit, mailoutbox):
    engagement = delivered(local(2026, 2, 10, 16))
    contact = engagement.request.contact
    with run_on_commit():
        run_followups(now=local(2026, 5, 9, 23))  # not yet: three months is on 10 May
    assert questions(mailoutbox, contact) == []
    for now in (local(2026, 5, 10, 8), local(2026, 5, 10, 8, 5), local(2026, 5, 20, 8)):
        with run_on_commit():
            run_followups(now=now)
    (message,) = questions(mailoutbox, contact)
    assert f"/aanvragen/{engagement.request.reference}/wat-veranderde/" in message.body
    assert message.subject == f"Wat veranderde er? ({engagement.request.reference})"  # her language
    assert (
        FollowUpMarker.objects.filter(key=f"impact_question:{engagement.request.pk}").count() == 1
    )


def test_no_question_for_answered_anonymised_old_or_undelivered_requests(run_on_commit, mailoutbox):
    answered = delivered(local(2026, 2, 10, 16))
    ImpactAnswer.objects.create(request=answered.request, what_changed="Done")
    anonymised = delivered(
        local(2026, 2, 10, 16),
        request=BookingRequestFactory(status=RequestStatus.CLOSED, anonymised_at=local(2026, 4, 1)),
    )
    old = delivered(local(2025, 12, 1, 16))
    cancelled = ExpertEngagementFactory(
        request=BookingRequestFactory(status=RequestStatus.CANCELLED),
        status=EngagementStatus.CANCELLED,
        starts_at=local(2026, 2, 10, 14),
        ends_at=local(2026, 2, 10, 16),
    )
    with run_on_commit():
        run_followups(now=local(2026, 5, 12, 8))
    assert not [m for m in mailoutbox if "/wat-veranderde/" in m.body]
    assert {answered, anonymised, old, cancelled}


def test_organisation_answers_and_a_second_answer_is_refused(client):
    engagement = delivered(local(2026, 2, 10, 16))
    booking_request = engagement.request
    client.force_login(booking_request.contact)
    url = reverse("bookings:request_impact", args=[booking_request.reference])
    response = client.post(url, {"what_changed": "   ", "share_with_experts": "on"})
    assert response.status_code == 200
    assert not ImpactAnswer.objects.exists()
    response = client.post(
        url, {"what_changed": "We now ask young people first.", "share_with_experts": "on"}
    )
    assert response.status_code == 302
    answer = ImpactAnswer.objects.get()
    assert answer.share_with_experts and answer.answered_by == booking_request.contact
    response = client.post(url, {"what_changed": "Again"})
    assert response.status_code == 302
    assert ImpactAnswer.objects.count() == 1


def test_another_organisation_gets_a_404(client):
    engagement = delivered(local(2026, 2, 10, 16))
    client.force_login(OrganisationContactFactory())
    url = reverse("bookings:request_impact", args=[engagement.request.reference])
    assert client.get(url).status_code == 404
    assert client.post(url, {"what_changed": "x"}).status_code == 404
    assert not ImpactAnswer.objects.exists()


# --- the expert's impact page and statement -----------------------------------------------------


def test_expert_sees_her_engagements_fees_and_shared_answers_only(client):
    expert = ExpertWithUserFactory()
    now = dt.datetime.now(tz=AMSTERDAM)
    mine = delivered(
        now - dt.timedelta(hours=1),
        expert=expert,
        fee=Decimal("150.00"),
        travel_costs=Decimal("10.00"),
    )
    ImpactAnswer.objects.create(
        request=mine.request, what_changed="Shared with the expert.", share_with_experts=True
    )
    unshared = delivered(now - dt.timedelta(hours=4), expert=expert)  # no overlap with mine
    ImpactAnswer.objects.create(request=unshared.request, what_changed="Only for HOPE.")
    other = delivered(now - dt.timedelta(hours=1), fee=Decimal("99.00"))
    ImpactAnswer.objects.create(
        request=other.request, what_changed="Someone else's.", share_with_experts=True
    )
    client.force_login(expert.user)
    html = client.get(reverse("engagements:impact")).content.decode()
    assert "Shared with the expert." in html
    assert "Only for HOPE." not in html
    assert "Someone else&#x27;s." not in html and "Someone else's." not in html
    assert "€ 150.00" in html  # her fees this year (without travel costs)
    # Another expert's page never shows her answers.
    client.force_login(other.expert.user)
    assert (
        "Shared with the expert." not in client.get(reverse("engagements:impact")).content.decode()
    )


def test_yearly_statement_page_and_csv(client):
    expert = ExpertWithUserFactory()
    organisation_request = BookingRequestFactory(
        status=RequestStatus.DELIVERED, organisation__name="=Gemeente Formule"
    )
    delivered(
        local(2025, 3, 3, 16),
        expert=expert,
        request=organisation_request,
        fee=Decimal("250.00"),
        travel_costs=Decimal("12.50"),
        paid_on=dt.date(2025, 3, 20),
    )
    client.force_login(expert.user)
    html = client.get(reverse("engagements:statement", args=[2025])).content.decode()
    assert "€ 250.00" in html and "€ 12.50" in html
    response = client.get(reverse("engagements:statement", args=[2025]) + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    engagement_row = next(row for row in rows if row and row[0] == "2025-03-03")
    assert engagement_row == [
        "2025-03-03",
        "Talk or information session",
        "'=Gemeente Formule",
        "250.00",
        "12.50",
        "2025-03-20",
    ]
    assert ["Fees", "250.00"] in rows
    march = next(row for row in rows if row and row[0] == "03-2025")
    assert march[1:] == ["250.00", "250.00", "yes"]  # above €210 a month
    assert client.get(reverse("engagements:statement", args=[1999])).status_code == 404


def test_statement_and_impact_need_an_expert(client):
    client.force_login(OrganisationContactFactory())
    assert client.get(reverse("engagements:impact")).status_code == 404
    assert client.get(reverse("engagements:statement", args=[2025])).status_code == 404


def test_the_request_page_offers_the_question_once_asked_until_answered(client, run_on_commit):
    engagement = delivered(local(2026, 2, 10, 16))
    booking_request = engagement.request
    client.force_login(booking_request.contact)
    detail = reverse("bookings:request_detail", args=[booking_request.reference])
    answer_url = reverse("bookings:request_impact", args=[booking_request.reference])
    assert answer_url not in client.get(detail).content.decode()
    with run_on_commit():
        run_followups(now=local(2026, 5, 10, 8))
    assert answer_url in client.get(detail).content.decode()
    ImpactAnswer.objects.create(request=booking_request, what_changed="Done")
    assert answer_url not in client.get(detail).content.decode()
