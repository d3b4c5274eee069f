"""The request workspace in the admin (the listing is in listing.py).

Views parse the form, call one service and redirect; refusals come back as a message and the
form keeps what the coordinator typed.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.generic import InspectView

from bookings import engagement_workflow as lifecycle
from bookings import workflow
from bookings.engagement_workflow import Actor
from bookings.enums import (
    EngagementStatus,
    RequestStatus,
)
from bookings.gates import media_missing
from bookings.media_views import MediaDetailsForm
from bookings.models import BookingRequest, Engagement
from bookings.services import engagements as engagement_services
from bookings.services import media as media_services
from bookings.services.requests import (
    TransitionNotAllowed,
    booking_set_status,
    message_post,
    messages_mark_read,
)
from bookings.services.scheduling import SchedulingConflict
from hope.outbox.selectors import outbound_emails_for_request

from . import forms as action_forms
from .engagement_messages import engagement_step_message
from .permissions import CoordinatorRequiredMixin
from .saved_replies import MESSAGE_BOX, chosen_reply, saved_replies_by_box
from .selectors import (
    coordinator_actions,
    workspace_gates,
    workspace_request,
)

REFUSALS = (TransitionNotAllowed, SchedulingConflict, PermissionDenied)


def refusal_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return getattr(error, "message", None) or str(error)


# --- workspace ----------------------------------------------------------------------------------


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


class WorkspaceView(CoordinatorRequiredMixin, InspectView):
    """Everything about one request, and the actions the workflow allows a coordinator now."""

    template_name = "bookings/admin/workspace.html"
    inspect_url_name = None
    matching_url_name = None

    def get_object(self, queryset=None):
        try:
            return workspace_request(pk=int(self.pk))
        except (BookingRequest.DoesNotExist, ValueError) as error:
            raise Http404 from error

    def get_page_title(self):
        return _("Request")

    def get_fields(self):
        return []

    def get(self, request, *args, **kwargs):
        messages_mark_read(booking_request=self.object, reader=request.user)
        return super().get(request, *args, **kwargs)

    # POST: one action per submit, named by the "action" field.
    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action == "status":
            return self.post_status()
        if action == "message":
            return self.post_message()
        if action == "assign":
            return self.post_assign()
        if action == "media":
            return self.post_media()
        if action == "ask_media":
            return self.post_ask_media()
        if action in ENGAGEMENT_FORMS:
            return self.post_engagement(action)
        messages.error(request, _("Unknown action."))
        return redirect(self.workspace_url)

    @property
    def workspace_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def post_status(self):
        form = action_forms.StatusForm(self.request.POST)
        if not form.is_valid():
            return self.render_with_errors(status_form=form)
        target = form.cleaned_data["status"]
        allowed = {action["status"] for action in coordinator_actions(self.object)}
        if target not in allowed:
            messages.error(self.request, _("This step is not possible for this request now."))
            return redirect(self.workspace_url)
        try:
            if target == RequestStatus.CANCELLED:
                engagement_services.booking_cancel(
                    booking_request=self.object,
                    actor=self.request.user,
                    message=form.cleaned_data["message"],
                    expected_version=form.cleaned_data["version"],
                )
            else:
                booking_set_status(
                    booking_request=self.object,
                    new_status=target,
                    actor=self.request.user,
                    role=Actor.COORDINATOR,
                    message=form.cleaned_data["message"],
                    expected_version=form.cleaned_data["version"],
                )
        except REFUSALS as error:
            messages.error(self.request, refusal_text(error))
            return self.render_with_errors(status_form=form)
        messages.success(
            self.request,
            _("Request %(reference)s: %(status)s.")
            % {"reference": self.object.reference, "status": RequestStatus(target).label},
        )
        return redirect(self.workspace_url)

    def post_assign(self):
        form = action_forms.AssignForm(self.request.POST)
        if not form.is_valid():
            return self.render_with_errors(assign_form=form)
        try:
            engagement_services.booking_assign_coordinator(
                booking_request=self.object,
                actor=self.request.user,
                coordinator=form.cleaned_data["coordinator"],
                expected_version=form.cleaned_data["version"],
            )
        except REFUSALS as error:
            messages.error(self.request, refusal_text(error))
            return self.render_with_errors(assign_form=form)
        messages.success(self.request, _("Coordinator saved."))
        return redirect(self.workspace_url)

    def post_media(self):
        form = MediaDetailsForm.for_request(self.object, self.request.POST)
        if not form.is_valid():
            return self.render_with_errors(media_form=form)
        try:
            form.save_for(self.object, self.request.user)
        except (*REFUSALS, ValidationError) as error:
            form.add_error(None, refusal_text(error))
            return self.render_with_errors(media_form=form)
        messages.success(self.request, _("Media details saved."))
        return redirect(self.workspace_url)

    def post_ask_media(self):
        try:
            missing = media_services.booking_ask_media_details(
                booking_request=self.object, actor=self.request.user
            )
        except REFUSALS as error:
            messages.error(self.request, refusal_text(error))
        else:
            messages.success(
                self.request,
                _("The journalist has been asked for: %(missing)s")
                % {"missing": " ".join(missing)},
            )
        return redirect(self.workspace_url)

    def post_message(self):
        form = action_forms.MessageForm(self.request.POST)
        if not form.is_valid():
            return self.render_with_errors(message_form=form)
        try:
            message_post(
                booking_request=self.object,
                author=self.request.user,
                body=form.cleaned_data["body"],
                internal=form.cleaned_data["internal"],
                submission_token=form.cleaned_data["submission_token"],
            )
        except (*REFUSALS, ValidationError) as error:
            messages.error(self.request, refusal_text(error))
            return self.render_with_errors(message_form=form)
        messages.success(
            self.request,
            _("Internal note saved.")
            if form.cleaned_data["internal"]
            else _("Message sent to the organisation."),
        )
        return redirect(self.workspace_url)

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

    def render_with_errors(self, **bound_forms):
        # Reload: a refused service call may have been rolled back half-way in memory.
        self.object = self.get_object()
        context = self.get_context_data(bound_forms=bound_forms)
        return self.render_to_response(context)

    # --- context -------------------------------------------------------------------------------

    def engagement_rows(self, bound_forms):
        version = self.object.version
        bound_engagement = bound_forms.get("engagement_form")
        rows = []
        for engagement in self.object.engagements.select_related(
            "expert", "checkin", "expert_feedback", "media_agreement"
        ):
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
                }
            )
        return rows

    def get_context_data(self, **kwargs):
        bound_forms = kwargs.pop("bound_forms", {})
        context = super().get_context_data(**kwargs)
        booking_request = self.object
        status_form = bound_forms.get("status_form")
        inserted = chosen_reply(self.request.GET)
        replies = saved_replies_by_box(
            language=getattr(booking_request.contact, "preferred_language", None) or "nl"
        )
        actions = []
        for action in coordinator_actions(booking_request):
            if status_form is not None and status_form.data.get("status") == action["status"]:
                form = status_form
            else:
                initial = {"status": action["status"], "version": booking_request.version}
                if inserted and inserted[0] == action["status"]:
                    initial["message"] = inserted[1].body
                form = action_forms.StatusForm(
                    initial=initial, auto_id=f"id_status_{action['status']}_%s"
                )
            actions.append(
                {
                    **action,
                    "form": form,
                    "replies": replies.get(action["status"], []),
                    "inserted": bool(inserted and inserted[0] == action["status"]),
                }
            )
        context.update(
            {
                "booking_request": booking_request,
                "organisation": booking_request.organisation,
                "actions": actions,
                "gates": workspace_gates(booking_request),
                "media_form": (
                    bound_forms.get("media_form")
                    or MediaDetailsForm.for_request(booking_request, auto_id="id_media_%s")
                )
                if media_services.media_details_editable(booking_request)
                else None,
                "media_missing": media_missing(booking_request),
                "engagement_rows": self.engagement_rows(bound_forms),
                "timeline": list(booking_request.activities.all()),
                "thread": list(booking_request.messages.all()),
                "message_form": bound_forms.get("message_form")
                or action_forms.MessageForm(
                    initial={"body": inserted[1].body}
                    if inserted and inserted[0] == MESSAGE_BOX
                    else None
                ),
                "message_replies": replies[MESSAGE_BOX],
                "sent_emails": list(outbound_emails_for_request(booking_request.pk)),
                "assign_form": bound_forms.get("assign_form")
                or action_forms.AssignForm(
                    initial={
                        "coordinator": booking_request.coordinator_id,
                        "version": booking_request.version,
                    }
                ),
                "matching_url": (
                    reverse(self.matching_url_name, args=[booking_request.pk])
                    if self.matching_url_name
                    and booking_request.status in lifecycle.ASKING_REQUEST_STATES
                    else None
                ),
                "status_label_for_org": workflow.organisation_label(booking_request.status),
            }
        )
        return context
