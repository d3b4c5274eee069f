"""The outbox in the Wagtail admin: emails needing attention, the sent log, and "resend".

Only people with `hope.view_outboundemail` (the Coordinators group, see hope/roles.py) see the
lists; "resend" needs `hope.resend_outboundemail`. Rows show no content and no address.
"""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView

from hope.outbox.models import OutboundEmail, OutboundEmailStatus, RecipientRole
from hope.outbox.selectors import (
    outbound_email_templates,
    outbound_emails_needing_attention,
    outbound_emails_sent_log,
)
from hope.outbox.services import outbound_email_resend

VIEW_PERMISSION = "hope.view_outboundemail"
RESEND_PERMISSION = "hope.resend_outboundemail"


def _forbidden(request):
    """A plain 403 (Wagtail would turn a raised PermissionDenied into a redirect home)."""
    return permission_denied(request, PermissionDenied())


class OutboxPermissionMixin:
    """Only holders of `permission` (coordinators) get past; everyone else a 403."""

    permission = VIEW_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return _forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class OutboundEmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=OutboundEmailStatus.choices
    )
    template = django_filters.ChoiceFilter(
        label=gettext_lazy("Template"),
        choices=lambda: [(name, name) for name in outbound_email_templates()],
    )
    recipient_role = django_filters.ChoiceFilter(
        label=gettext_lazy("Recipient role"), choices=RecipientRole.choices
    )
    created = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), field_name="created_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = OutboundEmail
        fields = []


class WhenColumn(Column):
    cell_template_name = "hope/admin/outbox_when_cell.html"


class EmailStatusColumn(StatusTagColumn):
    def __init__(self, *args, **kwargs):
        super().__init__(
            "get_status_display",
            *args,
            primary=lambda email: email.status == OutboundEmailStatus.SENT,
            **kwargs,
        )


class RequestColumn(Column):
    """The request an email is about, linked to its page by whichever app registered the
    `hope_outbox_request_url` hook (bookings does; hope itself knows nothing of requests)."""

    cell_template_name = "hope/admin/outbox_request_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = request_url(instance.booking_request_id)
        return context


def request_url(booking_request_id: int | None) -> str | None:
    if not booking_request_id:
        return None
    for hook in hooks.get_hooks("hope_outbox_request_url"):
        url = hook(booking_request_id)
        if url:
            return url
    return None


class ResendColumn(Column):
    """A "Resend" link per row for emails that can be sent again (it asks to confirm)."""

    cell_template_name = "hope/admin/outbox_resend_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_resend"] = (
            instance.can_resend and request is not None and request.user.has_perm(RESEND_PERMISSION)
        )
        context["next_url"] = request.get_full_path() if request is not None else ""
        return context


class OutboundEmailIndexView(OutboxPermissionMixin, IndexView):
    """The sent log: every email, newest first, filterable by status, template and date."""

    def get_base_queryset(self):
        return outbound_emails_sent_log()

    @cached_property
    def columns(self):
        return [
            WhenColumn("created_at", label=_("When"), sort_key="created_at"),
            Column("template", label=_("Template"), sort_key="template"),
            Column("get_recipient_role_display", label=_("Recipient"), sort_key="recipient_role"),
            Column("language", label=_("Language")),
            EmailStatusColumn(label=_("Status"), sort_key="status"),
            Column("attempts", label=_("Attempts"), sort_key="attempts"),
            WhenColumn("sent_at", label=_("Sent"), sort_key="sent_at"),
            Column("last_error", label=_("Last error")),
            RequestColumn("booking_request_id", label=_("Request")),
            ResendColumn("resend", label=_("Action")),
        ]

    def get_list_more_buttons(self, instance):
        return []


class FailedEmailIndexView(OutboundEmailIndexView):
    """Emails that failed or are being retried: the ones a coordinator should look at."""

    def get_base_queryset(self):
        return outbound_emails_needing_attention()


class ResendView(OutboxPermissionMixin, TemplateView):
    """GET asks to confirm; POST queues the email again (a failed one as it is, a delivered one
    as a new copy), then goes back with a message."""

    permission = RESEND_PERMISSION
    template_name = "hope/admin/outbox_resend_confirm.html"
    index_url_name = None

    def _next_url(self, request, value: str) -> str:
        if value and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return value
        return reverse(self.index_url_name)

    def get(self, request, pk):
        email = get_object_or_404(OutboundEmail, pk=pk)
        return self.render_to_response(
            self.get_context_data(
                email=email,
                next_url=self._next_url(request, request.GET.get("next", "")),
                page_title=_("Send this email again?"),
            )
        )

    def post(self, request, pk):
        email = get_object_or_404(OutboundEmail, pk=pk)
        was_sent = email.status == OutboundEmailStatus.SENT
        resent = outbound_email_resend(outbound_email=email, actor=request.user)
        if resent is None:
            messages.error(request, _("This email cannot be sent again."))
        elif was_sent:
            messages.success(
                request,
                _("A new copy of the email will be sent shortly; it is in the log as a copy."),
            )
        else:
            messages.success(request, _("The email will be sent again shortly."))
        return redirect(self._next_url(request, request.POST.get("next", "")))
