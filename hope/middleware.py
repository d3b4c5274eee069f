from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from hope.roles import is_coordinator, is_editor

# Set when a second factor is enrolled in this session: entering the first TOTP code to activate
# it proves possession just as a login step would.
MFA_ENROLLED_IN_SESSION_KEY = "hope_mfa_enrolled_in_session"


def _has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return (
        Authenticator.objects.filter(user=user)
        .exclude(type=Authenticator.Type.RECOVERY_CODES)
        .exists()
    )


def session_passed_mfa(request) -> bool:
    """Did *this session* pass a second factor (not merely: has the user enrolled one)?"""
    from allauth.account.authentication import get_authentication_records

    if request.session.get(MFA_ENROLLED_IN_SESSION_KEY):
        return True
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


def is_staff_user(user) -> bool:
    return bool(user.is_superuser or is_coordinator(user) or is_editor(user))


class StaffMFARequiredMiddleware:
    """Staff (coordinators, editors, superusers) reach /admin/ only from a session that passed
    the second factor.

    - A staff member with a second factor enrolled whose session did not pass it (a login door
      other than allauth's, or a session from before enrolment) is signed out and sent to
      allauth's login, which asks for the factor.
    - With HOPE_REQUIRE_STAFF_MFA (production), staff without a second factor must enrol first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            user = request.user
            if user.is_authenticated and is_staff_user(user):
                if _has_mfa(user):
                    if not session_passed_mfa(request):
                        logout(request)
                        messages.warning(
                            request,
                            _("Sign in again with your second factor to use the administration."),
                        )
                        query = urlencode({"next": request.get_full_path()})
                        return redirect(f"{reverse('account_login')}?{query}")
                elif getattr(settings, "HOPE_REQUIRE_STAFF_MFA", True):
                    messages.warning(
                        request,
                        _("Set up two-factor authentication before using the administration."),
                    )
                    return redirect("mfa_index")
        return self.get_response(request)


def remember_mfa_enrolment(sender, request=None, **kwargs):
    """allauth's `authenticator_added` signal: the factor was just proven in this session."""
    if request is not None and hasattr(request, "session"):
        request.session[MFA_ENROLLED_IN_SESSION_KEY] = True
