"""An expert says yes from the email link, finds the engagement in the portal and the month
view, later answers the aftercare check-in with "I'd like a debrief", and the coordinators see
it on their dashboard. The pages pass axe (serious/critical)."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.users.models import UserProfile

from bookings.enums import EngagementStatus
from bookings.models import Engagement
from bookings.models.followup import AftercareCheckIn
from bookings.services import engagements as services
from bookings.services.followup import run_followups
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
LINK = re.compile(r"http://testserver(/\S*/link/\S+/)")


def log_in(page, live_server, email, next_url):
    page.goto(f"{live_server.url}/accounts/inloggen/?next={next_url}")
    page.fill("input[type=email]", email)
    page.fill("input[type=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}{next_url}")


def links_for(user):
    (message,) = [m for m in mail.outbox if user.email in m.to]
    mail.outbox.clear()
    return LINK.findall(message.body)


def test_expert_accepts_from_email_sees_it_and_asks_for_a_debrief(
    page, browser, live_server, serious_axe_violations
):
    coordinator = CoordinatorFactory(email="coordinator@example.org", preferred_language="en")
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    expert = FittingExpertFactory(
        public_name="Juniper",
        with_user=True,
        user__email="juniper@example.org",
        user__preferred_language="en",
    )
    booking_request = MatchingRequestFactory(
        title="Recognising signals in youth care", options=[in_days(9, hour=14)]
    )
    mail.outbox.clear()
    engagement = services.engagement_ask(
        booking_request=booking_request,
        expert=expert,
        actor=coordinator,
        date_option=booking_request.date_options.get(),
    )

    # The email's "Yes" opens a confirmation page; only the button there answers.
    yes_path, _no_path = links_for(expert.user)
    page.goto(f"{live_server.url}{yes_path}")
    assert page.get_by_role("heading", level=1, name="Say yes to this question?").count() == 1
    assert serious_axe_violations(page) == []
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.ASKED
    page.get_by_role("button", name="Confirm: yes, I'd like to").click()
    page.get_by_role("heading", level=1, name="Thank you").wait_for()
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED  # the expert's yes fixes the date

    # In the portal: coming up, with its details; and in the month view.
    log_in(page, live_server, expert.user.email, "/en/expert/engagements/")
    upcoming = page.locator("section", has=page.locator("#upcoming-heading"))
    upcoming.get_by_role("link", name=re.compile("Talk or information session")).click()
    page.wait_for_url(f"**/expert/engagements/{engagement.pk}/")
    assert page.get_by_text("Recognising signals in youth care").count() >= 1
    assert serious_axe_violations(page) == []
    month = timezone.localtime(engagement.starts_at).strftime("%Y-%m")
    page.goto(f"{live_server.url}/en/expert/calendar/?month={month}")
    assert page.get_by_text("HOPE engagement", exact=False).count() >= 1
    assert page.get_by_text("(tentative)", exact=False).count() == 0

    # Later: it took place yesterday; the check-in goes out.
    yesterday = timezone.now() - dt.timedelta(days=1)
    Engagement.objects.filter(pk=engagement.pk).update(
        starts_at=yesterday - dt.timedelta(hours=2), ends_at=yesterday
    )
    engagement.refresh_from_db()
    services.engagement_mark_delivered(engagement=engagement, actor=coordinator)
    mail.outbox.clear()
    run_followups()
    fine, debrief, _support = links_for(expert.user)
    page.goto(f"{live_server.url}{debrief}")
    assert page.get_by_text("I'd like a debrief").count() >= 1
    assert serious_axe_violations(page) == []
    page.get_by_role("button", name="Send this answer").click()
    page.get_by_text("A coordinator will contact you to plan a debrief.").wait_for()
    assert AftercareCheckIn.objects.get(engagement=engagement).answer == "debrief"
    assert any(coordinator.email in m.to for m in mail.outbox)

    # The coordinators' dashboard lists the request for aftercare.
    context = browser.new_context(locale="en-GB", reduced_motion="reduce")
    coordinator_page = context.new_page()
    log_in(coordinator_page, live_server, coordinator.email, "/admin/")
    panel = coordinator_page.locator("#hope-aftercare-requests-section")
    assert panel.get_by_text("Would like a debrief").count() == 1
    assert panel.get_by_role("link", name=booking_request.reference).count() == 1
    context.close()
