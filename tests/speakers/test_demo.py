import io

import pytest
from django.core.management import call_command

from speakers.models import Expert, ExpertIndexPage, IdentityMode, Topic, Unavailability

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_varied():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    assert 6 <= Expert.objects.count() <= 8
    assert 10 <= Topic.objects.count() <= 12
    modes = set(Expert.objects.values_list("identity_mode", flat=True))
    assert modes == set(IdentityMode.values)
    assert Expert.objects.filter(paused=True).count() == 1
    assert Expert.objects.get(user__email="expert1@example.org").is_public
    assert Expert.objects.get(user__email="expert2@example.org")
    assert Unavailability.objects.filter(event__rule__isnull=False).count() >= 2
    # One directory, in Dutch and in English.
    assert ExpertIndexPage.objects.live().filter(locale__language_code="nl").count() == 1
    assert ExpertIndexPage.objects.live().filter(locale__language_code="en").count() == 1
    assert all(expert.calendar_id for expert in Expert.objects.all())
