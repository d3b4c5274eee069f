"""The private ICS feed: no login (calendar apps cannot log in), a long secret in the URL."""

import hmac

from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from speakers.ics import build_feed
from speakers.models import Expert

_DUMMY = "x" * 43


@never_cache
@require_safe
def feed(request, pk: int, token: str):
    expert = Expert.objects.select_related("user").filter(pk=pk).first()
    expected = expert.ics_token if expert is not None else _DUMMY
    # Constant-time comparison; a wrong id or token looks exactly the same: 404.
    if not hmac.compare_digest(expected.encode(), token.encode()) or expert is None:
        raise Http404
    language = getattr(expert.user, "preferred_language", None) or "nl"
    response = HttpResponse(
        build_feed(expert=expert, language=language), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="platform-hope.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
