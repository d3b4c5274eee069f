from django.urls import path

from bookings import views

app_name = "bookings"
urlpatterns = [
    path("", views.portal, name="portal"),
    path("aanvragen/nieuw/", views.request_new, name="request_new"),
    path("aanvragen/verstuurd/", views.request_sent, name="request_sent"),
    path("adres-bevestigd/", views.address_confirmed, name="address_confirmed"),
    path("aanvragen/<str:reference>/", views.request_detail, name="request_detail"),
    path("aanvragen/<str:reference>/bericht/", views.request_message, name="request_message"),
    path("aanvragen/<str:reference>/bevestigen/", views.request_confirm, name="request_confirm"),
    path("aanvragen/<str:reference>/wijzigen/", views.request_edit, name="request_edit"),
    path("aanvragen/<str:reference>/intrekken/", views.request_withdraw, name="request_withdraw"),
    path("aanvragen/<str:reference>/evaluatie/", views.request_evaluate, name="request_evaluate"),
]
