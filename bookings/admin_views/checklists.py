"""Per-engagement checklists in the coordinators' back office (issue 13).

The points per kind of engagement are edited in the admin (`ChecklistTemplateViewSet`); each
engagement's own checklist shows in the request's workspace, ticked off with a plain form
(`ChecklistUpdateView`, works without JavaScript). Coordinators only.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.viewsets.model import ModelViewSet

from bookings import engagement_workflow as lifecycle
from bookings.enums import UNCONFIRMED_STATES
from bookings.models import ChecklistItem, ChecklistTemplate, Engagement
from bookings.services.checklists import (
    checklist_items_create_for_engagement,
    checklist_items_update,
)
from bookings.services.engagement_base import EngagementRefused

from .permissions import CoordinatorRequiredMixin, CoordinatorViewSetMixin


class ChecklistTemplateViewSet(CoordinatorViewSetMixin, ModelViewSet):
    model = ChecklistTemplate
    coordinator_actions = ("view", "add", "change", "delete")
    name = "checklist_points"
    icon = "tasks"
    menu_label = gettext_lazy("Checklist points")
    menu_order = 130
    add_to_admin_menu = False
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = ["label", "label_en", "kind", "days", "when", "order"]
    list_filter = ["kind"]
    search_fields = ["label", "label_en"]
    search_backend_name = None
    ordering = ["kind", "order", "pk"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("label"),
        FieldPanel("label_en"),
        FieldRowPanel([FieldPanel("days"), FieldPanel("when")]),
        FieldPanel("order"),
    ]


def checklist_prefetch() -> Prefetch:
    """The workspace's engagements with their checklists (one query for all of them)."""
    return Prefetch("checklist_items", queryset=ChecklistItem.objects.select_related("done_by"))


def checklist_row(engagement: Engagement, url_name: str = "booking_requests:checklist") -> dict:
    """What the workspace shows of one engagement's checklist (items prefetched)."""
    items = list(engagement.checklist_items.all())
    return {
        "items": items,
        "may_tick": lifecycle.may(
            "checklist", actor=lifecycle.Actor.COORDINATOR, status=engagement.status
        ),
        "may_make": not items and engagement.status in lifecycle.CONFIRMED,
        "url": reverse(url_name, args=[engagement.request_id, engagement.pk]),
    }


def _ids(values) -> set[int]:
    ids = set()
    for value in values:
        try:
            ids.add(int(value))
        except (TypeError, ValueError):
            continue
    return ids


class ChecklistUpdateView(CoordinatorRequiredMixin, View):
    """Save one engagement's checklist, or make it when it has none yet.

    Only the boxes the coordinator changed count (`was_done` carries what the page showed), so a
    colleague's tick in the meantime is not undone."""

    http_method_names = ["post"]

    def post(self, request, pk, engagement_pk):
        engagement = get_object_or_404(
            Engagement.objects.select_related("request", "expert"),
            pk=engagement_pk,
            request_id=pk,
        )
        if engagement.request.status in UNCONFIRMED_STATES:
            raise Http404
        workspace = reverse("booking_requests:inspect", args=[pk]) + f"#checklist-{engagement.pk}"
        try:
            if request.POST.get("make"):
                made = checklist_items_create_for_engagement(
                    engagement=engagement, actor=request.user
                )
                messages.success(
                    request,
                    _("Checklist made: %(count)s points.") % {"count": len(made)},
                )
                return redirect(workspace)
            shown = _ids(request.POST.getlist("item"))
            was_done = _ids(request.POST.getlist("was_done")) & shown
            done_now = _ids(request.POST.getlist("done")) & shown
            done, reopened = checklist_items_update(
                engagement=engagement,
                actor=request.user,
                done=sorted(done_now - was_done),
                reopened=sorted(was_done - done_now),
            )
        except (EngagementRefused, PermissionDenied) as error:
            messages.error(request, getattr(error, "message", None) or str(error))
            return redirect(workspace)
        if done or reopened:
            messages.success(request, _("Checklist saved."))
        else:
            messages.info(request, _("Nothing was changed in the checklist."))
        return redirect(workspace)
