from django.urls import path

from speakers.views import portal as views

app_name = "speakers"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
