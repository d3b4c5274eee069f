"""The matching page: ranked experts with reasons, excluded experts with why, and asking."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from bookings.matching import match_experts
from bookings.models import BookingRequest
from bookings.reports.fees import ceiling_warnings
from bookings.services import engagements as engagement_services
from speakers.models import Expert

from . import forms as action_forms
from .permissions import CoordinatorRequiredMixin
from .refusals import REFUSALS, refusal_text


class MatchingView(CoordinatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "bookings/admin/matching.html"
    header_icon = "group"
    index_url_name = None
    inspect_url_name = None

    @cached_property
    def object(self):
        # Looked up after the coordinator check: a 404 must not tell others which requests exist.
        try:
            return (
                BookingRequest.objects.confirmed()
                .select_related("organisation", "preferred_expert")
                .prefetch_related("topics", "date_options")
                .get(pk=int(self.kwargs["pk"]))
            )
        except (BookingRequest.DoesNotExist, ValueError) as error:
            raise Http404 from error

    def get_page_title(self):
        return _("Matching")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.index_url_name:
            items.append({"url": reverse(self.index_url_name), "label": _("Booking requests")})
        if self.inspect_url_name:
            items.append({"url": self.workspace_url, "label": self.object.reference})
        items.append({"url": "", "label": _("Matching"), "sublabel": self.object.reference})
        return items

    @property
    def workspace_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def post(self, request, *args, **kwargs):
        series = request.POST.get("action") == "series"
        form_class = action_forms.SeriesForm if series else action_forms.AskForm
        form = form_class(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(bound_form=form))
        data = form.cleaned_data
        try:
            expert = Expert.objects.get(pk=data["expert"])
        except Expert.DoesNotExist as error:
            raise Http404 from error
        try:
            if series:
                engagement_services.engagement_series_ask(
                    booking_request=self.object,
                    expert=expert,
                    actor=request.user,
                    first_starts_at=data["first_starts_at"],
                    duration=dt.timedelta(minutes=data["duration_minutes"]),
                    frequency=data["frequency"],
                    count=data["count"],
                    interval=data["interval"],
                    expected_version=data["version"],
                )
            else:
                date_option = None
                if data.get("date_option"):
                    date_option = self.object.date_options.filter(pk=data["date_option"]).first()
                    if date_option is None:
                        raise Http404
                engagement_services.engagement_ask(
                    booking_request=self.object,
                    expert=expert,
                    actor=request.user,
                    date_option=date_option,
                    starts_at=None if date_option else data["starts_at"],
                    ends_at=None if date_option else data["ends_at"],
                    expected_version=data["version"],
                )
        except REFUSALS as error:
            messages.error(request, refusal_text(error))
            self.object.refresh_from_db()
            return self.render_to_response(self.get_context_data(bound_form=form))
        messages.success(
            request,
            _("%(expert)s has been asked. The engagement is in their calendar as tentative.")
            % {"expert": expert.public_name},
        )
        return redirect(self.workspace_url)

    def get_context_data(self, **kwargs):
        bound_form = kwargs.pop("bound_form", None)
        context = super().get_context_data(**kwargs)
        result = match_experts(booking_request=self.object)
        version = self.object.version
        options = sorted(self.object.date_options.all(), key=lambda option: option.position)
        bound_expert = None
        if bound_form is not None:
            try:
                bound_expert = int(bound_form.data.get("expert"))
            except (TypeError, ValueError):
                bound_expert = None
        for match in result.candidates:
            usable = {fit.position for fit in match.usable_options}
            match.option_choices = [option for option in options if option.position in usable]
            is_bound = bound_expert == match.expert.pk
            is_series = is_bound and bound_form.data.get("action") == "series"
            match.ask_form = (
                bound_form
                if is_bound and not is_series
                else action_forms.AskForm(
                    initial={"expert": match.expert.pk, "version": version},
                    auto_id=f"id_ask_{match.expert.pk}_%s",
                )
            )
            match.series_form = (
                bound_form
                if is_series
                else action_forms.SeriesForm(
                    initial={
                        "expert": match.expert.pk,
                        "version": version,
                        "duration_minutes": self.object.duration_minutes or 120,
                        "interval": 1,
                    },
                    auto_id=f"id_series_{match.expert.pk}_%s",
                )
            )
        # The volunteer allowance (issue 14): would the fee offered cross a ceiling?
        fee_warnings = ceiling_warnings(
            expert_ids=[match.expert.pk for match in result.candidates],
            starts_at=options[0].starts_at if options else None,
            fee=self.object.fee_offered,
        )
        for match in result.candidates:
            match.fee_warnings = fee_warnings.get(match.expert.pk, [])
        context.update(
            {
                "booking_request": self.object,
                "result": result,
                "options": options,
                "workspace_url": self.workspace_url,
                "can_ask": self.object.status in engagement_services.ASKING_STATES,
            }
        )
        return context
