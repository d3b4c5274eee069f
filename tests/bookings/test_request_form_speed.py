"""The request form page is fast without being cached whole: what is the same for every visitor
(choices, topics, experts, help texts, the page's frame) is rendered once and shared; the CSRF
token and whatever a visitor typed never are."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.bookings import MembershipFactory
from tests.factories.cms import BookingRequestPageFactory, home_page
from tests.factories.speakers import ExpertFactory, TopicFactory

pytestmark = pytest.mark.django_db
URL = reverse("bookings:request_new")
# Warm: session-less routing, the site, the page and its restrictions; nothing grows with data.
WARM_MAX_QUERIES = 10
COLD_MAX_QUERIES = 30


def _csrf(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.fixture
def request_page(db):
    home_page()
    return BookingRequestPageFactory()


@pytest.fixture
def catalogue(db):
    topics = [TopicFactory(name=f"Onderwerp {n}") for n in range(12)]
    for n in range(15):
        ExpertFactory(public_name=f"Schuilnaam {n}", topics=topics[:3])
    return topics


def test_query_budget_does_not_grow_with_topics_and_experts(
    client, request_page, catalogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(COLD_MAX_QUERIES):
        first = client.get(request_page.url)
    assert first.status_code == 200
    for n in range(12, 30):
        TopicFactory(name=f"Onderwerp {n}")
        ExpertFactory(public_name=f"Nieuwe schuilnaam {n}")
    client.get(request_page.url)  # the catalogue changed: rendered once more, then shared

    with django_assert_max_num_queries(WARM_MAX_QUERIES):
        warm = Client().get(request_page.url)

    html = warm.content.decode()
    assert "Onderwerp 29" in html and "Nieuwe schuilnaam 29" in html


def test_every_visitor_gets_their_own_csrf_token_and_the_shared_fields(request_page, catalogue):
    one = Client().get(request_page.url)
    two = Client().get(request_page.url)

    assert _csrf(one.content.decode()) != _csrf(two.content.decode())
    assert 'name="topics"' in two.content.decode()
    assert one.cookies["csrftoken"]


def test_a_new_topic_shows_at_once(client, request_page, catalogue):
    client.get(request_page.url)

    TopicFactory(name="Loverboys en sextortion")

    assert "Loverboys en sextortion" in client.get(request_page.url).content.decode()


def test_a_preferred_expert_from_the_profile_is_preselected_not_shared(request_page, catalogue):
    expert = ExpertFactory(public_name="Roos Schuilnaam", slug="roos")
    plain = Client().get(request_page.url).content.decode()
    chosen = Client().get(request_page.url, {"expert": "roos"}).content.decode()

    selected = f'<option value="{expert.pk}" selected>'
    assert selected in chosen
    assert selected not in plain


def test_without_javascript_a_bad_post_keeps_what_was_typed(client, request_page, catalogue):
    client.get(request_page.url)

    response = client.post(
        request_page.url,
        {"title": "Training voor ons team", "description": "", "website": ""},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Training voor ons team"' in html
    assert "field--error" in html


def test_a_signed_in_contact_gets_their_own_frame(client, request_page, catalogue):
    Client().get(request_page.url)  # a guest filled the shared fragments
    client.force_login(MembershipFactory().user)

    html = client.get(request_page.url).content.decode()

    assert "Uitloggen" in html
    assert "Log in first" not in html and "Eerst inloggen" not in html
