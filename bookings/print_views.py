"""After a date is fixed, the organisation can print a one-page booking confirmation
(procurement departments ask for one; it names the expert only as her identity choice allows)
and ask to move the date, with a reason."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bookings import selectors
from bookings.services.organisation_changes import MOVABLE_STATES, booking_ask_to_move
from bookings.services.request_base import TransitionNotAllowed
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


class AskToMoveForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why does the date have to move?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wished_dates = forms.CharField(
        label=gettext_lazy("Which dates would suit you? (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@login_required
def request_ask_to_move(request, reference):
    booking_request = _request_or_404(request, reference)
    if booking_request.status not in MOVABLE_STATES:
        messages.info(request, _("Only a booking with a fixed date can be moved."))
        return redirect("bookings:request_detail", reference=reference)
    form = AskToMoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking_ask_to_move(
                booking_request=booking_request, actor=request.user, **form.cleaned_data
            )
        except (ValidationError, TransitionNotAllowed, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request,
                _("We have your request to move the date. A coordinator comes back to you."),
            )
            return redirect("bookings:request_detail", reference=reference)
    return render(
        request,
        "bookings/request_ask_to_move.html",
        {"form": form, "booking_request": booking_request},
        status=400 if form.errors else 200,
    )
