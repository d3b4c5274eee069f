"""The request form and the experts' profiles get their links from the website (cms) through
hope.site_pages, which cms fills when it starts: bookings and speakers never import cms."""

import pytest

from hope import site_pages
from tests.factories import cms as f

pytestmark = pytest.mark.django_db


def test_request_form_links_to_the_privacy_statement_and_fee_guidance_of_the_site(
    client, home, site_settings
):
    request_page = f.BookingRequestPageFactory()
    privacy = f.StandardPageFactory(title="Privacyverklaring", slug="privacy")
    fees = f.StandardPageFactory(title="Wat kost het", slug="vergoedingen")
    site_settings.privacy_page = privacy
    site_settings.fee_guidance_page = fees
    site_settings.save()

    html = client.get(request_page.url).content.decode()

    assert f'<a href="{privacy.url}">Lees onze privacyverklaring</a>' in html
    assert f'<a href="{fees.url}">Lees wat HOPE vraagt voor een inzet' in html


def test_request_form_without_those_pages_shows_no_dead_links(client, home, site_settings):
    request_page = f.BookingRequestPageFactory()
    draft = f.StandardPageFactory(title="Privacyverklaring", slug="privacy")
    draft.unpublish()
    site_settings.privacy_page = draft
    site_settings.save()

    response = client.get(request_page.url)

    assert response.status_code == 200
    assert "Lees onze privacyverklaring" not in response.content.decode()


def test_only_a_live_offering_is_found(home):
    index = f.OfferingIndexPageFactory()
    offering = f.OfferingPageFactory(parent=index)
    withdrawn = f.OfferingPageFactory(parent=index)
    withdrawn.unpublish()

    assert site_pages.offering_page(offering.pk) == offering
    assert site_pages.offering_page(withdrawn.pk) is None
    assert site_pages.offering_page(home.pk) is None  # a page, but no offering


def test_footer_links_the_privacy_statement_only_while_it_is_published(client, home, site_settings):
    privacy = f.StandardPageFactory(title="Privacyverklaring", slug="privacy")
    site_settings.privacy_page = privacy
    site_settings.save()
    assert f'<a href="{privacy.url}">Privacyverklaring</a>' in client.get(home.url).content.decode()

    privacy.unpublish()
    html = client.get(home.url).content.decode()

    assert "Privacyverklaring" not in html
