from django.urls import path
from django.utils.translation import gettext_lazy as _

from speakers.views import feed, portal

app_name = "speakers"
# Addresses in the reader's language: /expert/profiel/ in Dutch, /en/expert/profile/ in English.
# Old addresses (/expert/profile/ in Dutch) answer 301 through hope.moved_urls.
urlpatterns = [
    path("", portal.dashboard, name="dashboard"),
    path(_("profile/"), portal.profile, name="profile"),
    path(_("profile/preview/"), portal.preview, name="preview"),
    path(_("pause/"), portal.pause, name="pause"),
    path(_("resume/"), portal.unpause, name="unpause"),
    path(_("availability/"), portal.availability, name="availability"),
    path(
        _("availability/<int:pk>/remove/"),
        portal.availability_remove,
        name="availability_remove",
    ),
    path(_("availability/<int:pk>/skip/"), portal.availability_skip, name="availability_skip"),
    path(_("calendar/"), portal.calendar, name="calendar"),
    path(_("calendar/feed/"), portal.feed_settings, name="feed_settings"),
    # The private feed keeps its address: calendar apps subscribed to it must keep working.
    path("agenda/<int:pk>/<str:token>.ics", feed.feed, name="feed"),
]
