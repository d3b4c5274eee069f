"""Saved filters on the request listing: built-in shortcuts and each coordinator's own."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin import messages

from bookings.enums import EngagementKind
from bookings.models import SavedListingFilter
from bookings.services.saved_filters import (
    clean_query_string,
    saved_filter_create,
    saved_filter_delete,
)

from .permissions import CoordinatorRequiredMixin


def listing_url(query_string: str = "") -> str:
    url = reverse("booking_requests:index")
    return f"{url}?{query_string}" if query_string else url


def built_in_shortcuts(user) -> list[tuple[str, str]]:
    return [
        (_("Mine"), listing_url(urlencode({"coordinator": user.pk}))),
        (
            _("Waiting on the organisation"),
            listing_url(urlencode({"waiting_on_organisation": "true"})),
        ),
        (
            _("Media this month"),
            listing_url(urlencode({"kind": EngagementKind.MEDIA_INTERVIEW, "this_month": "true"})),
        ),
    ]


def saved_filters_context(request, *, allowed_parameters: frozenset[str]) -> dict:
    query = clean_query_string(request.GET.urlencode(), allowed=allowed_parameters)
    return {
        "shortcuts": built_in_shortcuts(request.user),
        "saved_filters": [
            (saved, listing_url(saved.query_string))
            for saved in SavedListingFilter.objects.filter(user=request.user)
        ],
        "current_filter_query": query,
        "typed_filter_name": request.GET.get("filter_name", "")[:80],
        "save_filter_url": reverse("booking_requests:save_filter"),
    }


class SaveFilterView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]
    # The listing's parameters, `listing.filter_parameter_names` (given in wagtail_hooks.py: the
    # listing shows this module's shortcuts, so this module does not import the listing).
    filter_parameter_names = None

    def post(self, request):
        query = request.POST.get("query", "")
        allowed = self.filter_parameter_names()
        try:
            saved = saved_filter_create(
                user=request.user,
                name=request.POST.get("name", ""),
                query_string=query,
                allowed_parameters=allowed,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            kept = clean_query_string(query, allowed=allowed)
            typed = urlencode({"filter_name": request.POST.get("name", "")[:80]})
            return redirect(listing_url(f"{kept}&{typed}" if kept else typed))
        messages.success(request, _("Filter “%(name)s” saved.") % {"name": saved.name})
        return redirect(listing_url(saved.query_string))


class DeleteSavedFilterView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            saved_filter_delete(user=request.user, saved_filter_id=pk)
        except SavedListingFilter.DoesNotExist:
            raise Http404 from None
        messages.success(request, _("Filter removed."))
        return redirect(listing_url())
