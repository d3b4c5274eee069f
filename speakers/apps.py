from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeakersConfig(AppConfig):
    name = "speakers"
    verbose_name = _("Experts")

    def ready(self):
        from speakers.email_texts import register_email_texts

        register_email_texts()
