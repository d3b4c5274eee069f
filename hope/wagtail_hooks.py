"""The email outbox in the Wagtail admin (coordinators: `hope.view_outboundemail`)."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from hope.mailtemplates.viewset import EmailTextViewSet
from hope.outbox.admin_views import (
    FailedEmailIndexView,
    OutboundEmailFilterSet,
    OutboundEmailIndexView,
    ResendView,
)
from hope.outbox.models import OutboundEmail


class _ReadOnlyEmailViewSet(ModelViewSet):
    model = OutboundEmail
    icon = "mail"
    add_to_admin_menu = False
    inspect_view_enabled = False
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = OutboundEmailFilterSet
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    form_fields = ["template"]  # no edit view; a ModelViewSet still wants a form definition

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in ("index", "index_results")
        ]


class FailedEmailViewSet(_ReadOnlyEmailViewSet):
    name = "failed_emails"
    menu_label = _("Needs attention")
    menu_order = 10
    index_view_class = FailedEmailIndexView


class OutboundEmailViewSet(_ReadOnlyEmailViewSet):
    name = "outbound_emails"
    menu_label = _("Sent log")
    menu_order = 20
    index_view_class = OutboundEmailIndexView

    def get_urlpatterns(self):
        resend = ResendView.as_view(index_url_name=self.get_url_name("index"))
        return [*super().get_urlpatterns(), path("resend/<int:pk>/", resend, name="resend")]


class EmailViewSetGroup(ModelViewSetGroup):
    menu_label = _("Emails")
    menu_icon = "mail"
    menu_order = 160
    items = (FailedEmailViewSet, OutboundEmailViewSet, EmailTextViewSet)


@hooks.register("register_admin_viewset")
def register_outbox_viewsets():
    return EmailViewSetGroup()


@hooks.register("insert_global_admin_css")
def hope_admin_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


# --- account menu: the session list and MFA (allauth) ------------------------------------------


@hooks.register("register_account_menu_item")
def signed_in_devices_item(request):
    from django.urls import reverse
    from django.utils.translation import gettext as _

    return {
        "url": reverse("usersessions_list"),
        "label": _("Where you are signed in"),
        "help_text": _("See your sessions and sign out everywhere else."),
    }


@hooks.register("register_account_menu_item")
def second_factor_item(request):
    from django.urls import reverse
    from django.utils.translation import gettext as _

    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _("Set up or change your authenticator app and recovery codes."),
    }


# --- a coordinator's choice: each email straight away, or one a day ----------------------------


@hooks.register("register_admin_urls")
def coordinator_emails_urls():
    from hope.coordinator_emails import CoordinatorEmailsView

    return [
        path("email-choice/", CoordinatorEmailsView.as_view(), name="hope_coordinator_emails"),
    ]


@hooks.register("register_account_menu_item")
def coordinator_emails_item(request):
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from hope.roles import is_coordinator

    if not is_coordinator(request.user):
        return None
    return {
        "url": reverse("hope_coordinator_emails"),
        "label": _("Emails about requests"),
        "help_text": _("Each email straight away, or one email a day."),
    }
