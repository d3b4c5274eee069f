"""The journalist's side of a media interview: complete the media details from the portal
(until the interview is confirmed), and accept the expert's conditions through a signed link.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bookings.gates import media_missing
from bookings.services.engagement_base import EngagementRefused
from bookings.services.media import (
    ConsentLinkProblem,
    booking_set_media_details,
    media_consent_accept,
    media_details_editable,
    read_consent_token,
)
from bookings.services.request_base import StaleRequest
from bookings.views import _request_or_404


class MediaDetailsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    media_questions = forms.CharField(
        label=gettext_lazy("The questions you will ask"),
        help_text=gettext_lazy("The expert reads them before she decides and prepares."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    media_support_person = forms.CharField(
        label=gettext_lazy("Support person"),
        help_text=gettext_lazy("Who will be with the expert during the interview (name, role)."),
        required=False,
        max_length=200,
    )
    media_quote_review_agreed = forms.BooleanField(
        label=gettext_lazy(
            "I agree that the expert reviews her quotes before publication, and that nothing "
            "is published without her approval."
        ),
        required=False,
    )

    @classmethod
    def for_request(cls, booking_request, data=None, **kwargs):
        initial = {
            "version": booking_request.version,
            "media_questions": booking_request.media_questions,
            "media_support_person": booking_request.media_support_person,
            "media_quote_review_agreed": booking_request.media_quote_review_agreed,
        }
        return cls(data, initial=initial, **kwargs)

    def save_for(self, booking_request, actor):
        data = self.cleaned_data
        return booking_set_media_details(
            booking_request=booking_request,
            actor=actor,
            questions=data["media_questions"],
            support_person=data["media_support_person"],
            quote_review_agreed=data["media_quote_review_agreed"],
            expected_version=data["version"],
        )


@login_required
def request_media(request, reference):
    booking_request = _request_or_404(request, reference)
    if not media_details_editable(booking_request):
        messages.info(request, _("The media details can no longer be changed. Send us a message."))
        return redirect("bookings:request_detail", reference=reference)
    form = MediaDetailsForm.for_request(
        booking_request, request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            form.save_for(booking_request, request.user)
        except (EngagementRefused, StaleRequest, PermissionDenied) as error:
            form.add_error(None, getattr(error, "message", None) or str(error))
        else:
            messages.success(request, _("Thank you. The media details are saved."))
            return redirect("bookings:request_detail", reference=reference)
    return render(
        request,
        "bookings/request_media.html",
        {
            "booking_request": booking_request,
            "form": form,
            "missing": media_missing(booking_request),
        },
    )


def media_consent(request, token):
    """GET shows the expert's conditions; POST accepts exactly this text. No login needed."""
    try:
        agreement, user = read_consent_token(token)
    except ConsentLinkProblem as problem:
        return render(request, "bookings/media_consent.html", {"problem": problem}, status=400)
    if request.method == "POST":
        try:
            agreement = media_consent_accept(token=token)
        except ConsentLinkProblem as problem:
            return render(request, "bookings/media_consent.html", {"problem": problem}, status=400)
        messages.success(request, _("Thank you. You have accepted the expert's conditions."))
        return redirect(request.path)
    return render(
        request,
        "bookings/media_consent.html",
        {"agreement": agreement, "reference": agreement.engagement.request.reference},
    )
