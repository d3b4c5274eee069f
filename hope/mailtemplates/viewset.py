from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from hope.mailtemplates.views import EmailTextEditView, EmailTextIndexView
from hope.roles import is_coordinator


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


class EmailTextViewSet(ViewSet):
    name = "email_texts"
    icon = "doc-full"
    menu_label = _("Email texts")
    menu_order = 30

    def get_menu_item(self, order=None):
        return CoordinatorMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=order if order is not None else self.menu_order,
        )

    def get_urlpatterns(self):
        return [
            path("", EmailTextIndexView.as_view(), name="index"),
            path(
                "<str:language>/<path:template>/",
                EmailTextEditView.as_view(index_url_name=self.get_url_name("index")),
                name="edit",
            ),
        ]
