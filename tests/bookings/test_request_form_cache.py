"""The guest's empty request form is answered by the page cache middleware, before sessions,
authentication and routing (issue 15), yet every guest gets her own CSRF token (valid for
Django's CSRF check on the POST) and her own one-time submission token. A POST, a signed-in
contact and a query string always get the full page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from bookings.models import BookingRequest
from tests.bookings.test_intake import guest_data
from tests.factories.bookings import MembershipFactory
from tests.factories.cms import BookingRequestPageFactory, home_page

pytestmark = pytest.mark.django_db
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION = re.compile(r'name="submission_token" value="([0-9a-f]{32})"')


@pytest.fixture
def request_page(db):
    home_page()
    return BookingRequestPageFactory(body="<p>Een coördinator leest elke aanvraag.</p>")


def _warm(url):
    """A guest's visit renders the page and leaves the shared copy in the cache (the very first
    may create the site settings, which makes every cached page stale: hence two)."""
    for _ in range(2):
        first = Client(enforce_csrf_checks=True).get(url)
        assert first.status_code == 200
        assert "X-Page-Cache" not in first
    return first


def _hit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    return response


def _tokens(response) -> tuple[str, str]:
    html = response.content.decode()
    return CSRF.search(html).group(1), SUBMISSION.search(html).group(1)


def test_a_guest_opens_the_cached_form_without_a_query_and_her_post_passes_the_csrf_check(
    request_page, run_on_commit, mailoutbox, django_assert_num_queries
):
    _warm(request_page.url)
    guest = Client(enforce_csrf_checks=True)

    with django_assert_num_queries(0):
        page = _hit(guest, request_page.url)

    assert not hasattr(page.wsgi_request, "session")
    assert not hasattr(page.wsgi_request, "user")
    assert page.cookies["csrftoken"].value  # set as Django sets it: the secret, not the token
    assert page["Cache-Control"] == "private, no-cache"
    assert "ETag" not in page
    assert "Cookie" in page["Vary"]
    csrf_token, submission_token = _tokens(page)
    assert "placeholder" not in page.content.decode()

    with run_on_commit():
        sent = guest.post(
            request_page.url,
            guest_data(csrfmiddlewaretoken=csrf_token, submission_token=submission_token),
        )

    assert sent.status_code == 302
    assert sent["Location"] == reverse("bookings:request_sent")
    assert BookingRequest.objects.get().submission_token == submission_token
    assert len(mailoutbox) == 1


def test_two_guests_get_different_tokens_and_a_returning_guest_keeps_her_cookie(request_page):
    _warm(request_page.url)
    one, two = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    first, second = _hit(one, request_page.url), _hit(two, request_page.url)
    assert _tokens(first)[0] != _tokens(second)[0]
    assert _tokens(first)[1] != _tokens(second)[1]
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value

    secret = one.cookies["csrftoken"].value
    again = _hit(one, request_page.url)
    assert again.cookies["csrftoken"].value == secret  # the same secret, renewed as Django does
    assert _tokens(again)[0] != _tokens(first)[0]  # masked anew on every page


def test_a_token_from_another_guests_page_is_refused(request_page):
    _warm(request_page.url)
    one, two = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    token_of_one = _tokens(_hit(one, request_page.url))[0]
    _hit(two, request_page.url)

    refused = two.post(request_page.url, guest_data(csrfmiddlewaretoken=token_of_one))

    assert refused.status_code == 403
    assert not BookingRequest.objects.exists()


def test_a_post_with_errors_is_never_answered_from_the_cache(request_page):
    _warm(request_page.url)
    guest = Client(enforce_csrf_checks=True)
    csrf_token, _ = _tokens(_hit(guest, request_page.url))

    shown = guest.post(
        request_page.url,
        guest_data(csrfmiddlewaretoken=csrf_token, title="Training voor ons team", email=""),
    )

    html = shown.content.decode()
    assert shown.status_code == 200
    assert "X-Page-Cache" not in shown
    assert 'value="Training voor ons team"' in html
    assert "field--error" in html
    assert not BookingRequest.objects.exists()


def test_a_signed_in_contact_and_a_query_string_get_the_full_page(request_page):
    _warm(request_page.url)
    contact = Client()
    contact.force_login(MembershipFactory().user)

    signed_in = contact.get(request_page.url)
    with_expert = Client().get(request_page.url + "?expert=roos")

    assert "X-Page-Cache" not in signed_in
    assert "Uitloggen" in signed_in.content.decode()
    assert "X-Page-Cache" not in with_expert


def test_publishing_the_request_page_or_changing_site_settings_shows_at_once(request_page):
    from wagtail.models import Site

    from cms.models import SiteSettings

    _warm(request_page.url)
    _hit(Client(), request_page.url)

    request_page.body = "<p>Wij antwoorden binnen vijf werkdagen.</p>"
    request_page.save_revision().publish()
    after_publish = Client().get(request_page.url)
    assert "X-Page-Cache" not in after_publish
    assert "Wij antwoorden binnen vijf werkdagen." in after_publish.content.decode()

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Een initiatief van de nieuwe coalitie."
    settings.save()
    after_settings = Client().get(request_page.url)
    assert "X-Page-Cache" not in after_settings
    assert "Een initiatief van de nieuwe coalitie." in after_settings.content.decode()
    assert (
        "Een initiatief van de nieuwe coalitie."
        in _hit(Client(), request_page.url).content.decode()
    )
