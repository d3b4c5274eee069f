from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from hope.roles import is_coordinator, is_editor


def _has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return (
        Authenticator.objects.filter(user=user)
        .exclude(type=Authenticator.Type.RECOVERY_CODES)
        .exists()
    )


class StaffMFARequiredMiddleware:
    """Staff (coordinators, editors, superusers) must enrol a second factor before using /admin/.

    Wagtail's admin has no MFA of its own; logins go through allauth, which asks for the second
    factor once one is enrolled. This makes enrolment mandatory for everyone with admin access.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "HOPE_REQUIRE_STAFF_MFA", True) and request.path.startswith("/admin/"):
            user = request.user
            if (
                user.is_authenticated
                and (user.is_superuser or is_coordinator(user) or is_editor(user))
                and not _has_mfa(user)
            ):
                messages.warning(
                    request,
                    _("Set up two-factor authentication before using the administration."),
                )
                return redirect("mfa_index")
        return self.get_response(request)
