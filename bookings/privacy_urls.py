"""Your data (mounted under /mijn-gegevens/ by hope/urls.py): for every signed-in person."""

from django.urls import path

from bookings import privacy_views as views

app_name = "privacy"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("download/", views.download, name="download"),
    path("verwijderen/", views.delete_account, name="delete_account"),
]
