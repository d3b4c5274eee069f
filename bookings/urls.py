from django.urls import path
from django.utils.translation import gettext_lazy as _

from bookings import guest_confirmation, media_views, print_views, team_views, views
from bookings.impact_views import request_impact

app_name = "bookings"
urlpatterns = [
    path("", views.portal, name="portal"),
    path(_("requests/new/"), views.request_new, name="request_new"),
    path(_("requests/sent/"), views.request_sent, name="request_sent"),
    path(
        _("requests/new-confirmation-link/"),
        guest_confirmation.new_confirmation_link,
        name="new_confirmation_link",
    ),
    path(_("address-confirmed/"), views.address_confirmed, name="address_confirmed"),
    path(_("requests/<str:reference>/"), views.request_detail, name="request_detail"),
    path(_("requests/<str:reference>/message/"), views.request_message, name="request_message"),
    path(_("requests/<str:reference>/confirm/"), views.request_confirm, name="request_confirm"),
    path(_("requests/<str:reference>/edit/"), views.request_edit, name="request_edit"),
    path(_("requests/<str:reference>/media/"), media_views.request_media, name="request_media"),
    path(_("media/terms/<str:token>/"), media_views.media_consent, name="media_consent"),
    path(_("requests/<str:reference>/withdraw/"), views.request_withdraw, name="request_withdraw"),
    path(
        _("requests/<str:reference>/evaluation/"), views.request_evaluate, name="request_evaluate"
    ),
    path(
        _("requests/<str:reference>/confirmation/"),
        print_views.request_confirmation,
        name="request_confirmation",
    ),
    path(
        _("requests/<str:reference>/move/"),
        print_views.request_ask_to_move,
        name="request_ask_to_move",
    ),
    path("team/", team_views.team, name="team"),
    path(_("team/<int:organisation_id>/invite/"), team_views.team_invite, name="team_invite"),
    path(
        _("team/<int:organisation_id>/<int:membership_id>/remove/"),
        team_views.team_remove,
        name="team_remove",
    ),
    path(
        _("team/<int:organisation_id>/<int:membership_id>/admin/"),
        team_views.team_make_admin,
        name="team_make_admin",
    ),
    path(_("requests/<str:reference>/what-changed/"), request_impact, name="request_impact"),
]
