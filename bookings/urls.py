from django.urls import path

from bookings import views

app_name = "bookings"
urlpatterns = [
    path("", views.portal, name="portal"),
    path("aanvragen/<str:reference>/", views.request_detail, name="request_detail"),
]
