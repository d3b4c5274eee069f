"""Factories for the expert's side: engagements of an expert with an account, links, check-ins."""

import datetime as dt

import factory
from django.utils import timezone

from bookings.enums import EngagementStatus
from bookings.models.followup import (
    AftercareCheckIn,
    CheckInAnswer,
    EngagementLink,
    ExpertFeedback,
    LinkPurpose,
    WorkAgain,
)
from tests.factories.bookings import BookingRequestFactory, EngagementFactory
from tests.factories.speakers import ExpertFactory


class ExpertWithUserFactory(ExpertFactory):
    with_user = True


class ExpertEngagementFactory(EngagementFactory):
    """An engagement of an expert who has an account (for the portal and the emails)."""

    expert = factory.SubFactory(ExpertWithUserFactory)


class ConfirmedEngagementFactory(ExpertEngagementFactory):
    status = EngagementStatus.CONFIRMED
    request = factory.SubFactory(BookingRequestFactory, status="scheduled")
    confirmed_at = factory.LazyFunction(timezone.now)


class DeliveredEngagementFactory(ExpertEngagementFactory):
    """Took place yesterday (local time), awaiting aftercare."""

    status = EngagementStatus.DELIVERED
    request = factory.SubFactory(BookingRequestFactory, status="delivered")
    # Yesterday, in distinct two-minute slots (one expert's engagements may not overlap on
    # PostgreSQL), all ending by the time the two-hour engagement used to end.
    starts_at = factory.Sequence(
        lambda n: (
            timezone.now() - dt.timedelta(days=1, hours=3) + dt.timedelta(minutes=2 * (n % 60))
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=2))


class EngagementLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EngagementLink

    engagement = factory.SubFactory(ExpertEngagementFactory)
    purpose = LinkPurpose.ANSWER


class AftercareCheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AftercareCheckIn

    engagement = factory.SubFactory(DeliveredEngagementFactory)
    answer = CheckInAnswer.DEBRIEF


class ExpertFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertFeedback

    engagement = factory.SubFactory(
        DeliveredEngagementFactory, status=EngagementStatus.AFTERCARE_DONE
    )
    how_it_went = "Went well, but the room was noisy."
    work_again = WorkAgain.NO
