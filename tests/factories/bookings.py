import datetime as dt

import factory
from django.utils import timezone

from bookings.enums import (
    EngagementKind,
    EngagementStatus,
    Medium,
    MeetingMode,
    OrganisationKind,
    RequestStatus,
)
from bookings.models import (
    BookingRequest,
    DateOption,
    Engagement,
    Message,
    Organisation,
    OrganisationMembership,
    next_request_reference,
)
from tests.factories.accounts import UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente Voorbeeld {n}")
    kind = OrganisationKind.MUNICIPALITY
    website = "https://www.example.org/"
    verified = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)


class OrganisationContactFactory(UserFactory):
    """A verified user who is a member of an organisation (``membership__organisation=...``)."""

    membership = factory.RelatedFactory(MembershipFactory, factory_related_name="user")


class BookingRequestFactory(factory.django.DjangoModelFactory):
    """A request in triage by default. Statuses are set directly: only tests may do that."""

    class Meta:
        model = BookingRequest
        skip_postgeneration_save = True

    reference = factory.LazyFunction(next_request_reference)
    organisation = factory.SubFactory(OrganisationFactory)
    contact = factory.LazyAttribute(lambda o: MembershipFactory(organisation=o.organisation).user)
    kind = EngagementKind.TALK
    title = factory.Sequence(lambda n: f"Talk for our professionals {n}")
    description = "We want our youth workers to recognise signals earlier."
    audience_description = "Youth workers"
    audience_size = 40
    mode = MeetingMode.IN_PERSON
    place = "Utrecht"
    duration_minutes = 90
    status = RequestStatus.IN_TRIAGE
    submitted_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_at = factory.LazyFunction(timezone.now)

    class Params:
        media = factory.Trait(
            kind=EngagementKind.MEDIA_INTERVIEW,
            title="Interview for a background article",
            media_outlet="Dagblad Voorbeeld",
            media_medium=Medium.PRINT,
            media_identity_conditions_accepted=True,
        )
        media_gates_met = factory.Trait(
            media_questions="1. How did it start?",
            media_support_person="A coordinator of HOPE",
            media_quote_review_agreed=True,
        )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class DateOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DateOption

    request = factory.SubFactory(BookingRequestFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    position = factory.Sequence(lambda n: n % 3 + 1)


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    request = factory.SubFactory(BookingRequestFactory)
    expert = factory.SubFactory("tests.factories.speakers.ExpertFactory")
    status = EngagementStatus.ASKED
    # Distinct slots a month ahead: on PostgreSQL one expert's engagements may not overlap.
    starts_at = factory.Sequence(
        lambda n: timezone.now() + dt.timedelta(days=30, hours=2 * (n % 100))
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    request = factory.SubFactory(BookingRequestFactory)
    author = factory.LazyAttribute(lambda o: o.request.contact)
    body = "Could the session also cover online recruitment?"
    from_organisation = True
