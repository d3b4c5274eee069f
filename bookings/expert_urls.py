"""The expert's side of engagements (mounted under /expert/opdrachten/, /en/expert/engagements/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from bookings import expert_impact_views as impact_views
from bookings import expert_views as views

app_name = "engagements"
urlpatterns = [
    path("", views.engagement_list, name="list"),
    path(_("payments/"), views.payments, name="payments"),
    path("impact/", impact_views.impact, name="impact"),
    path(_("annual-statement/<int:year>/"), impact_views.statement, name="statement"),
    path("link/<str:token>/", views.link, name="link"),
    path("<int:pk>/", views.engagement_detail, name="detail"),
    path(_("<int:pk>/answer/"), views.answer, name="answer"),
    path(_("<int:pk>/cannot-make-it/"), views.withdraw, name="withdraw"),
    path(_("<int:pk>/quotes/"), views.approve_quotes, name="approve_quotes"),
    path(_("<int:pk>/calendar.ics"), views.engagement_ics, name="ics"),
    path(_("<int:pk>/aftercare/"), views.aftercare, name="aftercare"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path(_("<int:pk>/fee-claimed/"), views.fee_claimed, name="fee_claimed"),
]
