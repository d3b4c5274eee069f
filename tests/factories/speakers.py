import factory

from speakers.models import Expert, IdentityMode, Topic
from tests.factories.accounts import UserFactory


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ExpertFactory(factory.django.DjangoModelFactory):
    """An expert with their own calendar; ``user`` only when asked (``with_user=True``)."""

    class Meta:
        model = Expert
        skip_postgeneration_save = True

    public_name = factory.Sequence(lambda n: f"Pseudonym {n}")
    slug = factory.Sequence(lambda n: f"pseudonym-{n}")
    identity_mode = IdentityMode.PSEUDONYM
    short_bio = "I talk about what helped me."
    regions = factory.LazyFunction(lambda: ["nationwide"])
    languages = factory.LazyFunction(lambda: ["nl"])

    class Params:
        with_user = factory.Trait(user=factory.SubFactory(UserFactory))

    @factory.post_generation
    def calendar(self, create, extracted, **kwargs):
        if create and self.calendar_id is None and extracted is not False:
            from speakers.services import expert_ensure_calendar

            expert_ensure_calendar(expert=self)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def formats(self, create, extracted, **kwargs):
        if create and extracted:
            self.formats.set(extracted)
