"""A coordinator chooses how she hears about requests: each email straight away, or one email a
day (the digest, sent by bookings). The choice lives on the user; this page is reached from the
Wagtail admin's account menu. Coordinators only."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hope.models import User
from hope.roles import is_coordinator


@transaction.atomic
def user_set_coordinator_emails(*, user, actor, choice: str) -> None:
    """Store the coordinator's own choice (nobody chooses for someone else)."""
    if actor is None or actor.pk != user.pk or not is_coordinator(user):
        raise PermissionError("Only a coordinator chooses this, for herself.")
    if choice not in User.CoordinatorEmails.values:
        raise ValueError(f"Unknown choice: {choice!r}")
    User.objects.filter(pk=user.pk).update(coordinator_emails=choice)
    user.coordinator_emails = choice


class CoordinatorEmailsForm(forms.Form):
    coordinator_emails = forms.ChoiceField(
        label=gettext_lazy("How do you want to hear about requests?"),
        choices=User.CoordinatorEmails.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "A new request from a guest and an expert who needs support now always come "
            "straight away."
        ),
        error_messages={
            "required": gettext_lazy("Choose one of the two."),
            "invalid_choice": gettext_lazy("Choose one of the two."),
        },
    )


class CoordinatorEmailsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "hope/admin/coordinator_emails.html"
    page_title = gettext_lazy("Emails about requests")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            return HttpResponseForbidden()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or CoordinatorEmailsForm(
            initial={"coordinator_emails": self.request.user.coordinator_emails}
        )
        return context

    def post(self, request, *args, **kwargs):
        form = CoordinatorEmailsForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        user_set_coordinator_emails(
            user=request.user, actor=request.user, choice=form.cleaned_data["coordinator_emails"]
        )
        messages.success(request, _("Your choice is saved."))
        return redirect("hope_coordinator_emails")
