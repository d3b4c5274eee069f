"""Media interviews through the screens people use: a request missing its gates becomes a
confirmed interview; the expert's conditions are accepted in writing, with a hash."""

import hashlib
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import Engagement, MediaAgreement
from tests.factories.accounts import CoordinatorFactory, english_admin
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import EngagementFactory

pytestmark = pytest.mark.django_db
URL = re.compile(r"https?://\S+")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def mails_to(mailoutbox, user):
    return [mail for mail in mailoutbox if mail.to == [user.email]]


def link_in(mail, fragment):
    return next(url for url in URL.findall(mail.body) if fragment in url)


def path_of(url):
    return url.split("testserver", 1)[1]


def test_media_flow_from_missing_gates_to_a_confirmed_interview(client, run_on_commit, mailoutbox):
    coordinator = english_admin(CoordinatorFactory())
    request = MatchingRequestFactory(
        media=True,
        place="Redactie, Stationsplein 1, Utrecht",
    )
    journalist = request.contact
    journalist.preferred_language = "en"
    journalist.save(update_fields=["preferred_language"])
    expert = FittingExpertFactory(with_user=True, user__preferred_language="en")
    workspace = reverse("booking_requests:inspect", args=[request.pk])

    # The coordinator asks the expert from the matching page.
    client.force_login(coordinator)
    with run_on_commit():
        client.post(
            reverse("booking_requests:matching", args=[request.pk]),
            {
                "expert": expert.pk,
                "date_option": request.date_options.get().pk,
                "version": request.version,
            },
        )
    engagement = Engagement.objects.get(request=request, expert=expert)
    assert engagement.status == EngagementStatus.ASKED

    # "Ask for more information" stays possible: the workspace offers to ask for what is missing.
    page = client.get(workspace).content.decode()
    assert 'value="ask_media"' in page and 'value="media"' in page
    with run_on_commit():
        client.post(workspace, {"action": "ask_media"})
    (missing_mail,) = [m for m in mails_to(mailoutbox, journalist) if "still need" in m.body]
    assert "No support person has been named." in missing_mail.body
    assert "review quotes" in missing_mail.body
    media_url = path_of(link_in(missing_mail, "/media/"))

    # The journalist completes the details from the email link, in the portal.
    client.force_login(journalist)
    request.refresh_from_db()
    response = client.post(
        media_url,
        {
            "version": request.version,
            "media_questions": "1. What helped you most?\n2. What should schools know?",
            "media_support_person": "Sam de Vries, coordinator",
            "media_quote_review_agreed": "on",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.media_support_person == "Sam de Vries, coordinator"

    # ... and accepts the expert's own conditions through the signed link.
    (conditions_mail,) = [m for m in mails_to(mailoutbox, journalist) if "conditions" in m.subject]
    consent_url = path_of(link_in(conditions_mail, "/media/terms/"))
    client.logout()
    page = client.get(consent_url).content.decode()
    assert "Her name is not published" in page
    client.post(consent_url)
    agreement = MediaAgreement.objects.get(engagement=engagement)
    assert agreement.accepted_by == journalist
    assert agreement.text_sha256 == hashlib.sha256(agreement.text.encode()).hexdigest()

    # The expert reads the questions and her conditions on the link page, and says yes.
    (ask_mail,) = mails_to(mailoutbox, expert.user)
    yes_url = path_of(link_in(ask_mail, "/link/"))
    page = client.get(yes_url).content.decode()
    assert "What helped you most?" in page
    assert "Her name is not published" in page
    assert "Accepted in writing by the journalist" in page
    assert "Stationsplein 1" not in page  # no exact address on a link page
    assert journalist.email not in page  # no contact details
    with run_on_commit():
        client.post(yes_url, {})
    engagement.refresh_from_db()
    request.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    assert request.status == RequestStatus.SCHEDULED

    # Now the details can no longer be changed; the expert can read what was accepted.
    client.force_login(journalist)
    assert client.get(media_url).status_code == 302
    client.force_login(expert.user)
    page = client.get(reverse("engagements:detail", args=[engagement.pk])).content.decode()
    assert agreement.text_sha256 in page


def test_a_tampered_or_foreign_consent_link_changes_nothing(client):
    engagement = EngagementFactory(request=MatchingRequestFactory(media=True))
    from bookings.services.media import consent_token, media_agreement_prepare

    agreement = media_agreement_prepare(engagement=engagement)
    token = consent_token(agreement, engagement.request.contact)
    response = client.post(reverse("bookings:media_consent", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    stranger = FittingExpertFactory(with_user=True).user
    response = client.post(
        reverse("bookings:media_consent", args=[consent_token(agreement, stranger)])
    )
    assert response.status_code == 400
    agreement.refresh_from_db()
    assert agreement.accepted_at is None


def test_another_organisation_cannot_open_the_media_page(client):
    request = MatchingRequestFactory(media=True)
    other = MatchingRequestFactory(media=True)
    client.force_login(other.contact)
    response = client.get(reverse("bookings:request_media", args=[request.reference]))
    assert response.status_code == 404


def test_quote_review_is_tracked_until_publication(client, run_on_commit):
    from bookings.services import engagements as services
    from bookings.services.media import booking_set_media_details
    from tests.factories.media import accept_conditions

    coordinator = english_admin(CoordinatorFactory())
    request = MatchingRequestFactory(media=True)
    expert = FittingExpertFactory(with_user=True, user__preferred_language="en")
    engagement = services.engagement_ask(
        booking_request=request,
        expert=expert,
        actor=coordinator,
        date_option=request.date_options.get(),
    )
    booking_set_media_details(
        booking_request=request,
        actor=coordinator,
        questions="1. What helped?",
        support_person="Sam",
        quote_review_agreed=True,
    )
    accept_conditions(engagement)
    services.engagement_expert_answer(engagement=engagement, actor=expert.user, accepted=True)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED

    workspace = reverse("booking_requests:inspect", args=[request.pk])
    client.force_login(coordinator)
    request.refresh_from_db()
    today = timezone.localdate()
    client.post(
        workspace,
        {
            "action": "quote_review",
            "engagement": engagement.pk,
            "version": request.version,
            "draft_received_on": today.isoformat(),
            "published_on": "",
            "published_url": "",
        },
    )
    agreement = MediaAgreement.objects.get(engagement=engagement)
    assert agreement.draft_received_on == today

    client.force_login(expert.user)
    detail = reverse("engagements:detail", args=[engagement.pk])
    approve = reverse("engagements:approve_quotes", args=[engagement.pk])
    assert approve in client.get(detail).content.decode()  # offered once a draft is in
    client.post(approve)
    agreement.refresh_from_db()
    assert agreement.quotes_approved_at is not None

    client.force_login(coordinator)
    request.refresh_from_db()
    client.post(
        workspace,
        {
            "action": "quote_review",
            "engagement": engagement.pk,
            "version": request.version,
            "draft_received_on": today.isoformat(),
            "published_on": today.isoformat(),
            "published_url": "https://dagblad.example/artikel",
        },
    )
    agreement.refresh_from_db()
    assert agreement.published_on == today
    assert agreement.published_url == "https://dagblad.example/artikel"
    # Another expert cannot approve her quotes.
    other = FittingExpertFactory(with_user=True)
    client.force_login(other.user)
    response = client.post(reverse("engagements:approve_quotes", args=[engagement.pk]))
    assert response.status_code == 404


def test_the_statement_never_names_her_before_the_date_is_fixed():
    from bookings.services.media import media_agreement_prepare

    expert = FittingExpertFactory(public_name="Wren", media_name_on_record=True)
    engagement = EngagementFactory(request=MatchingRequestFactory(media=True), expert=expert)
    agreement = media_agreement_prepare(engagement=engagement)
    assert "Wren" not in agreement.text
    assert "Haar naam mag worden gepubliceerd" in agreement.text  # the journalist's language
