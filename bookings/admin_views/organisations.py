"""Organisations in the admin: verify them and see their requests."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView

from bookings.enums import UNCONFIRMED_STATES
from bookings.models import BookingRequest, Organisation

from .permissions import CoordinatorRequiredMixin


def backoffice_organisations():
    return Organisation.objects.annotate(
        request_count=Count(
            "booking_requests", filter=~Q(booking_requests__status__in=UNCONFIRMED_STATES)
        ),
        member_count=Count("memberships", distinct=True),
    )


class OrganisationIndexView(IndexView):
    def get_base_queryset(self):
        return backoffice_organisations()

    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "name",
                label=_("Name"),
                sort_key="name",
                get_url=lambda instance: self.get_inspect_url(instance),
            ),
            Column("get_kind_display", label=_("Kind"), sort_key="kind"),
            BooleanColumn("verified", label=_("Verified"), sort_key="verified"),
            Column("request_count", label=_("Requests"), sort_key="request_count"),
            Column("member_count", label=_("Contacts"), sort_key="member_count"),
        ]


class OrganisationInspectView(CoordinatorRequiredMixin, InspectView):
    template_name = "bookings/admin/organisation_inspect.html"
    request_inspect_url_name = None

    def get_fields(self):
        return ["name", "kind", "website", "verified", "created_at"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["booking_requests"] = (
            BookingRequest.objects.confirmed()
            .filter(organisation=self.object)
            .select_related("coordinator")
            .order_by("-confirmed_at", "-pk")
        )
        context["members"] = self.object.memberships.select_related("user").order_by("user__email")
        context["request_inspect_url_name"] = self.request_inspect_url_name
        return context
