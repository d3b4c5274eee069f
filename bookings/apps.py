from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "bookings"
    verbose_name = _("Bookings")

    def ready(self):
        from bookings import signals  # allauth's email_confirmed → the service
        from bookings.email_texts import register_email_texts
        from bookings.expert_selectors import dashboard_context
        from speakers import dashboard as expert_dashboard

        signals.connect_public_figures()
        register_email_texts()
        expert_dashboard.register(dashboard_context)  # "open questions" on her dashboard
