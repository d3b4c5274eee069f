"""The number of queries of the home page and the news index does not grow with the news."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import cms as f

pytestmark = pytest.mark.django_db

HOME_MAX_QUERIES = 30
NEWS_INDEX_MAX_QUERIES = 30


def _add_articles(index, count, themes):
    for _ in range(count):
        article = f.NewsArticlePageFactory(parent=index, image=f.ImageFactory(), image_alt="Foto")
        article.themes.set(themes)
        article.save_revision().publish()


def _count_queries(client, url):
    """Queries of a full render: image renditions exist, the page cache is empty."""
    client.get(url)  # warm up: image renditions are made on the first view
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def site_with_news(home, site_settings):
    f.OfferingIndexPageFactory()
    f.BookingRequestPageFactory()
    f.EventPageFactory(parent=f.EventIndexPageFactory())
    f.SearchPageFactory()
    index = f.NewsIndexPageFactory()
    themes = [f.ThemeFactory(), f.ThemeFactory()]
    return index, themes


def test_home_page_queries_are_bounded(client, site_with_news, django_assert_max_num_queries):
    index, themes = site_with_news
    _add_articles(index, 3, themes)
    few = _count_queries(client, "/")
    _add_articles(index, 12, themes)
    many = _count_queries(client, "/")

    assert many == few
    cache.clear()
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        client.get("/")


def test_news_index_queries_are_bounded(client, site_with_news, django_assert_max_num_queries):
    index, themes = site_with_news
    _add_articles(index, 2, themes)
    few = _count_queries(client, index.url)
    _add_articles(index, 8, themes)
    many = _count_queries(client, index.url)

    assert many == few
    cache.clear()
    with django_assert_max_num_queries(NEWS_INDEX_MAX_QUERIES):
        client.get(index.url)
    with django_assert_max_num_queries(NEWS_INDEX_MAX_QUERIES):
        client.get(index.url + f"?theme={themes[0].slug}")
