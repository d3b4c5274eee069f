"""Every public page renders in a bounded number of queries that does not grow with its content
(cold render, page cache empty). A cached page costs none at all (tests/cms/test_cache.py)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from speakers.models import ExpertIndexPage
from tests.factories import cms as f
from tests.factories.speakers import ExpertFactory, TopicFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 30


def cold_queries(client, url):
    assert client.get(url).status_code == 200  # warm: renditions and lazily created settings
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def site(home, site_settings):
    directory = ExpertIndexPage(title="Ervaringsdeskundigen", slug="ervaringsdeskundigen")
    home.add_child(instance=directory)
    directory.save_revision().publish()
    return {
        "news": f.NewsIndexPageFactory(),
        "offerings": f.OfferingIndexPageFactory(),
        "events": f.EventIndexPageFactory(),
        "directory": directory,
        "themes": [f.ThemeFactory(), f.ThemeFactory()],
        "topics": [TopicFactory(name=f"Onderwerp {n}") for n in range(4)],
        "standard": f.StandardPageFactory(title="Over ons"),
        "faq": f.FaqPageFactory(),
        "contact": f.ContactPageFactory(),
    }


def add_content(site, count):
    for _ in range(count):
        article = f.NewsArticlePageFactory(parent=site["news"], image=f.ImageFactory())
        article.themes.set(site["themes"])
        article.save_revision().publish()
        f.OfferingPageFactory(parent=site["offerings"])
        f.EventPageFactory(parent=site["events"])
        ExpertFactory(topics=site["topics"][:2])


def urls(site):
    article = site["news"].get_children().live().last()
    expert = ExpertFactory._meta.model.objects.order_by("pk").first()
    return {
        "home": "/",
        "news index": site["news"].url,
        "news article": article.url,
        "offerings": site["offerings"].url,
        "offering": site["offerings"].get_children().live().first().url,
        "events": site["events"].url,
        "event": site["events"].get_children().live().first().url,
        "experts directory": site["directory"].url,
        "expert profile": f"{site['directory'].url}{expert.slug}/",
        "standard page": site["standard"].url,
        "faq": site["faq"].url,
        "contact": site["contact"].url,
    }


def test_public_pages_query_counts_are_bounded_and_flat(
    client, site, django_assert_max_num_queries
):
    add_content(site, 2)
    pages = urls(site)
    few = {name: cold_queries(client, url) for name, url in pages.items()}
    add_content(site, 8)
    many = {name: cold_queries(client, url) for name, url in pages.items()}

    assert many == few
    for url in pages.values():
        cache.clear()
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(url)
