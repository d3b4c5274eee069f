import pytest
from django.utils import translation
from wagtail.models import Site

from cms.models import SiteSettings
from tests.factories.cms import home_page


@pytest.fixture(autouse=True)
def _dutch_by_default():
    # Requests pick their language from the URL; code outside requests runs in Dutch.
    with translation.override("nl"):
        yield


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
def site_settings(db):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "info@hope.example"
    settings.contact_phone = "030 123 45 67"
    settings.crisis_notice = "Bel 112 bij direct gevaar."
    settings.crisis_notice_en = "Call 112 in immediate danger."
    settings.footer_text = "Een initiatief van de coalitie."
    settings.footer_text_en = "An initiative of the coalition."
    settings.save()
    return settings


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
