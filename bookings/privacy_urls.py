"""Your data (mounted under /mijn-gegevens/, /en/my-data/): for every signed-in person."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from bookings import privacy_views as views

app_name = "privacy"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("download/", views.download, name="download"),
    path(_("delete/"), views.delete_account, name="delete_account"),
]
