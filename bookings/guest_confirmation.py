"""“Send me a new confirmation link”: for a guest whose confirmation email was lost or expired.

Asks only for the email address and always answers the same, whether or not the address has a
waiting request. Rate limited per visitor (a clear message) and per address (silently: the answer
must not differ, and nobody can flood someone's inbox with our emails).
"""

from __future__ import annotations

import hashlib

from django import forms
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bookings.intake import _client_key
from bookings.services.guest_confirmation import guest_confirmation_resend

# (tries, window in seconds) per visitor and per address.
VISITOR_LIMIT = (5, 60 * 60)
ADDRESS_LIMIT = (3, 60 * 60)


class NewConfirmationLinkForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        help_text=gettext_lazy("The address you gave with your request."),
    )


def _count(key: str, window: int) -> int:
    """Add one try under `key` and return the number of tries in the window so far."""
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        return 1


def new_confirmation_link(request):
    form = NewConfirmationLinkForm(request.POST or None)
    status = 200
    if request.method == "POST":
        limit, window = VISITOR_LIMIT
        visitor_key = f"bookings:reconfirm:{_client_key(request)}"
        if cache.get(visitor_key, 0) >= limit:
            form.add_error(
                None,
                _("You have asked several times in a short time. Please try again in an hour."),
            )
            status = 429
        elif form.is_valid():
            _count(visitor_key, window)
            email = form.cleaned_data["email"].strip().lower()
            address_limit, address_window = ADDRESS_LIMIT
            digest = hashlib.sha256(email.encode()).hexdigest()
            if _count(f"bookings:reconfirm:address:{digest}", address_window) <= address_limit:
                guest_confirmation_resend(email=email)
            return render(request, "bookings/new_confirmation_link_sent.html", {})
        else:
            status = 400
    return render(request, "bookings/new_confirmation_link.html", {"form": form}, status=status)
