"""The expert's side of engagements (mounted under /expert/opdrachten/ by hope/urls.py)."""

from django.urls import path

from bookings import expert_impact_views as impact_views
from bookings import expert_views as views

app_name = "engagements"
urlpatterns = [
    path("", views.engagement_list, name="list"),
    path("betalingen/", views.payments, name="payments"),
    path("impact/", impact_views.impact, name="impact"),
    path("jaaroverzicht/<int:year>/", impact_views.statement, name="statement"),
    path("link/<str:token>/", views.link, name="link"),
    path("<int:pk>/", views.engagement_detail, name="detail"),
    path("<int:pk>/antwoord/", views.answer, name="answer"),
    path("<int:pk>/kan-niet-meer/", views.withdraw, name="withdraw"),
    path("<int:pk>/citaten/", views.approve_quotes, name="approve_quotes"),
    path("<int:pk>/agenda.ics", views.engagement_ics, name="ics"),
    path("<int:pk>/nazorg/", views.aftercare, name="aftercare"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("<int:pk>/gedeclareerd/", views.fee_claimed, name="fee_claimed"),
]
