"""The page a journalist opens from her email to accept the expert's conditions."""

import pytest
from django.urls import reverse
from django.utils import translation

from bookings.enums import EngagementStatus
from bookings.services.media import consent_token, media_agreement_prepare
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.bookings import EngagementFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_statement_keeps_its_own_language_on_a_page_in_another(client):
    organisation = OrganisationFactory(kind="media")
    journalist = MembershipFactory(organisation=organisation, user__preferred_language="nl").user
    booking_request = MatchingRequestFactory(
        media=True, media_gates_met=True, organisation=organisation, contact=journalist
    )
    engagement = EngagementFactory(
        request=booking_request,
        expert=FittingExpertFactory(public_name="Lijster"),
        status=EngagementStatus.ASKED,
    )
    agreement = media_agreement_prepare(engagement=engagement)
    assert agreement.language == "nl"
    with translation.override("en"):
        url = reverse("bookings:media_consent", args=[consent_token(agreement, journalist)])
    html = client.get(url).content.decode()
    # The page is English; the signed text is Dutch, and a screen reader reads it as Dutch.
    assert "I accept these conditions" in html
    assert '<pre class="statement" lang="nl">' in html
