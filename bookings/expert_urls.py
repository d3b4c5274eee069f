"""The expert's side of engagements (mounted under /expert/opdrachten/ by hope/urls.py)."""

app_name = "engagements"
urlpatterns = []
