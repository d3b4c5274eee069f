"""Factories for the coordinators' back office: requests ready for matching, experts who fit."""

import datetime as dt

import factory
from django.utils import timezone

from bookings.enums import Audience, EngagementKind, RequestStatus
from speakers.models import AudienceOption, FormatOption
from tests.factories.bookings import BookingRequestFactory, DateOptionFactory
from tests.factories.speakers import ExpertFactory


def in_days(days: int, hour: int = 10) -> dt.datetime:
    """A moment `days` from now at `hour`:00 local time (Europe/Amsterdam)."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


class FittingExpertFactory(ExpertFactory):
    """An expert who offers every format and accepts every audience, with room for work."""

    monthly_capacity = 4
    heavy_weight = 2
    rest_days_after_heavy = 3
    media_recording_allowed = True

    @factory.post_generation
    def formats(self, create, extracted, **kwargs):
        if create:
            codes = extracted if extracted is not None else [kind.value for kind in EngagementKind]
            self.formats.set(FormatOption.objects.filter(code__in=codes))

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create:
            codes = extracted if extracted is not None else [value.value for value in Audience]
            self.audiences.set(AudienceOption.objects.filter(code__in=codes))


class MatchingRequestFactory(BookingRequestFactory):
    """A request accepted for matching; `options=[datetimes]` (default: one, 20 days ahead)."""

    status = RequestStatus.MATCHING
    audience_kind = Audience.PROFESSIONALS

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        if create:
            starts = extracted if extracted is not None else [in_days(20)]
            for position, starts_at in enumerate(starts, start=1):
                DateOptionFactory(
                    request=self,
                    starts_at=starts_at,
                    ends_at=starts_at + dt.timedelta(hours=2),
                    position=position,
                )
