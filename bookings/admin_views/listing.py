"""The coordinators' request listing: filters, search, sorting, columns. Never shows a guest's
unconfirmed request."""

from __future__ import annotations

import datetime as dt

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets import BooleanRadioSelect

from bookings.enums import UNCONFIRMED_STATES, EngagementKind, OrganisationKind, RequestStatus
from bookings.gates import media_details_missing_q
from bookings.models import BookingRequest
from bookings.reports.exports import neutralise

from .selectors import backoffice_requests, coordinators, needs_attention_q


def current_month() -> tuple[dt.datetime, dt.datetime]:
    """The first moment of this month and of the next one, in local time."""
    today = timezone.localdate()
    first = today.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(first, dt.time.min, tzinfo=zone),
        dt.datetime.combine(following, dt.time.min, tzinfo=zone),
    )


def filter_parameter_names() -> frozenset[str]:
    """Every query parameter the listing understands: its filters, the search and the sort."""
    names = {"q", "ordering"}
    form = BookingRequestFilterSet(queryset=BookingRequest.objects.none()).form
    for name, field in form.fields.items():
        suffixes = getattr(field.widget, "suffixes", None) or [None]
        names.update(f"{name}_{suffix}" if suffix else name for suffix in suffixes)
    return frozenset(names)


class WhenColumn(Column):
    """An absolute local date and time. Wagtail's DateColumn says how long ago something was,
    which turns every future date into "just now"."""

    cell_template_name = "bookings/admin/tables/datetime_cell.html"


class BookingRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[
            (value, label)
            for value, label in RequestStatus.choices
            if value not in UNCONFIRMED_STATES
        ],
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind of engagement"), choices=EngagementKind.choices
    )
    organisation_kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind of organisation"),
        field_name="organisation__kind",
        choices=OrganisationKind.choices,
    )
    received = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Received between"),
        field_name="confirmed_at",
        widget=DateRangePickerWidget,
    )
    wanted = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Wanted date between"),
        method="filter_wanted",
        widget=DateRangePickerWidget,
    )
    coordinator = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Coordinator"), queryset=coordinators()
    )
    needs_attention = django_filters.BooleanFilter(
        label=gettext_lazy("Needs attention"),
        method="filter_needs_attention",
        widget=BooleanRadioSelect,
    )
    waiting_on_organisation = django_filters.BooleanFilter(
        label=gettext_lazy("Waiting on the organisation"),
        method="filter_waiting_on_organisation",
        widget=BooleanRadioSelect,
    )
    this_month = django_filters.BooleanFilter(
        label=gettext_lazy("Wanted or booked this month"),
        method="filter_this_month",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = BookingRequest
        fields = []

    def filter_wanted(self, queryset, name, value):
        if not value:
            return queryset
        condition = Q()
        if value.start is not None:
            condition &= Q(date_options__starts_at__gte=value.start)
        if value.stop is not None:
            condition &= Q(date_options__starts_at__lte=value.stop)
        matching = BookingRequest.objects.filter(condition).values("pk")
        return queryset.filter(pk__in=matching)

    def filter_this_month(self, queryset, name, value):
        """A wanted date or an engagement in the current (local) month."""
        if value is None:
            return queryset
        start, stop = current_month()
        condition = Q(
            pk__in=BookingRequest.objects.filter(
                Q(date_options__starts_at__gte=start, date_options__starts_at__lt=stop)
                | Q(engagements__starts_at__gte=start, engagements__starts_at__lt=stop)
            ).values("pk")
        )
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_waiting_on_organisation(self, queryset, name, value):
        """More information asked, or a media interview's details still missing."""
        if value is None:
            return queryset
        condition = Q(status=RequestStatus.MORE_INFO_NEEDED) | media_details_missing_q()
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_needs_attention(self, queryset, name, value):
        if value is None:
            return queryset
        condition = needs_attention_q()
        return queryset.filter(condition) if value else queryset.exclude(condition)


class SelectColumn(Column):
    """A checkbox tied to the bulk-action form above the listing (`form="hope-bulk"`)."""

    cell_template_name = "bookings/admin/tables/select_cell.html"


class AttentionColumn(Column):
    def get_value(self, instance):
        return _("Needs attention") if getattr(instance, "needs_attention", False) else ""


class RequestStatusColumn(StatusTagColumn):
    def __init__(self, *args, **kwargs):
        super().__init__(
            "get_status_display", *args, primary=lambda instance: instance.is_open, **kwargs
        )


class BookingRequestIndexView(IndexView):
    """The coordinators' request listing; never shows a guest's unconfirmed request."""

    results_template_name = "bookings/admin/request_listing_results.html"

    def get_base_queryset(self):
        return backoffice_requests()

    def get_context_data(self, **kwargs):
        from .saved_filters import saved_filters_context

        context = super().get_context_data(**kwargs)
        context.update(
            saved_filters_context(self.request, allowed_parameters=filter_parameter_names())
        )
        from .bulk import BulkForm

        context.update(bulk_form=BulkForm(), bulk_url=reverse("booking_requests:bulk"))
        return context

    @cached_property
    def columns(self):
        return [
            SelectColumn("select", label=_("Select")),
            self._get_title_column_class(TitleColumn)(
                "reference",
                label=_("Reference"),
                sort_key="reference",
                get_url=self.get_inspect_url,
            ),
            Column("title", label=_("Title"), sort_key="title"),
            Column("organisation", label=_("Organisation"), sort_key="organisation__name"),
            Column("get_kind_display", label=_("Kind"), sort_key="kind"),
            RequestStatusColumn(label=_("Status"), sort_key="status"),
            WhenColumn("first_date", label=_("First wanted date"), sort_key="first_date"),
            Column("coordinator", label=_("Coordinator"), sort_key="coordinator__email"),
            DateColumn("confirmed_at", label=_("Received"), sort_key="confirmed_at"),
            AttentionColumn("needs_attention", label=_("Attention")),
        ]

    def get_list_more_buttons(self, instance):
        return []

    # Exports of the filtered selection (issue 14): no free text, no personal data, and every
    # text cell neutralised against formula injection.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        str: {"csv": neutralise, "xlsx": neutralise},
    }
