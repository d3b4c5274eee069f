"""The workspace's steps on the request itself: status, coordinator, media details, message."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages

from bookings.engagement_workflow import Actor
from bookings.enums import RequestStatus
from bookings.media_views import MediaDetailsForm
from bookings.services import engagements as engagement_services
from bookings.services import media as media_services
from bookings.services.request_messages import message_post
from bookings.services.request_status import booking_set_status

from . import forms as action_forms
from .refusals import REFUSALS, refusal_text
from .selectors import coordinator_actions


class RequestActionsMixin:
    """The request-level steps of `WorkspaceView` (uses its object and helpers)."""

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
