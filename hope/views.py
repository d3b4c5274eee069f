import logging
import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hope.roles import is_coordinator, is_editor
from hope.services.users import user_set_preferred_language

logger = logging.getLogger(__name__)


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


def _language_of(user) -> str:
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _in_language(response, language: str):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response


@login_required
def after_login(request):
    """Send each person to their own start page after logging in, in her own language."""
    language = _language_of(request.user)
    next_url = request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return _in_language(redirect(translate_url(next_url, language)), language)
    with translation.override(language):
        try:
            target = reverse(_landing_url_name(request.user))
        except NoReverseMatch:
            target = "/"
    return _in_language(redirect(target), language)


def database_unavailable(request=None):
    """The designed 503 page for when the database is down.

    Rendered from a static template without the request context: context processors would ask
    the database again. The language is the one LocaleMiddleware already chose."""
    html = loader.get_template("503.html").render({})
    response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = "120"
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: a database outage gets the 503 page ("try again soon"), everything else the
    site's 500 page (templates/500.html). Called by Django while the exception is being handled."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        logger.warning("Database unavailable: answered 503 (%s)", type(error).__name__)
        return database_unavailable(request)
    # Rendered without context processors' database lookups failing the page again.
    try:
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001 - last resort: never fail the error page itself
        return HttpResponseServerError("<h1>Server error</h1>", content_type="text/html")


@require_safe
def switch_language(request):
    """The language switch for a logged-in person: go to the page and remember her choice."""
    language = request.GET.get("language", "")
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    if language not in dict(settings.LANGUAGES):
        return redirect(next_url)
    if request.user.is_authenticated:
        user_set_preferred_language(user=request.user, language=language)
    return _in_language(redirect(next_url), language)
