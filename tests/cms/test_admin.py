"""Editors can run the site: every page type opens in the editor and previews; settings and
themes are editable by the Editors group."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from tests.factories import cms as f
from tests.factories.accounts import EditorFactory

pytestmark = pytest.mark.django_db


def _all_page_types():
    offer_index = f.OfferingIndexPageFactory()
    news_index = f.NewsIndexPageFactory()
    event_index = f.EventIndexPageFactory()
    return [
        f.home_page(),
        f.StandardPageFactory(),
        offer_index,
        f.OfferingPageFactory(parent=offer_index),
        news_index,
        f.NewsArticlePageFactory(parent=news_index),
        event_index,
        f.EventPageFactory(parent=event_index),
        f.FaqPageFactory(),
        f.ContactPageFactory(),
        f.BookingRequestPageFactory(),
        f.SearchPageFactory(),
    ]


@pytest.fixture
def editor_client(client, home):
    client.force_login(EditorFactory())
    return client


def test_every_page_type_opens_in_the_editor_and_previews(editor_client, home):
    for page in _all_page_types():
        edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit.status_code == 200, page.specific_class

        preview = page.specific.make_preview_request()
        assert preview.status_code == 200, page.specific_class


def test_editor_can_add_a_news_article_under_the_news_index(editor_client, home):
    news_index = f.NewsIndexPageFactory()
    url = reverse("wagtailadmin_pages:add", args=["cms", "newsarticlepage", news_index.pk])

    assert editor_client.get(url).status_code == 200


def test_editor_can_edit_site_settings_and_themes(editor_client, home):
    site = Site.objects.get(is_default_site=True)

    settings_url = reverse("wagtailsettings:edit", args=["cms", "sitesettings", site.pk])
    themes_url = reverse("wagtailsnippets_cms_theme:list")

    assert editor_client.get(settings_url).status_code == 200
    assert editor_client.get(themes_url).status_code == 200


def test_visitors_cannot_reach_the_site_settings(client, home):
    site = Site.objects.get(is_default_site=True)

    response = client.get(reverse("wagtailsettings:edit", args=["cms", "sitesettings", site.pk]))

    assert response.status_code == 302
