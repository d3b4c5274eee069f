"""An expert's "about me" has a length limit, in the portal form, the admin form and the service;
the error is translated and what was typed stays in the form."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from speakers.models import Expert
from speakers.services import expert_update_profile
from speakers.services.experts import BIO_MAX_CHARACTERS, expert_create
from tests.factories.accounts import CoordinatorFactory
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db

TOO_LONG = "Mijn verhaal. " + "a" * BIO_MAX_CHARACTERS


def portal_data(expert, **overrides):
    data = {
        "public_name": expert.public_name,
        "identity_mode": expert.identity_mode,
        "short_bio": expert.short_bio,
        "bio": expert.bio,
        "regions": expert.regions,
        "languages": expert.languages,
        "monthly_capacity": expert.monthly_capacity,
        "rest_days_after_heavy": expert.rest_days_after_heavy,
    }
    data.update(overrides)
    return data


def test_portal_refuses_an_overlong_bio_in_dutch_and_keeps_the_text(client):
    expert = ExpertFactory(with_user=True, bio="<p>Kort.</p>")
    client.force_login(expert.user)
    response = client.post(reverse("speakers:profile"), portal_data(expert, bio=TOO_LONG))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Houd deze tekst onder de {BIO_MAX_CHARACTERS} tekens" in html
    assert TOO_LONG in html  # kept, to shorten rather than retype
    expert.refresh_from_db()
    assert expert.bio == "<p>Kort.</p>"


def test_portal_accepts_a_bio_at_the_limit_and_saving_it_again(client):
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    text = "b" * BIO_MAX_CHARACTERS
    response = client.post(reverse("speakers:profile"), portal_data(expert, bio=text))
    assert response.status_code == 302
    expert.refresh_from_db()
    # The stored HTML is longer than what was typed; saving the form unchanged must still work.
    response = client.post(reverse("speakers:profile"), portal_data(expert))
    assert response.status_code == 302


def test_portal_refuses_an_overlong_short_introduction(client):
    expert = ExpertFactory(with_user=True)
    client.force_login(expert.user)
    response = client.post(reverse("speakers:profile"), portal_data(expert, short_bio="c" * 301))
    assert response.status_code == 200
    assert response.context["form"].errors["short_bio"]
    assert "c" * 301 in response.content.decode()


def test_admin_edit_refuses_an_overlong_bio_and_keeps_the_text(client):
    expert = ExpertFactory(bio="<p>Kort.</p>")
    client.force_login(CoordinatorFactory())
    with translation.override("en"):
        response = client.post(
            reverse("speakers_expert:edit", args=[expert.pk]),
            {
                "public_name": expert.public_name,
                "slug": expert.slug,
                "identity_mode": expert.identity_mode,
                "bio": TOO_LONG,
                "monthly_capacity": 2,
                "heavy_weight": 2,
                "rest_days_after_heavy": 3,
            },
        )
    assert response.status_code == 200
    assert response.context["form"].errors["bio"]
    assert TOO_LONG in response.content.decode()
    expert.refresh_from_db()
    assert expert.bio == "<p>Kort.</p>"


def test_the_services_refuse_it_too():
    expert = ExpertFactory()
    with pytest.raises(ValidationError) as caught:
        expert_update_profile(expert=expert, actor=None, bio=TOO_LONG)
    assert "bio" in caught.value.message_dict
    with pytest.raises(ValidationError):
        expert_create(public_name="Nieuw", bio=TOO_LONG)
    assert not Expert.objects.filter(public_name="Nieuw").exists()
    # Markup does not count: only what a reader sees.
    expert_update_profile(expert=expert, actor=None, bio="<p><strong>x</strong></p>" * 400)
