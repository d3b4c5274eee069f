from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HopeConfig(AppConfig):
    name = "hope"
    verbose_name = _("Platform HOPE")

    def ready(self):
        from django.db.models.signals import post_migrate

        from hope.roles import sync_group_permissions_after_migrate

        post_migrate.connect(sync_group_permissions_after_migrate, dispatch_uid="hope_sync_groups")

        from allauth.mfa.signals import authenticator_added

        from hope.middleware import remember_mfa_enrolment

        authenticator_added.connect(remember_mfa_enrolment, dispatch_uid="hope_mfa_enrolled")

        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from hope.session_limits import forget_user_session, mark_signed_in

        user_logged_in.connect(mark_signed_in, dispatch_uid="hope_mark_signed_in")
        user_logged_out.connect(forget_user_session, dispatch_uid="hope_forget_user_session")
