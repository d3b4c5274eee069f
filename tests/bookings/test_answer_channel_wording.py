"""Issue 12: the coordinators' notice says how the expert answered (portal or email link), in
the coordinator's language, and claims neither when the channel is not known."""

import re

import pytest
from django.urls import reverse, translate_url

from bookings.enums import EngagementStatus
from bookings.models import Activity
from bookings.services import engagements as services
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/\S*/link/\S+/)")


def ask(coordinator, run_on_commit):
    expert = FittingExpertFactory(with_user=True, user__preferred_language="nl")
    booking_request = MatchingRequestFactory(title="Signalen in de jeugdzorg")
    with run_on_commit():
        return services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            date_option=booking_request.date_options.get(),
        )


def test_a_no_from_the_email_link_reads_so_in_dutch(client, run_on_commit, mailoutbox):
    coordinator = CoordinatorFactory(preferred_language="nl")
    engagement = ask(coordinator, run_on_commit)
    _yes, no_url = LINK.findall(mailoutbox[0].body)
    mailoutbox.clear()

    with run_on_commit():
        client.post(no_url, {"note": "Te dichtbij voor mij."})

    (message,) = [m for m in mailoutbox if m.to == [coordinator.email]]
    assert "zei nee op aanvraag" in message.body
    assert "Ze antwoordde met de link in haar e-mail." in message.body
    assert "portaal" not in message.body
    assert "Te dichtbij" not in message.body
    # The link takes her to this request's workspace, not the admin's front page.
    workspace = reverse("booking_requests:inspect", args=[engagement.request_id])
    assert f"http://testserver{workspace}" in message.body
    assert "http://testserver/admin/\n" not in message.body
    assert (
        Activity.objects.filter(
            engagement=engagement, message__contains="met de link in haar e-mail"
        ).exists()
        or Activity.objects.filter(
            engagement=engagement, message__contains="with the link in her email"
        ).exists()
    )


def test_a_yes_in_the_portal_reads_so_in_english(client, run_on_commit, mailoutbox):
    coordinator = CoordinatorFactory(preferred_language="en")
    engagement = ask(coordinator, run_on_commit)
    mailoutbox.clear()
    client.force_login(engagement.expert.user)

    url = translate_url(reverse("engagements:answer", args=[engagement.pk]), "en")
    with run_on_commit():
        response = client.post(url, {"choice": "yes"})

    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    (message,) = [m for m in mailoutbox if m.to == [coordinator.email]]
    assert "said yes to request" in message.body
    assert "She answered in the portal." in message.body
    assert "link in her email" not in message.body
    assert "The engagement is confirmed and the organisation has been told." in message.body


def test_without_a_known_channel_the_notice_claims_neither(run_on_commit, mailoutbox):
    coordinator = CoordinatorFactory(preferred_language="en")
    engagement = ask(coordinator, run_on_commit)
    mailoutbox.clear()

    with run_on_commit():
        services.engagement_expert_answer(
            engagement=engagement, actor=engagement.expert.user, accepted=True
        )

    (message,) = [m for m in mailoutbox if m.to == [coordinator.email]]
    assert "said yes to request" in message.body
    assert "portal" not in message.body
    assert "link" not in message.body
