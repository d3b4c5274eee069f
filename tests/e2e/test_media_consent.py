"""Issue 11, done means: a journalist sends a media request without support person and quote
review → the coordinator asks for them → the journalist completes them from the email link and
accepts the expert's conditions → the expert reads the questions and her conditions and says yes
from her email → the interview is confirmed."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import BookingRequest, Engagement, MediaAgreement
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, in_days
from tests.factories.bookings import MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
URL = re.compile(r"http://testserver(/\S+)")


def log_in(page, live_server, email, next_url):
    page.goto(f"{live_server.url}/accounts/inloggen/?next={next_url}")
    page.fill("input[type=email]", email)
    page.fill("input[type=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}{next_url}")


def log_out(page, live_server):
    page.context.clear_cookies()


def path_in_last_mail(user, fragment):
    message = [m for m in mail.outbox if user.email in m.to][-1]
    return next(path for path in URL.findall(message.body) if fragment in path)


def test_media_request_from_missing_gates_to_a_confirmed_interview(
    page, browser, live_server, serious_axe_violations
):
    coordinator = CoordinatorFactory(email="coordinator@example.org", preferred_language="en")
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    organisation = OrganisationFactory(name="Dagblad Voorbeeld", kind="media")
    journalist = MembershipFactory(
        organisation=organisation,
        user__email="jet@example.org",
        user__preferred_language="en",
    ).user
    expert = FittingExpertFactory(
        public_name="Juniper",
        with_user=True,
        user__email="juniper@example.org",
        user__preferred_language="en",
        media_recording_allowed=False,
    )
    when = in_days(12, hour=14)

    # 1. The journalist asks for a print interview: questions, but no support person and no
    #    quote review yet.
    log_in(page, live_server, journalist.email, "/en/portal/")
    page.goto(f"{live_server.url}/en/portal/requests/new/")
    page.get_by_label("Media interview").check()
    page.get_by_label("Short title").fill("Background article on online recruitment")
    page.get_by_label("What is your question?").fill("How recruitment moves online.")
    page.get_by_label("Who is the audience?").fill("Readers of the newspaper")
    page.get_by_label("Online", exact=True).check()
    page.locator("#id_media_outlet").fill("Dagblad Voorbeeld")
    page.locator("#id_media_medium").select_option("print")
    page.locator("#id_media_questions").fill("1. How did it start?\n2. What helped?")
    page.locator("#id_media_identity_conditions_accepted").check()
    page.locator("#id_date_1").fill(when.strftime("%Y-%m-%d"))
    page.locator("#id_start_1").fill("14:00")
    page.locator("#id_end_1").fill("15:30")
    page.locator("#id_consent").check()
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    booking_request = BookingRequest.objects.get(title="Background article on online recruitment")
    assert booking_request.status == RequestStatus.IN_TRIAGE

    # 2. The coordinator accepts it for matching, asks the expert, and asks for what is missing.
    from bookings.services.request_status import booking_set_status

    booking_set_status(
        booking_request=booking_request,
        new_status=RequestStatus.MATCHING,
        actor=coordinator,
        role="coordinator",
    )
    coordinator_context = browser.new_context(locale="en-GB", reduced_motion="reduce")
    coordinator_page = coordinator_context.new_page()
    log_in(coordinator_page, live_server, coordinator.email, "/admin/")
    coordinator_page.goto(
        live_server.url + reverse("booking_requests:matching", args=[booking_request.pk])
    )
    mail.outbox.clear()
    coordinator_page.get_by_text("Ask Juniper", exact=True).first.click()  # opens the details
    coordinator_page.get_by_role("button", name="Ask Juniper", exact=True).click()
    coordinator_page.get_by_text("Juniper has been asked.", exact=False).wait_for()
    engagement = Engagement.objects.get(request=booking_request)
    coordinator_page.goto(
        live_server.url + reverse("booking_requests:inspect", args=[booking_request.pk])
    )
    coordinator_page.get_by_role("button", name="Ask the journalist for what is missing").click()
    coordinator_page.get_by_text("The journalist has been asked for").wait_for()
    coordinator_context.close()

    # 3. The journalist completes the details from the email link ...
    page.goto(live_server.url + path_in_last_mail(journalist, "/media/"))
    assert page.get_by_text("No support person has been named.").count() == 1
    assert serious_axe_violations(page) == []
    page.get_by_label("Support person").fill("Sam de Vries, coordinator")
    page.locator("#id_media_quote_review_agreed").check()
    page.get_by_role("button", name="Save the media details").click()
    page.get_by_text("The media details are saved.").wait_for()

    # ... and accepts the expert's own conditions through the signed link.
    conditions_mail = [
        m for m in mail.outbox if journalist.email in m.to and "conditions" in m.subject
    ]
    consent_path = next(p for p in URL.findall(conditions_mail[-1].body) if "/media/terms/" in p)
    log_out(page, live_server)
    page.goto(live_server.url + consent_path)
    assert page.get_by_text("The conversation is not recorded.", exact=False).count() == 1
    assert serious_axe_violations(page) == []
    page.get_by_role("button", name="I accept these conditions").click()
    page.get_by_text("You have accepted the expert's conditions.").wait_for()
    assert MediaAgreement.objects.get(engagement=engagement).accepted_by == journalist

    # 4. The expert reads the questions and her conditions on the email's Yes page and says yes.
    yes_path = path_in_last_mail(expert.user, "/link/")
    page.goto(live_server.url + yes_path)
    assert page.get_by_text("How did it start?", exact=False).count() == 1
    assert page.get_by_text("Accepted in writing by the journalist", exact=False).count() == 1
    assert page.get_by_text("Agreed: you review your quotes", exact=False).count() == 1
    assert journalist.email not in page.content()
    assert serious_axe_violations(page) == []
    page.get_by_role("button", name="Confirm: yes, I'd like to").click()
    page.get_by_role("heading", level=1, name="Thank you").wait_for()

    # 5. The interview is confirmed.
    engagement.refresh_from_db()
    booking_request.refresh_from_db()
    assert engagement.status == EngagementStatus.CONFIRMED
    assert booking_request.status == RequestStatus.SCHEDULED
