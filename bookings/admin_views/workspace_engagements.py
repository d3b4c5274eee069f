"""The workspace's engagement steps: which are offered, their forms, and posting one."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages

from bookings import engagement_workflow as lifecycle
from bookings.engagement_workflow import Actor
from bookings.enums import EngagementStatus, RequestStatus
from bookings.models import Engagement
from bookings.services import engagements as engagement_services
from bookings.services import media as media_services

from . import forms as action_forms
from .checklists import checklist_prefetch, checklist_row
from .engagement_messages import engagement_step_message
from .refusals import REFUSALS, refusal_text

# The form of each engagement step; which steps are offered in which state is the lifecycle's
# (bookings.engagement_workflow.ACTIONS), so the workspace never offers a refused step.
ENGAGEMENT_FORMS = {
    "answer": action_forms.AnswerForm,
    "confirm": action_forms.VersionedForm,
    "reschedule": action_forms.RescheduleForm,
    "withdraw": action_forms.WithdrawForm,
    "cancel": action_forms.CancelEngagementForm,
    "practical": action_forms.PracticalInfoForm,
    "quote_review": action_forms.QuoteReviewForm,
    "delivered": action_forms.VersionedForm,
    "aftercare": action_forms.AftercareForm,
    "fee": action_forms.FeeForm,
}


def offered_engagement_actions(engagement) -> list[str]:
    """The steps a coordinator is offered on this engagement now, in the lifecycle's order."""
    return [
        action.name
        for action in lifecycle.actions_for(actor=Actor.COORDINATOR, status=engagement.status)
        if action.name in ENGAGEMENT_FORMS
        and (action.name != "quote_review" or engagement.request.is_media_interview)
    ]


class EngagementActionsMixin:
    """The engagement rows of `WorkspaceView` and their steps (uses its object and helpers)."""

    def post_engagement(self, action):
        form_class = ENGAGEMENT_FORMS[action]
        try:
            engagement = self.object.engagements.get(pk=int(self.request.POST.get("engagement")))
        except (Engagement.DoesNotExist, TypeError, ValueError) as error:
            raise Http404 from error
        form = form_class(self.request.POST)
        if not form.is_valid():
            return self.render_with_errors(engagement_form=(engagement.pk, action, form))
        if action not in offered_engagement_actions(engagement):
            messages.error(self.request, _("This step is not possible for this engagement now."))
            return redirect(self.workspace_url)
        data = form.cleaned_data
        status_before = engagement.status
        common = {
            "engagement": engagement,
            "actor": self.request.user,
            "expected_version": data["version"],
        }
        try:
            if action == "answer":
                engagement_services.engagement_record_answer(
                    **common,
                    accepted=data["answer"] == "yes",
                    decline_reason=data["decline_reason"],
                )
                if data["answer"] == "yes" and engagement.status == EngagementStatus.ACCEPTED:
                    messages.warning(
                        self.request,
                        _("Accepted, but not confirmed yet: %(missing)s")
                        % {"missing": " ".join(self.confirmation_missing())},
                    )
            elif action == "confirm":
                engagement_services.engagement_confirm(**common)
            elif action == "reschedule":
                engagement_services.engagement_reschedule(
                    **common, starts_at=data["starts_at"], ends_at=data["ends_at"]
                )
            elif action == "cancel":
                engagement_services.engagement_cancel(**common, reason=data["reason"])
            elif action == "withdraw":
                engagement_services.engagement_withdraw(
                    **common, note=data["note"], role=Actor.COORDINATOR
                )
            elif action == "practical":
                engagement_services.engagement_set_practical_info(**common, text=data["text"])
            elif action == "quote_review":
                media_services.media_quote_review_record(
                    engagement=engagement,
                    actor=self.request.user,
                    draft_received_on=data["draft_received_on"],
                    published_on=data["published_on"],
                    published_url=data["published_url"],
                )
            elif action == "delivered":
                engagement_services.engagement_mark_delivered(**common)
            elif action == "aftercare":
                engagement_services.engagement_record_aftercare(
                    **common,
                    waived=data["waived"],
                    held_on=data["held_on"],
                    notes=data["notes"],
                )
            elif action == "fee":
                engagement_services.engagement_record_fee(
                    **common,
                    fee=data["fee"],
                    travel_costs=data["travel_costs"],
                    paid_on=data["paid_on"],
                )
        except REFUSALS as error:
            messages.error(self.request, refusal_text(error))
            return self.render_with_errors(engagement_form=(engagement.pk, action, form))
        messages.success(
            self.request,
            engagement_step_message(
                action=action, engagement=engagement, status_before=status_before
            ),
        )
        return redirect(self.workspace_url)

    def confirmation_missing(self):
        from bookings.gates import check_gates

        self.object.refresh_from_db()
        return check_gates(self.object, RequestStatus.SCHEDULED)

    def engagement_rows(self, bound_forms):
        version = self.object.version
        bound_engagement = bound_forms.get("engagement_form")
        rows = []
        for engagement in self.object.engagements.select_related(
            "expert", "checkin", "expert_feedback", "media_agreement"
        ).prefetch_related(checklist_prefetch()):
            actions = []
            for action in offered_engagement_actions(engagement):
                form_class = ENGAGEMENT_FORMS[action]
                if bound_engagement and bound_engagement[:2] == (engagement.pk, action):
                    form = bound_engagement[2]
                else:
                    initial = {"version": version}
                    if action == "fee":
                        initial.update(
                            fee=engagement.fee,
                            travel_costs=engagement.travel_costs,
                            paid_on=engagement.paid_on,
                        )
                    if action == "practical":
                        initial.update(text=engagement.practical_info)
                    agreement = getattr(engagement, "media_agreement", None)
                    if action == "quote_review" and agreement is not None:
                        initial.update(
                            draft_received_on=agreement.draft_received_on,
                            published_on=agreement.published_on,
                            published_url=agreement.published_url,
                        )
                    if action == "reschedule" and engagement.starts_at:
                        initial.update(
                            starts_at=timezone.localtime(engagement.starts_at),
                            ends_at=timezone.localtime(engagement.ends_at),
                        )
                    form = form_class(initial=initial, auto_id=f"id_e{engagement.pk}_{action}_%s")
                actions.append({"name": action, "form": form})
            rows.append(
                {
                    "engagement": engagement,
                    "actions": actions,
                    "ended": engagement.status in lifecycle.ENDED,
                    "checklist": checklist_row(engagement),
                }
            )
        return rows
