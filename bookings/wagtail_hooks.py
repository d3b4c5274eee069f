"""The coordinators' back office in the Wagtail admin (coordinators only; editors see nothing).

Booking requests: a listing with filters, search and sorting, and the request workspace
(inspect view) with its matching page. Organisations: verify them and see their requests.
Home: the coordinators' dashboard panels.
"""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from bookings.admin_views.bulk import EXPORT_FIELDS, BulkActionView
from bookings.admin_views.checklists import ChecklistTemplateViewSet, ChecklistUpdateView
from bookings.admin_views.listing import (
    BookingRequestFilterSet,
    BookingRequestIndexView,
    filter_parameter_names,
)
from bookings.admin_views.matching import MatchingView
from bookings.admin_views.organisations import OrganisationIndexView, OrganisationInspectView
from bookings.admin_views.permissions import CoordinatorViewSetMixin, is_coordinator_cached
from bookings.admin_views.privacy import PersonEraseView
from bookings.admin_views.saved_filters import DeleteSavedFilterView, SaveFilterView
from bookings.admin_views.saved_replies import SavedReplyViewSet
from bookings.admin_views.workspace import WorkspaceView
from bookings.dashboard import CoordinatorDashboardPanel
from bookings.models import BookingRequest, Organisation
from bookings.services.privacy import ERASE_ACTION


class BookingRequestViewSet(CoordinatorViewSetMixin, ModelViewSet):
    model = BookingRequest
    # Everything a coordinator does to a request goes through the workspace's actions.
    coordinator_actions = ("view",)
    name = "booking_requests"
    icon = "mail"
    menu_label = _("Requests")
    menu_order = 100
    add_to_admin_menu = False
    index_view_class = BookingRequestIndexView
    inspect_view_class = WorkspaceView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = BookingRequestFilterSet
    search_fields = ["reference", "title", "organisation__name"]
    search_backend_name = None
    ordering = ["-confirmed_at", "-pk"]
    list_per_page = 50
    # The filtered selection as CSV/XLSX (issue 14): no free text, no contact person.
    list_export = [field for field, _heading in EXPORT_FIELDS]
    export_headings = dict(EXPORT_FIELDS)
    export_filename = "hope-requests"
    # Not used (no edit view), but a ModelViewSet needs a form definition.
    panels = [FieldPanel("coordinator")]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            matching_url_name=self.get_url_name("matching"), **kwargs
        )

    @property
    def matching_view(self):
        return self.construct_view(
            MatchingView,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        # No creating, editing or deleting: organisations ask; coordinators act on a request
        # through the workspace's actions (services, activity log, stale-form check).
        patterns = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in ("index", "index_results", "inspect")
        ]
        return [
            *patterns,
            path("inspect/<int:pk>/matching/", self.matching_view, name="matching"),
            path(
                "filters/save/",
                SaveFilterView.as_view(filter_parameter_names=filter_parameter_names),
                name="save_filter",
            ),
            path("bulk/", BulkActionView.as_view(), name="bulk"),
            path(
                "inspect/<int:pk>/checklist/<int:engagement_pk>/",
                ChecklistUpdateView.as_view(),
                name="checklist",
            ),
            path("filters/<int:pk>/delete/", DeleteSavedFilterView.as_view(), name="delete_filter"),
        ]


class OrganisationViewSet(CoordinatorViewSetMixin, ModelViewSet):
    model = Organisation
    coordinator_actions = ("view", "change")
    name = "organisations"
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 110
    add_to_admin_menu = False
    index_view_class = OrganisationIndexView
    inspect_view_class = OrganisationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_filter = ["verified", "kind"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]
    list_per_page = 50
    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("website"), FieldPanel("verified")]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            request_inspect_url_name="booking_requests:inspect", **kwargs
        )

    def get_common_view_kwargs(self, **kwargs):
        # The add, delete, copy and usage views are not registered (below); views must not
        # link to them (the edit page reversed "usage" and answered 500).
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "delete_url_name": None, "usage_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in ("add", "delete", "copy", "usage")
        ]


class BookingsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Bookings")
    menu_icon = "date"
    menu_order = 150
    items = (
        BookingRequestViewSet,
        OrganisationViewSet,
        SavedReplyViewSet,
        ChecklistTemplateViewSet,
    )


bookings_group = BookingsViewSetGroup()
request_viewset = bookings_group.registerables[0]


@hooks.register("register_admin_viewset")
def register_bookings_viewsets():
    return bookings_group


@hooks.register("construct_homepage_panels")
def add_coordinator_dashboard(request, panels):
    panels.insert(0, CoordinatorDashboardPanel(inspect_url_name="booking_requests:inspect"))


@hooks.register("hope_outbox_request_url")
def outbox_request_url(booking_request_id):
    """The outbox's lists (hope) link an email to the workspace of the request it is about."""
    from django.urls import reverse

    return reverse("booking_requests:inspect", args=[booking_request_id])


# --- reports (issue 14): under Wagtail's "Reports" menu, coordinators only ----------------------


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator_cached(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("hope-reports/", include("bookings.reports.urls"))]


@hooks.register("register_reports_menu_item")
def register_impact_reports_menu_item():
    return CoordinatorMenuItem(
        _("Impact and work"), reverse("hope_reports:index"), icon_name="table", order=10
    )


@hooks.register("register_admin_urls")
def register_privacy_admin_urls():
    # Coordinators only (the view checks); reached from an organisation's or an expert's page.
    return [
        path("privacy/erase/<int:pk>/", PersonEraseView.as_view(), name="bookings_person_erase")
    ]


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(ERASE_ACTION, _("Erase person"), _("Person erased"))
