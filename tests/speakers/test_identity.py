"""Identity rules: every mode × every place a name or photo could appear."""

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from speakers import selectors
from speakers.models import ExpertIndexPage, IdentityMode
from tests.factories.speakers import ExpertFactory, TopicFactory

pytestmark = pytest.mark.django_db

NAMES = {
    IdentityMode.NAMED: "Annemijn Eigen",
    IdentityMode.PSEUDONYM: "Roos Schuilnaam",
    IdentityMode.NOT_PUBLIC: "Verborgen Persoon",
}


@pytest.fixture
def directory():
    home = Page.objects.get(depth=2)
    page = ExpertIndexPage(title="Onze ervaringsdeskundigen", slug="experts")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def photo():
    return Image.objects.create(title="portrait", file=get_test_image_file(filename="face.png"))


def make(mode, *, photo=None, show_photo=False, topic=None):
    return ExpertFactory(
        public_name=NAMES[mode],
        slug=f"slug-{mode}",
        identity_mode=mode,
        photo=photo,
        show_photo=show_photo,
        topics=[topic] if topic else [],
    )


@pytest.mark.parametrize("mode", list(IdentityMode.values))
class TestEveryModeEveryPlace:
    def test_directory(self, client, directory, mode):
        make(mode)
        content = client.get(directory.url).content.decode()
        assert (NAMES[mode] in content) is (mode != IdentityMode.NOT_PUBLIC)

    def test_directory_topic_filter(self, client, directory, mode):
        topic = TopicFactory(name="Loverboys", slug="loverboys")
        make(mode, topic=topic)
        content = client.get(directory.url, {"topic": "loverboys"}).content.decode()
        assert (NAMES[mode] in content) is (mode != IdentityMode.NOT_PUBLIC)

    def test_profile_page(self, client, directory, mode):
        expert = make(mode)
        response = client.get(f"{directory.url}{expert.slug}/")
        if mode == IdentityMode.NOT_PUBLIC:
            assert response.status_code == 404
            assert NAMES[mode] not in response.content.decode()
        else:
            assert response.status_code == 200
            assert NAMES[mode] in response.content.decode()

    def test_featured_card(self, directory, mode):
        make(mode)
        featured = selectors.featured_experts(limit=5)
        html = "".join(
            render_to_string("speakers/includes/expert_card.html", {"expert": expert})
            for expert in featured
        )
        assert (NAMES[mode] in html) is (mode != IdentityMode.NOT_PUBLIC)
        # Even when handed a non-public expert directly, the card renders nothing.
        expert = make(IdentityMode.NOT_PUBLIC) if mode != IdentityMode.NOT_PUBLIC else None
        if expert:
            html = render_to_string("speakers/includes/expert_card.html", {"expert": expert})
            assert html.strip() == ""

    def test_feed_never_shows_the_name(self, client, mode):
        expert = make(mode)
        url = reverse("speakers:feed", kwargs={"pk": expert.pk, "token": expert.ics_token})
        assert NAMES[mode] not in client.get(url).content.decode()

    @pytest.mark.parametrize("show_photo", [True, False])
    def test_photo_only_when_public_and_allowed(self, client, directory, photo, mode, show_photo):
        expert = make(mode, photo=photo, show_photo=show_photo)
        visible = show_photo and mode != IdentityMode.NOT_PUBLIC
        for html in (
            client.get(directory.url).content.decode(),
            client.get(f"{directory.url}{expert.slug}/").content.decode(),
            render_to_string("speakers/includes/expert_card.html", {"expert": expert}),
        ):
            assert ("face" in html and "<img" in html) is visible


def test_guessing_a_slug_gives_nothing(client, directory):
    assert client.get(f"{directory.url}does-not-exist/").status_code == 404


def test_paused_experts_stay_listed_but_say_so(client, directory):
    ExpertFactory(public_name="Rustende Roos", paused=True)
    content = client.get(directory.url).content.decode()
    assert "Rustende Roos" in content
    assert "expert-card__paused" in content


def test_no_go_topics_and_media_preferences_are_never_public(client, directory):
    expert = ExpertFactory(public_name="Open Iris", media_face_visible=False)
    expert.no_go_topics.add(TopicFactory(name="Nooit-dit-onderwerp"))
    content = client.get(f"{directory.url}{expert.slug}/").content.decode()
    assert "Open Iris" in content
    assert "Nooit-dit-onderwerp" not in content


def test_unknown_topic_filter_lists_nobody(client, directory):
    ExpertFactory(public_name="Zichtbare Zee")
    response = client.get(directory.url, {"topic": "<script>"})
    assert response.status_code == 200
    assert "Zichtbare Zee" not in response.content.decode()


def test_directory_query_count_does_not_grow(
    client, directory, photo, django_assert_max_num_queries
):
    topic = TopicFactory()
    ExpertFactory.create_batch(2, topics=[topic], photo=photo, show_photo=True)
    client.get(directory.url)

    def count():
        cache.clear()  # the cold render: a page-cache hit would cost no query at all
        with django_assert_max_num_queries(50) as captured:
            client.get(directory.url)
        return len(captured.captured_queries)

    few = count()
    ExpertFactory.create_batch(10, topics=[topic], photo=photo, show_photo=True)
    client.get(directory.url)  # renditions are created on first render
    assert count() == few


def test_featured_experts_query_count(directory, django_assert_max_num_queries):
    ExpertFactory.create_batch(6)
    with django_assert_max_num_queries(6):
        experts = selectors.featured_experts(limit=3)
        for expert in experts:
            list(expert.topics.all())
    assert len(experts) == 3
    assert all(expert.profile_url.startswith(directory.url) for expert in experts)


def _request_page(directory):
    from cms.models import BookingRequestPage

    page = BookingRequestPage(title="Aanvragen", slug="aanvragen")
    directory.get_parent().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_profile_offers_to_ask_this_expert_through_the_request_form(client, directory):
    request_page = _request_page(directory)
    expert = ExpertFactory(public_name="Vraagbare Vera", slug="vera")
    content = client.get(f"{directory.url}vera/").content.decode()
    assert f'href="{request_page.url}?expert={expert.slug}"' in content

    form = client.get(f"{request_page.url}?expert={expert.slug}").content.decode()
    assert f'value="{expert.pk}" selected' in form


def test_paused_expert_profile_offers_no_request_link(client, directory):
    request_page = _request_page(directory)
    ExpertFactory(public_name="Rustende Rik", slug="rik", paused=True)
    content = client.get(f"{directory.url}rik/").content.decode()
    assert f"{request_page.url}?expert=" not in content
