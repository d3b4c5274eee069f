"""Refuse requests whose address carries a NUL byte, before any view or database sees them.

A NUL (``%00``) in a path or query parameter is never meaningful here; PostgreSQL refuses it in
a string literal, so it reached the database as a 500. Answering 400 at the door covers every
path converter and every ``request.GET`` at once. Form fields have their own check (Django's
``ProhibitNullCharactersValidator`` on every ``CharField``), which keeps what the user typed.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string


def has_nul_byte(request) -> bool:
    """True when the path or the query string, decoded, contains a NUL byte."""
    if "\x00" in request.path_info or "\x00" in request.path:
        return True
    raw_query = request.META.get("QUERY_STRING", "")
    if "\x00" in raw_query:
        return True
    # Decoded twice over is not needed: one level of %-decoding is what Django applies.
    return b"\x00" in unquote_to_bytes(raw_query.replace("+", " "))


class RejectNulBytesMiddleware:
    """Answer 400 (a plain, designed page) to any request whose address contains ``%00``.

    Placed early (right after SecurityMiddleware): the page is rendered without the request, so it
    needs neither the session nor the user, and nothing after it runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul_byte(request):
            return HttpResponseBadRequest(render_to_string("400.html"))
        return self.get_response(request)
