from django.urls import path

from bookings import guest_confirmation, media_views, print_views, team_views, views
from bookings.impact_views import request_impact

app_name = "bookings"
urlpatterns = [
    path("", views.portal, name="portal"),
    path("aanvragen/nieuw/", views.request_new, name="request_new"),
    path("aanvragen/verstuurd/", views.request_sent, name="request_sent"),
    path(
        "aanvragen/nieuwe-bevestigingslink/",
        guest_confirmation.new_confirmation_link,
        name="new_confirmation_link",
    ),
    path("adres-bevestigd/", views.address_confirmed, name="address_confirmed"),
    path("aanvragen/<str:reference>/", views.request_detail, name="request_detail"),
    path("aanvragen/<str:reference>/bericht/", views.request_message, name="request_message"),
    path("aanvragen/<str:reference>/bevestigen/", views.request_confirm, name="request_confirm"),
    path("aanvragen/<str:reference>/wijzigen/", views.request_edit, name="request_edit"),
    path("aanvragen/<str:reference>/media/", media_views.request_media, name="request_media"),
    path("media/voorwaarden/<str:token>/", media_views.media_consent, name="media_consent"),
    path("aanvragen/<str:reference>/intrekken/", views.request_withdraw, name="request_withdraw"),
    path("aanvragen/<str:reference>/evaluatie/", views.request_evaluate, name="request_evaluate"),
    path(
        "aanvragen/<str:reference>/bevestiging/",
        print_views.request_confirmation,
        name="request_confirmation",
    ),
    path(
        "aanvragen/<str:reference>/verplaatsen/",
        print_views.request_ask_to_move,
        name="request_ask_to_move",
    ),
    path("team/", team_views.team, name="team"),
    path("team/<int:organisation_id>/uitnodigen/", team_views.team_invite, name="team_invite"),
    path(
        "team/<int:organisation_id>/<int:membership_id>/verwijderen/",
        team_views.team_remove,
        name="team_remove",
    ),
    path(
        "team/<int:organisation_id>/<int:membership_id>/beheerder/",
        team_views.team_make_admin,
        name="team_make_admin",
    ),
    path("aanvragen/<str:reference>/wat-veranderde/", request_impact, name="request_impact"),
]
