from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hope.roles import is_coordinator, is_editor


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers, 503 when it does not. No details leak to the caller."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def _landing_url_name(user) -> str:
    if user.is_superuser or is_coordinator(user) or is_editor(user):
        return "wagtailadmin_home"
    if getattr(user, "expert", None) is not None:
        return "speakers:dashboard"
    if hasattr(user, "organisation_memberships") and user.organisation_memberships.exists():
        return "bookings:portal"
    return "home"


@login_required
def after_login(request):
    """Send each person to their own start page after logging in."""
    next_url = request.GET.get("next")
    if next_url:
        from django.utils.http import url_has_allowed_host_and_scheme

        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
    try:
        return redirect(reverse(_landing_url_name(request.user)))
    except NoReverseMatch:
        return redirect("/")
