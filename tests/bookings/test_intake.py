"""The request form: validation rules, guests and contacts, honeypot and rate limit."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import EngagementKind, RequestStatus
from bookings.models import BookingRequest, Organisation
from tests.factories.accounts import CoordinatorFactory
from tests.factories.bookings import MembershipFactory, OrganisationFactory
from tests.factories.speakers import ExpertFactory, TopicFactory

pytestmark = pytest.mark.django_db
URL = reverse("bookings:request_new")


def day(offset=14):
    return (timezone.localdate() + dt.timedelta(days=offset)).isoformat()


def form_data(**overrides):
    data = {
        "kind": EngagementKind.TRAINING,
        "title": "Training on grooming for our team",
        "description": "We want our teachers to recognise grooming earlier.",
        "audience_description": "Teachers of a secondary school",
        "audience_size": "35",
        "mode": "in_person",
        "place": "Amersfoort",
        "date_1": day(),
        "start_1": "13:00",
        "end_1": "16:00",
        "duration_minutes": "180",
        "fee_offered": "350",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def guest_data(**overrides):
    data = form_data(
        first_name="Sanne",
        last_name="de Vries",
        email="Sanne@Example.org",
        organisation_name="Lyceum Voorbeeld",
        organisation_kind="education",
    )
    data.update(overrides)
    return data


@pytest.fixture
def contact(client):
    user = MembershipFactory().user
    client.force_login(user)
    return user


def test_form_renders_for_guests_with_labels_and_no_inline_script(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="email"' in html and 'name="organisation_name"' in html
    assert 'id="media-fields"' in html  # always present, without JavaScript
    assert "<script>" not in html and "onclick" not in html and 'style="' not in html


def test_logged_in_contact_submits_directly(client, contact, run_on_commit, mailoutbox):
    coordinator = CoordinatorFactory()
    topic = TopicFactory(name="Grooming")
    with run_on_commit():
        response = client.post(URL, form_data(topics=[topic.pk]))
    booking_request = BookingRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "bookings:request_detail", args=[booking_request.reference]
    )
    assert booking_request.status == RequestStatus.IN_TRIAGE
    assert booking_request.contact == contact
    assert list(booking_request.topics.all()) == [topic]
    assert booking_request.date_options.get().starts_at.hour in (12, 11, 13)  # 13:00 Amsterdam
    assert sorted(m.to[0] for m in mailoutbox) == sorted([contact.email, coordinator.email])


def test_logged_in_user_without_organisation_names_one(client, run_on_commit):
    from tests.factories.accounts import UserFactory

    user = UserFactory()
    client.force_login(user)
    response = client.post(
        URL, form_data(organisation_name="Gemeente Ergens", organisation_kind="municipality")
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Gemeente Ergens")
    assert organisation.memberships.get().user == user
    assert not organisation.verified


def test_guest_submission_waits_for_confirmation(client, run_on_commit, mailoutbox):
    CoordinatorFactory()
    with run_on_commit():
        response = client.post(URL, guest_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("bookings:request_sent")
    booking_request = BookingRequest.objects.get()
    assert booking_request.status == RequestStatus.AWAITING_CONFIRMATION
    assert booking_request.contact.email == "sanne@example.org"
    assert not booking_request.contact.has_usable_password()
    assert [m.to for m in mailoutbox] == [["sanne@example.org"]]


def test_offering_preselects_the_kind(client):
    offering = _offering_page()
    if offering is None:
        pytest.skip("the CMS offering page is not available")
    response = client.get(URL, {"offering": offering.pk})
    assert response.context["form"].initial["kind"] == offering.engagement_kind
    assert offering.title in response.content.decode()
    response = client.post(URL, guest_data(offering=str(offering.pk)))
    assert BookingRequest.objects.get().offering_id == offering.pk


def _offering_page():
    try:
        from cms.models import OfferingPage
    except ImportError:
        return None
    from wagtail.models import Page

    root = Page.get_first_root_node()
    offering = OfferingPage(
        title="Training for police officers",
        slug="training-police",
        engagement_kind=EngagementKind.TRAINING,
        audience="Police officers",
        duration="Half a day",
    )
    root.add_child(instance=offering)
    return offering


def test_expert_link_preselects_a_public_expert(client):
    expert = ExpertFactory()
    response = client.get(URL, {"expert": expert.slug})
    assert response.context["form"].initial["preferred_expert"] == expert.pk


def test_not_public_experts_cannot_be_chosen(client, contact):
    hidden = ExpertFactory(identity_mode="not_public")
    response = client.post(URL, form_data(preferred_expert=str(hidden.pk)))
    assert response.status_code == 200
    assert "preferred_expert" in response.context["form"].errors
    assert hidden.public_name not in response.content.decode()


# --- every validation rule keeps what was typed -------------------------------------------------

INVALID = [
    ({"title": ""}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"description": ""}, "description"),
    ({"description": "x" * 5001}, "description"),
    ({"kind": "cooking"}, "kind"),
    ({"audience_description": ""}, "audience_description"),
    ({"audience_size": "0"}, "audience_size"),
    ({"audience_size": "1000000"}, "audience_size"),
    ({"audience_size": "many"}, "audience_size"),
    ({"mode": "in_person", "place": ""}, "place"),
    ({"fee_offered": "-5"}, "fee_offered"),
    ({"fee_offered": "99999999"}, "fee_offered"),
    ({"duration_minutes": "7"}, "duration_minutes"),
    ({"date_1": day(-2)}, "date_1"),
    ({"start_1": "16:00", "end_1": "13:00"}, "end_1"),
    ({"start_1": "", "end_1": "13:00"}, "start_1"),
    ({"date_2": "not a date", "start_2": "10:00", "end_2": "11:00"}, "date_2"),
    ({"consent": None}, "consent"),
    ({"kind": "media_interview"}, "media_outlet"),
    ({"kind": "media_interview"}, "media_medium"),
    ({"kind": "media_interview"}, "media_identity_conditions_accepted"),
    (
        {
            "kind": "media_interview",
            "media_outlet": "Radio Voorbeeld",
            "media_medium": "radio",
            "media_identity_conditions_accepted": "on",
            "media_publication_date": day(-1),
        },
        "media_publication_date",
    ),
]


@pytest.mark.parametrize(
    ("overrides", "field"), INVALID, ids=[f"{f}-{i}" for i, (_, f) in enumerate(INVALID)]
)
def test_invalid_input_is_refused_with_the_values_kept(client, contact, overrides, field):
    data = form_data(**overrides)
    response = client.post(URL, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not BookingRequest.objects.exists()
    html = response.content.decode()
    assert "Training on grooming for our team" in html or overrides.get("title") is not None
    assert 'aria-invalid="true"' in html


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"email": "not-an-email"}, "email"), ({"organisation_name": ""}, "organisation_name")],
)
def test_guest_details_are_validated(client, overrides, field):
    response = client.post(URL, guest_data(**overrides))
    assert response.status_code == 200
    errors = {
        **response.context["guest_form"].errors,
        **response.context["organisation_form"].errors,
    }
    assert field in errors
    assert not BookingRequest.objects.exists()


def test_errors_are_translated(client, contact):
    response = client.post(URL, form_data(date_1=day(-2)), HTTP_ACCEPT_LANGUAGE="nl")
    assert "Deze datum ligt in het verleden." in response.content.decode()
    with translation.override("en"):
        english = reverse("bookings:request_new")
    response = client.post(english, form_data(date_1=day(-2)))
    assert "This date lies in the past." in response.content.decode()


def test_media_request_with_media_fields_is_accepted(client, contact):
    response = client.post(
        URL,
        form_data(
            kind="media_interview",
            media_outlet="Radio Voorbeeld",
            media_medium="radio",
            media_identity_conditions_accepted="on",
            media_questions="How did you get out?",
            audience_size="",
        ),
    )
    assert response.status_code == 302
    booking_request = BookingRequest.objects.get()
    assert booking_request.media_outlet == "Radio Voorbeeld"
    assert booking_request.audience_size is None


def test_honeypot_stores_nothing(client):
    response = client.post(URL, guest_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not BookingRequest.objects.exists()


def test_rate_limit(client, settings, run_on_commit):
    settings.HOPE_REQUEST_FORM_RATE_LIMIT = (2, 3600)
    for number in range(2):
        response = client.post(URL, guest_data(email=f"person{number}@example.org"))
        assert response.status_code == 302
    response = client.post(URL, guest_data(email="third@example.org"))
    assert response.status_code == 429
    assert BookingRequest.objects.count() == 2


def test_a_guest_cannot_join_an_existing_organisation_by_name(client):
    existing = OrganisationFactory(name="Gemeente Utrecht")
    member = MembershipFactory(organisation=existing).user
    client.post(URL, guest_data(organisation_name="Gemeente Utrecht"))
    booking_request = BookingRequest.objects.get()
    assert booking_request.organisation != existing
    assert list(existing.memberships.values_list("user", flat=True)) == [member.pk]


def test_form_is_protected_by_csrf(contact):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(contact)
    response = client.post(URL, form_data())
    assert response.status_code == 403
    assert not BookingRequest.objects.exists()


def test_cms_booking_request_page_serves_the_form(client, run_on_commit, mailoutbox):
    try:
        from cms.models import BookingRequestPage
    except ImportError:
        pytest.skip("the CMS booking request page is not available")
    from wagtail.models import Page

    page = BookingRequestPage(title="Ask an expert", slug="ask-an-expert", body="<p>Intro text</p>")
    Page.get_first_root_node().add_child(instance=page)
    response = page.serve(_get_request(page))
    if hasattr(response, "render"):  # a guest's empty form may come from the shared copy
        response.render()
    html = response.content.decode()
    assert "Intro text" in html and 'name="kind"' in html

    response = page.serve(_post_request(page, guest_data()))
    assert response.status_code == 302
    assert BookingRequest.objects.get().status == RequestStatus.AWAITING_CONFIRMATION


def _get_request(page):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get("/ask-an-expert/")
    request.user = AnonymousUser()
    return request


def _post_request(page, data):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    request = RequestFactory().post("/ask-an-expert/", data)
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request
