"""Coordinators erase a person (right to erasure): a confirmation page, then the service."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from bookings.enums import ENGAGEMENT_CONFIRMED_STATES, OPEN_STATES
from bookings.models import BookingRequest, Engagement
from bookings.services.privacy import person_erase

from .permissions import CoordinatorRequiredMixin


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that this cannot be undone."),
        error_messages={"required": gettext_lazy("Tick the box to confirm.")},
    )


class PersonEraseView(CoordinatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "bookings/admin/person_erase.html"
    page_title = gettext_lazy("Erase a person")
    header_icon = "warning"

    @cached_property
    def person(self):
        # Looked up after CoordinatorRequiredMixin's check: nobody else learns which ids exist.
        return get_object_or_404(get_user_model(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        expert = getattr(self.person, "expert", None)
        context.update(
            person=self.person,
            form=kwargs.get("form") or EraseForm(),
            organisations=[m.organisation for m in self.person.organisation_memberships.all()],
            open_requests=BookingRequest.objects.filter(
                contact=self.person, status__in=OPEN_STATES
            ).count(),
            expert=expert,
            active_engagements=Engagement.objects.filter(
                expert=expert, status__in=ENGAGEMENT_CONFIRMED_STATES
            ).count()
            if expert
            else 0,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = EraseForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            person_erase(user=self.person, actor=request.user)
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect("wagtailadmin_home")
        messages.success(request, _("The person has been erased."))
        return redirect("organisations:index")
