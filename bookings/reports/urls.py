from django.urls import path

from bookings.reports import admin as views

app_name = "hope_reports"
urlpatterns = [
    path("", views.ReportsIndexView.as_view(), name="index"),
    path("annual/<int:year>/", views.AnnualReportView.as_view(), name="annual"),
    path("quote/<int:pk>/", views.QuoteView.as_view(), name="quote"),
    path("request/<int:pk>/facts/", views.ReportFactsView.as_view(), name="request_facts"),
    path("<slug:slug>/", views.ReportView.as_view(), name="report"),
]
