from django.urls import path

from speakers import views

app_name = "speakers"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
