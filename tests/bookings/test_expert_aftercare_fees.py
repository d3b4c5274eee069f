"""Aftercare records, closing only with them, fee states, the expert's feedback and matching."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from bookings.enums import EngagementStatus, RequestStatus
from bookings.matching import Exclusion, match_experts
from bookings.models.engagement import FeeClaim
from bookings.models.followup import AftercareCheckIn, ExpertFeedback, WorkAgain
from bookings.services import engagements as services
from bookings.services.followup import expert_feedback_give
from bookings.services.request_base import TransitionNotAllowed
from bookings.services.request_status import booking_set_status
from tests.factories.accounts import CoordinatorFactory, english_admin
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory
from tests.factories.followup import (
    DeliveredEngagementFactory,
    ExpertFeedbackFactory,
    ExpertWithUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator():
    user = english_admin(CoordinatorFactory(preferred_language="en"))
    return user


@pytest.fixture
def delivered():
    return DeliveredEngagementFactory(expert__user__preferred_language="en")


def test_aftercare_with_date_and_private_notes(coordinator, delivered, client):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    services.engagement_record_aftercare(
        engagement=delivered, actor=coordinator, held_on=yesterday, notes="Talked it through."
    )
    delivered.refresh_from_db()
    assert delivered.status == EngagementStatus.AFTERCARE_DONE
    assert (delivered.aftercare_held_on, delivered.aftercare_notes) == (
        yesterday,
        "Talked it through.",
    )
    # The expert reads them in the portal; another expert cannot reach the page.
    client.force_login(delivered.expert.user)
    url = reverse("engagements:detail", args=[delivered.pk])
    assert "Talked it through." in client.get(url).content.decode()
    client.force_login(ExpertWithUserFactory().user)
    assert client.get(url).status_code == 404


def test_aftercare_in_the_future_is_refused(coordinator, delivered):
    with pytest.raises(services.EngagementRefused):
        services.engagement_record_aftercare(
            engagement=delivered,
            actor=coordinator,
            held_on=timezone.localdate() + dt.timedelta(days=1),
        )
    delivered.refresh_from_db()
    assert delivered.status == EngagementStatus.DELIVERED


def test_the_workspace_records_aftercare_notes_and_shows_them(coordinator, delivered, client):
    client.force_login(coordinator)
    url = reverse("booking_requests:inspect", args=[delivered.request.pk])
    delivered.request.refresh_from_db()
    response = client.post(
        url,
        {
            "action": "aftercare",
            "engagement": delivered.pk,
            "version": delivered.request.version,
            "held_on": timezone.localdate().isoformat(),
            "notes": "Wants fewer evening sessions.",
        },
    )
    assert response.status_code == 302
    delivered.refresh_from_db()
    assert delivered.aftercare_notes == "Wants fewer evening sessions."
    assert "Wants fewer evening sessions." in client.get(url).content.decode()


def test_a_request_is_closed_only_with_aftercare_recorded(coordinator, delivered):
    services.engagement_record_fee(engagement=delivered, actor=coordinator, fee="100")
    request = delivered.request
    with pytest.raises(TransitionNotAllowed, match="Aftercare"):
        booking_set_status(
            booking_request=request, new_status=RequestStatus.CLOSED, actor=coordinator
        )
    services.engagement_record_aftercare(engagement=delivered, actor=coordinator, waived=True)
    request.refresh_from_db()
    booking_set_status(booking_request=request, new_status=RequestStatus.CLOSED, actor=coordinator)
    request.refresh_from_db()
    assert request.status == RequestStatus.CLOSED


def test_fee_states_to_claim_claimed_paid(coordinator, delivered):
    assert delivered.fee_claim == FeeClaim.NONE
    services.engagement_record_fee(
        engagement=delivered, actor=coordinator, fee="150", travel_costs="20.40"
    )
    delivered.refresh_from_db()
    assert (delivered.fee_claim, delivered.fee_total) == (FeeClaim.TO_CLAIM, Decimal("170.40"))
    services.engagement_mark_fee_claimed(engagement=delivered, actor=delivered.expert.user)
    delivered.refresh_from_db()
    assert (delivered.fee_claim, delivered.claimed_on) == (FeeClaim.CLAIMED, timezone.localdate())
    services.engagement_mark_fee_paid(engagement=delivered, actor=coordinator)
    delivered.refresh_from_db()
    assert (delivered.fee_claim, delivered.paid_on) == (FeeClaim.PAID, timezone.localdate())
    with pytest.raises(services.EngagementRefused):
        services.engagement_mark_fee_claimed(engagement=delivered, actor=delivered.expert.user)


def test_only_coordinators_mark_paid_and_only_the_expert_claims_their_own(coordinator, delivered):
    services.engagement_record_fee(engagement=delivered, actor=coordinator, fee="150")
    with pytest.raises(PermissionDenied):
        services.engagement_mark_fee_paid(engagement=delivered, actor=delivered.expert.user)
    with pytest.raises(PermissionDenied):
        services.engagement_mark_fee_claimed(
            engagement=delivered, actor=ExpertWithUserFactory().user
        )
    delivered.refresh_from_db()
    assert delivered.fee_claim == FeeClaim.TO_CLAIM


def test_no_claim_without_a_fee_or_before_it_took_place(coordinator):
    upcoming = DeliveredEngagementFactory(
        status=EngagementStatus.CONFIRMED,
        starts_at=timezone.now() + dt.timedelta(days=3),
        ends_at=timezone.now() + dt.timedelta(days=3, hours=2),
        fee=Decimal("10"),
    )
    with pytest.raises(services.EngagementRefused):
        services.engagement_mark_fee_claimed(engagement=upcoming, actor=upcoming.expert.user)
    no_fee = DeliveredEngagementFactory()
    with pytest.raises(services.EngagementRefused):
        services.engagement_mark_fee_claimed(engagement=no_fee, actor=no_fee.expert.user)


def test_the_expert_marks_a_claim_in_the_portal(coordinator, delivered, client):
    services.engagement_record_fee(engagement=delivered, actor=coordinator, fee="150")
    client.force_login(delivered.expert.user)
    response = client.post(reverse("engagements:fee_claimed", args=[delivered.pk]))
    assert response.status_code == 302
    delivered.refresh_from_db()
    assert delivered.fee_claim == FeeClaim.CLAIMED


def test_coordinators_see_outstanding_fees_and_for_how_long(coordinator, client):
    old = DeliveredEngagementFactory(
        fee=Decimal("100"),
        travel_costs=Decimal("10"),
        starts_at=timezone.now() - dt.timedelta(days=12, hours=3),
        ends_at=timezone.now() - dt.timedelta(days=12),
    )
    DeliveredEngagementFactory(fee=Decimal("50"), paid_on=timezone.localdate())
    client.force_login(coordinator)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    section = home[home.index('id="hope-fees') :]
    section = section[: section.index("</section>")]
    assert old.request.reference in section
    assert "1 fee not paid yet, €110.00 in total." in section
    assert "12 days" in section


def test_feedback_only_after_aftercare_and_only_by_the_expert(coordinator, delivered):
    with pytest.raises(services.EngagementRefused):
        expert_feedback_give(
            engagement=delivered, actor=delivered.expert.user, work_again=WorkAgain.NO
        )
    services.engagement_record_aftercare(engagement=delivered, actor=coordinator)
    delivered.refresh_from_db()
    with pytest.raises(PermissionDenied):
        expert_feedback_give(engagement=delivered, actor=coordinator, work_again=WorkAgain.NO)
    expert_feedback_give(
        engagement=delivered, actor=delivered.expert.user, how_it_went="Fine.", work_again="yes"
    )
    assert ExpertFeedback.objects.get(engagement=delivered).work_again == "yes"


def test_feedback_form_in_the_portal_keeps_what_was_typed_on_bad_input(coordinator, client):
    engagement = DeliveredEngagementFactory(status=EngagementStatus.AFTERCARE_DONE)
    client.force_login(engagement.expert.user)
    url = reverse("engagements:feedback", args=[engagement.pk])
    response = client.post(url, {"how_it_went": "Quite tiring", "work_again": "maybe"})
    assert response.status_code == 400
    assert "Quite tiring" in response.content.decode()
    assert not ExpertFeedback.objects.exists()
    response = client.post(url, {"how_it_went": "Quite tiring", "work_again": "no"})
    assert response.status_code == 302
    assert ExpertFeedback.objects.get().work_again == "no"


def test_feedback_is_not_shown_to_the_organisation(client):
    feedback = ExpertFeedbackFactory(how_it_went="They were rude to me.")
    client.force_login(feedback.engagement.request.contact)
    url = reverse("bookings:request_detail", args=[feedback.engagement.request.reference])
    response = client.get(url)
    assert "They were rude to me." not in response.content.decode()


def test_matching_excludes_a_pairing_the_expert_prefers_not_to_repeat():
    expert = FittingExpertFactory(with_user=True)
    other_expert = FittingExpertFactory()
    past = DeliveredEngagementFactory(expert=expert, status=EngagementStatus.AFTERCARE_DONE)
    ExpertFeedback.objects.create(engagement=past, work_again=WorkAgain.NO)
    same_organisation = MatchingRequestFactory(organisation=past.request.organisation)
    other_organisation = MatchingRequestFactory()

    result = match_experts(booking_request=same_organisation)
    match = result.for_expert(expert.pk)
    assert Exclusion.PREFERS_NOT_AGAIN in match.exclusion_codes
    assert "prefers not to work with this organisation again" in match.reason_text or any(
        "prefers not" in sentence for _code, sentence in match.exclusions
    )
    assert not result.for_expert(other_expert.pk).excluded
    assert not match_experts(booking_request=other_organisation).for_expert(expert.pk).excluded
    # "Not sure" is no reason to exclude.
    ExpertFeedback.objects.filter(engagement=past).update(work_again=WorkAgain.NOT_SURE)
    assert not match_experts(booking_request=same_organisation).for_expert(expert.pk).excluded


def test_an_excluded_pairing_cannot_be_asked_from_any_screen(coordinator):
    expert = FittingExpertFactory(with_user=True)
    past = DeliveredEngagementFactory(expert=expert, status=EngagementStatus.AFTERCARE_DONE)
    ExpertFeedback.objects.create(engagement=past, work_again=WorkAgain.NO)
    booking_request = MatchingRequestFactory(organisation=past.request.organisation)
    with pytest.raises(services.EngagementRefused, match="prefers not"):
        services.engagement_ask(
            booking_request=booking_request,
            expert=expert,
            actor=coordinator,
            date_option=booking_request.date_options.get(),
        )


def test_the_check_in_answer_can_be_changed_and_alerts_only_on_a_new_alerting_answer(
    delivered, run_on_commit, mailoutbox
):
    from bookings.services.followup import aftercare_checkin_answer

    CoordinatorFactory()
    user = delivered.expert.user
    with run_on_commit():
        aftercare_checkin_answer(engagement=delivered, actor=user, answer="fine")
        aftercare_checkin_answer(engagement=delivered, actor=user, answer="debrief")
        aftercare_checkin_answer(engagement=delivered, actor=user, answer="debrief")
    assert len(mailoutbox) == 1
    assert AftercareCheckIn.objects.get().answer == "debrief"


def test_coordinators_write_practical_information_the_expert_reads(coordinator, client):
    from tests.factories.followup import ConfirmedEngagementFactory

    engagement = ConfirmedEngagementFactory()
    client.force_login(coordinator)
    url = reverse("booking_requests:inspect", args=[engagement.request.pk])
    response = client.post(
        url,
        {
            "action": "practical",
            "engagement": engagement.pk,
            "version": engagement.request.version,
            "text": "Side entrance; bring your ID.",
        },
    )
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.practical_info == "Side entrance; bring your ID."
    client.force_login(engagement.expert.user)
    detail = client.get(reverse("engagements:detail", args=[engagement.pk])).content.decode()
    assert "Side entrance; bring your ID." in detail


def test_an_aftercare_request_leaves_the_dashboard_once_aftercare_is_recorded(coordinator):
    from bookings.dashboard import aftercare_requests
    from tests.factories.followup import AftercareCheckInFactory

    support = AftercareCheckInFactory(answer="support_now")
    debrief = AftercareCheckInFactory(answer="debrief")
    AftercareCheckInFactory(answer="fine")
    assert [row.pk for row in aftercare_requests()] == [support.pk, debrief.pk]  # urgent first
    services.engagement_record_aftercare(engagement=debrief.engagement, actor=coordinator)
    assert [row.pk for row in aftercare_requests()] == [support.pk]
