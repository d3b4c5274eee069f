"""Bulk actions on the request listing's selected rows: assign a coordinator, export the
selection, mark the fees of delivered engagements as paid.

Wagtail 7.4's bulk-action framework serves pages, snippets, images, documents and users, not a
ModelViewSet listing; so the listing has a checkbox column tied to a small form. Every item goes
through the same service as the single action, in its own transaction, and the result page says
what succeeded and what was refused and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from bookings.enums import EngagementStatus
from bookings.reports.exports import csv_response
from bookings.services import engagements as engagement_services
from bookings.services.fees import engagement_mark_fee_paid
from bookings.services.request_base import TransitionNotAllowed

from .permissions import CoordinatorRequiredMixin
from .refusals import REFUSALS, refusal_text
from .selectors import backoffice_requests, coordinators

ASSIGN, EXPORT, MARK_PAID = "assign", "export", "mark_paid"
FEE_STATES = (EngagementStatus.DELIVERED, EngagementStatus.AFTERCARE_DONE)

# The columns of the listing's own export (wagtail_hooks.BookingRequestViewSet.list_export).
EXPORT_FIELDS = (
    ("reference", gettext_lazy("Reference")),
    ("confirmed_at", gettext_lazy("Received")),
    ("get_status_display", gettext_lazy("Status")),
    ("get_kind_display", gettext_lazy("Kind")),
    ("organisation.get_kind_display", gettext_lazy("Kind of organisation")),
    ("get_source_display", gettext_lazy("Came in through")),
    ("audience_size", gettext_lazy("Audience size")),
    ("get_mode_display", gettext_lazy("In person or online")),
)


MAX_ID = 2**63 - 1


class RequestSelectionField(forms.ModelMultipleChoiceField):
    """Refuses ids a database cannot hold (SQLite overflows on them) before querying."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if not text.isdigit() or int(text) > MAX_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": text[:20]},
                )
        return super()._check_values(value)


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("With the selected requests"),
        choices=[
            (ASSIGN, gettext_lazy("Assign a coordinator")),
            (EXPORT, gettext_lazy("Export the selection (CSV)")),
            (MARK_PAID, gettext_lazy("Mark the fees of delivered engagements as paid")),
        ],
    )
    selected = RequestSelectionField(
        queryset=None,
        error_messages={"required": gettext_lazy("Select at least one request.")},
    )
    coordinator = forms.ModelChoiceField(
        label=gettext_lazy("Coordinator"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Nobody in particular"),
    )
    paid_on = forms.DateField(
        label=gettext_lazy("Paid on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].queryset = backoffice_requests()
        self.fields["coordinator"].queryset = coordinators()
        self.fields["paid_on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        if data.get("action") == MARK_PAID and not data.get("paid_on"):
            self.add_error("paid_on", _("Give the date the fees were paid."))
        return data


@dataclass
class Outcome:
    reference: str
    text: str


def export_value(instance, field: str):
    value = instance
    for part in field.split("."):
        value = getattr(value, part, None)
        if callable(value):
            value = value()
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return value


class BulkActionView(CoordinatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    http_method_names = ["post"]
    template_name = "bookings/admin/bulk_result.html"
    header_icon = "mail"

    def get_page_title(self):
        return _("Bulk action on requests")

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("booking_requests:index"), "label": _("Requests")},
            {"url": "", "label": self.get_page_title()},
        ]

    def post(self, request):
        form = BulkForm(request.POST)
        if not form.is_valid():
            return self.render(form=form)
        data = form.cleaned_data
        selection = list(
            data["selected"].select_related("organisation").order_by("reference", "pk")
        )
        if data["action"] == EXPORT:
            return self.export(selection)
        done, refused = [], []
        for booking_request in selection:
            try:
                with transaction.atomic():
                    if data["action"] == ASSIGN:
                        text = self.assign(booking_request, data["coordinator"])
                    else:
                        text = self.mark_paid(booking_request, data["paid_on"])
            except (*REFUSALS, ValidationError) as error:
                refused.append(Outcome(booking_request.reference, refusal_text(error)))
            else:
                done.append(Outcome(booking_request.reference, text))
        return self.render(form=form, done=done, refused=refused)

    def assign(self, booking_request, coordinator) -> str:
        engagement_services.booking_assign_coordinator(
            booking_request=booking_request, actor=self.request.user, coordinator=coordinator
        )
        if coordinator is None:
            return _("No coordinator assigned any more.")
        return _("Assigned to %(name)s.") % {
            "name": coordinator.get_full_name() or coordinator.email
        }

    def mark_paid(self, booking_request, paid_on) -> str:
        engagements = list(
            booking_request.engagements.filter(status__in=FEE_STATES, fee__isnull=False)
            .select_related("expert")
            .order_by("pk")
        )
        if not engagements:
            raise TransitionNotAllowed(_("no delivered engagement with an agreed fee"))
        unpaid = [engagement for engagement in engagements if engagement.paid_on is None]
        if not unpaid:
            raise TransitionNotAllowed(_("the fees were already paid"))
        for engagement in unpaid:
            engagement_mark_fee_paid(
                engagement=engagement, actor=self.request.user, paid_on=paid_on
            )
        return _("%(count)s fee(s) marked as paid.") % {"count": len(unpaid)}

    def export(self, selection):
        rows = [[str(heading) for _field, heading in EXPORT_FIELDS]]
        rows += [
            [export_value(instance, field) for field, _heading in EXPORT_FIELDS]
            for instance in selection
        ]
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return csv_response(None, rows=rows, name=f"hope-requests-selection-{stamp}.csv")

    def render(self, *, form, done=(), refused=()):
        context = self.get_context_data(
            form=form,
            done=done,
            refused=refused,
            selected_values=self.request.POST.getlist("selected"),
            index_url=reverse("booking_requests:index"),
        )
        return self.render_to_response(context, status=200 if form.is_valid() else 400)
