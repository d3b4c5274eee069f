"""Staff sessions last one working day at most and end after an hour without a request.

A coordinator's session opens every request, expert and organisation in the portal; a forgotten
laptop must not stay signed in for the 14 days that "remember me" gives everyone else.

- `HOPE_STAFF_SESSION_MAX_AGE` (default 9 h): absolute, counted from the sign-in.
- `HOPE_STAFF_SESSION_IDLE` (default 1 h): the session ends after that long without a request;
  the session cookie and the stored session expire with it.

Staff are coordinators, editors and superusers (`hope.middleware.is_staff_user`). Their session
is marked at sign-in, or on the first admin request of a session opened before they became staff,
so other people's requests cost no role lookup.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

SIGNED_IN_AT = "hope_signed_in_at"
LAST_SEEN_AT = "hope_last_seen_at"
STAFF_SESSION = "hope_staff_session"
# Refresh the "last seen" stamp (a session write) at most once a minute.
_TOUCH_EVERY = 60


def _max_age() -> int:
    return int(getattr(settings, "HOPE_STAFF_SESSION_MAX_AGE", 9 * 60 * 60))


def _idle() -> int:
    return int(getattr(settings, "HOPE_STAFF_SESSION_IDLE", 60 * 60))


def mark_signed_in(sender, request=None, user=None, **kwargs):
    """`user_logged_in` receiver (every login, allauth's included): stamp the session."""
    from hope.middleware import is_staff_user

    if request is None or not hasattr(request, "session") or user is None:
        return
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now
    if is_staff_user(user):
        request.session[STAFF_SESSION] = True


class StaffSessionLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and self._is_staff_session(request):
            ended = self._check(request)
            if ended is not None:
                return ended
        return self.get_response(request)

    @staticmethod
    def _is_staff_session(request) -> bool:
        session = request.session
        if session.get(STAFF_SESSION):
            return True
        if request.path.startswith("/admin/"):
            from hope.middleware import is_staff_user

            if is_staff_user(request.user):
                session[STAFF_SESSION] = True
                return True
        return False

    @staticmethod
    def _check(request):
        session = request.session
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen_at = session.get(LAST_SEEN_AT)
        if signed_in_at is None or last_seen_at is None:
            # A session from before these limits: the clock starts now.
            signed_in_at = signed_in_at or now
            last_seen_at = last_seen_at or now
            session[SIGNED_IN_AT] = signed_in_at
            session[LAST_SEEN_AT] = last_seen_at
        if now - signed_in_at > _max_age() or now - last_seen_at > _idle():
            logout(request)
            messages.info(
                request,
                _("For your safety you were signed out. Please sign in again."),
            )
            target = reverse("account_login")
            if request.method == "GET":
                target = f"{target}?{urlencode({'next': request.get_full_path()})}"
            return redirect(target)
        if now - last_seen_at >= _TOUCH_EVERY:
            session[LAST_SEEN_AT] = now
        # "Remember me" would keep the cookie for weeks: a staff session cookie lives as long as
        # the idle limit (refreshed with each stamp); a browser-session cookie stays one.
        if not session.get_expire_at_browser_close() and (
            session.get_expiry_age() > _idle() or session.modified
        ):
            session.set_expiry(_idle())
        return None


def forget_user_session(sender, request=None, **kwargs):
    """`user_logged_out` receiver: the session list keeps no row (address, browser) of a
    session that ended by signing out."""
    from django.conf import settings as django_settings

    if "allauth.usersessions" not in django_settings.INSTALLED_APPS:
        return
    session = getattr(request, "session", None)
    if session is None or not session.session_key:
        return
    from allauth.usersessions.models import UserSession

    UserSession.objects.filter(session_key=session.session_key).delete()
