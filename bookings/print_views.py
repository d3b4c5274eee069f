"""A one-page booking confirmation the organisation can print (procurement departments ask for
one). It names the expert only as her identity choice allows and shows no private notes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import selectors
from bookings.views import _request_or_404


@login_required
def request_confirmation(request, reference):
    booking_request = _request_or_404(request, reference)
    engagements = selectors.visible_engagements(booking_request)
    if not engagements:
        messages.info(
            request, _("A booking confirmation is available once an expert has been confirmed.")
        )
        return redirect("bookings:request_detail", reference=reference)
    return render(
        request,
        "bookings/request_confirmation.html",
        {
            "booking_request": booking_request,
            "engagements": engagements,
            "printed_at": timezone.now(),
        },
    )
