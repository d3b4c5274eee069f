from django.urls import path

from speakers.views import feed, portal

app_name = "speakers"
urlpatterns = [
    path("", portal.dashboard, name="dashboard"),
    path("profile/", portal.profile, name="profile"),
    path("profile/preview/", portal.preview, name="preview"),
    path("pause/", portal.pause, name="pause"),
    path("resume/", portal.unpause, name="unpause"),
    path("availability/", portal.availability, name="availability"),
    path("availability/<int:pk>/remove/", portal.availability_remove, name="availability_remove"),
    path("availability/<int:pk>/skip/", portal.availability_skip, name="availability_skip"),
    path("calendar/", portal.calendar, name="calendar"),
    path("calendar/feed/", portal.feed_settings, name="feed_settings"),
    path("agenda/<int:pk>/<str:token>.ics", feed.feed, name="feed"),
]
