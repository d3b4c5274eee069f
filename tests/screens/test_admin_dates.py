"""Dates in the coordinators' request list are written the Dutch way: "okt", not "Okt"."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from speakers.selectors import AMSTERDAM
from tests.factories.accounts import CoordinatorFactory
from tests.factories.bookings import BookingRequestFactory, DateOptionFactory

pytestmark = pytest.mark.django_db


def test_request_list_writes_dutch_month_abbreviations_in_lower_case(client):
    booking_request = BookingRequestFactory(status="in_triage")
    start = dt.datetime(2031, 10, 7, 14, 0, tzinfo=AMSTERDAM)
    DateOptionFactory(
        request=booking_request, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    client.force_login(CoordinatorFactory())
    html = client.get(reverse("booking_requests:index"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    times = re.findall(r'<time datetime="2031-10-07[^"]*">([^<]+)</time>', html)
    assert times == ["di 7 okt 2031, 14:00"]
