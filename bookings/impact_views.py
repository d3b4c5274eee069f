"""The organisation's answer to "what did you change because of this?" (issue 14), in its
portal; the request is found through `selectors.portal_request` (another organisation: 404)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bookings import selectors
from bookings.models.impact import ImpactAnswer
from bookings.services.impact import (
    MAX_ANSWER_LENGTH,
    impact_answer_possible,
    impact_answer_submit,
)
from bookings.services.request_base import TransitionNotAllowed


class ImpactAnswerForm(forms.Form):
    what_changed = forms.CharField(
        label=gettext_lazy("What did you change because of this?"),
        help_text=gettext_lazy(
            "A policy, a procedure, a training, how you talk with young people: small things "
            "count too. Please leave out names."
        ),
        max_length=MAX_ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    share_with_experts = forms.BooleanField(
        label=gettext_lazy("The experts who came may read our answer"),
        required=False,
    )


@login_required
def request_impact(request, reference):
    booking_request = selectors.portal_request(request.user, reference)
    if booking_request is None:
        raise Http404
    if not impact_answer_possible(booking_request):
        messages.info(request, _("This question is asked after the engagement took place."))
        return redirect("bookings:request_detail", reference=reference)
    if ImpactAnswer.objects.filter(request=booking_request).exists():
        messages.info(request, _("You already told us what changed. Thank you!"))
        return redirect("bookings:request_detail", reference=reference)
    form = ImpactAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            impact_answer_submit(
                booking_request=booking_request, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        except (TransitionNotAllowed, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you for telling us what changed."))
            return redirect("bookings:request_detail", reference=reference)
    return render(
        request,
        "bookings/request_impact.html",
        {"form": form, "booking_request": booking_request},
    )
