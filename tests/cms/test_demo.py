"""The demo site: complete, bilingual, and idempotent."""

import io

import pytest
from wagtail.models import Page

from cms.models import (
    BookingRequestPage,
    ContactPage,
    HomePage,
    NewsArticlePage,
    OfferingPage,
    SiteSettings,
)
from demo import pages as demo

pytestmark = pytest.mark.django_db


def test_demo_seed_builds_a_bilingual_site_and_is_idempotent(client):
    demo.seed(password="x", stdout=io.StringIO())
    pages_after_first_run = Page.objects.count()
    demo.seed(password="x", stdout=io.StringIO())

    assert Page.objects.count() == pages_after_first_run
    assert HomePage.objects.filter(locale__language_code="en").live().count() == 1
    assert 4 <= OfferingPage.objects.filter(locale__language_code="nl").count() <= 6
    assert 4 <= NewsArticlePage.objects.filter(locale__language_code="nl").count() <= 6
    for model in (ContactPage, BookingRequestPage):
        assert model.objects.filter(locale__language_code="en").live().exists()
    settings = SiteSettings.objects.get()
    assert settings.privacy_page and settings.fee_guidance_page and settings.crisis_notice

    for url in ("/", "/wat-wij-bieden/", "/nieuws/", "/contact/", "/en/", "/en/what-we-offer/"):
        assert client.get(url).status_code == 200, url
