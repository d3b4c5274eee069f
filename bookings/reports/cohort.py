"""The requests a report counts: those that reached the coordinators in the period.

A request belongs to the period in which it reached the coordinators (`confirmed_at`); a guest's
request that was never confirmed never reached anyone and is not counted.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from bookings.enums import RequestStatus
from bookings.models import BookingRequest
from bookings.reports.period import Period

S = RequestStatus


def cohort(period: Period) -> QuerySet[BookingRequest]:
    """The requests that reached the coordinators in the period."""
    return BookingRequest.objects.filter(
        confirmed_at__gte=period.start, confirmed_at__lt=period.end
    )


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return _("Not recorded")
