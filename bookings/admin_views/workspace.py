"""The request workspace in the admin (the listing is in listing.py).

Views parse the form, call one service and redirect; refusals come back as a message and the
form keeps what the coordinator typed. The steps live in workspace_actions (the request) and
workspace_engagements (its engagements).
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.generic import InspectView

from bookings import engagement_workflow as lifecycle
from bookings import workflow
from bookings.gates import media_missing
from bookings.media_views import MediaDetailsForm
from bookings.models import BookingRequest
from bookings.services import media as media_services
from bookings.services.request_messages import messages_mark_read
from hope.outbox.selectors import outbound_emails_for_request

from . import forms as action_forms
from .permissions import CoordinatorRequiredMixin
from .saved_replies import MESSAGE_BOX, chosen_reply, saved_replies_by_box
from .selectors import coordinator_actions, workspace_gates, workspace_request
from .workspace_actions import RequestActionsMixin
from .workspace_engagements import ENGAGEMENT_FORMS, EngagementActionsMixin


class WorkspaceView(
    CoordinatorRequiredMixin, RequestActionsMixin, EngagementActionsMixin, InspectView
):
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

    def render_with_errors(self, **bound_forms):
        # Reload: a refused service call may have been rolled back half-way in memory.
        self.object = self.get_object()
        context = self.get_context_data(bound_forms=bound_forms)
        return self.render_to_response(context)

    # --- context -------------------------------------------------------------------------------

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
