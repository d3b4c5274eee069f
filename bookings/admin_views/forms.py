"""Small forms for the back office's actions. Every action form carries the request's version."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bookings.models import MAX_MESSAGE_LENGTH
from hope.submission import SubmissionTokenField
from speakers.selectors import AMSTERDAM

from .selectors import MESSAGE_REQUIRED_TARGETS


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class StatusForm(VersionedForm):
    status = forms.CharField(widget=forms.HiddenInput, max_length=32)
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") in MESSAGE_REQUIRED_TARGETS
            and not (cleaned.get("message") or "").strip()
        ):
            self.add_error(
                "message", _("Write a short, kind message to the organisation for this step.")
            )
        return cleaned


class AssignForm(VersionedForm):
    coordinator = forms.ModelChoiceField(
        label=_("Coordinator"),
        queryset=None,
        required=False,
        empty_label=_("Nobody in particular"),
    )

    def __init__(self, *args, **kwargs):
        from .selectors import coordinators

        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators()


class MessageForm(forms.Form):
    submission_token = SubmissionTokenField()
    body = forms.CharField(
        label=_("Message"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    internal = forms.BooleanField(
        label=_("Internal note (coordinators only, never shown to the organisation)"),
        required=False,
    )


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if timezone.is_naive(value):
        return value.replace(tzinfo=AMSTERDAM)
    return value


class AskForm(VersionedForm):
    expert = forms.IntegerField(widget=forms.HiddenInput)
    date_option = forms.IntegerField(label=_("Date option"), required=False)
    starts_at = forms.DateTimeField(
        label=_("Or another start"),
        required=False,
        widget=DateTimeLocalInput(),
        input_formats=["%Y-%m-%dT%H:%M"],
    )
    ends_at = forms.DateTimeField(
        label=_("End"),
        required=False,
        widget=DateTimeLocalInput(),
        input_formats=["%Y-%m-%dT%H:%M"],
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["starts_at"] = _aware(cleaned.get("starts_at"))
        cleaned["ends_at"] = _aware(cleaned.get("ends_at"))
        if not cleaned.get("date_option") and not (
            cleaned.get("starts_at") and cleaned.get("ends_at")
        ):
            raise forms.ValidationError(_("Choose a date option, or give a start and an end."))
        return cleaned


class SeriesForm(VersionedForm):
    expert = forms.IntegerField(widget=forms.HiddenInput)
    first_starts_at = forms.DateTimeField(
        label=_("First meeting starts"),
        widget=DateTimeLocalInput(),
        input_formats=["%Y-%m-%dT%H:%M"],
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=8 * 60, initial=120
    )
    frequency = forms.ChoiceField(
        label=_("Repeats"),
        choices=[("weekly", _("Every week")), ("monthly", _("Every month"))],
    )
    interval = forms.IntegerField(
        label=_("Every how many weeks or months"), min_value=1, max_value=12, initial=1
    )
    count = forms.IntegerField(label=_("Number of meetings"), min_value=2, max_value=12)

    def clean(self):
        cleaned = super().clean()
        cleaned["first_starts_at"] = _aware(cleaned.get("first_starts_at"))
        return cleaned


class AnswerForm(VersionedForm):
    answer = forms.ChoiceField(
        label=_("The expert's answer"),
        choices=[("yes", _("Yes, the expert accepts")), ("no", _("No, the expert declines"))],
        widget=forms.RadioSelect,
    )
    decline_reason = forms.CharField(
        label=_("Reason for saying no (optional, never required)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RescheduleForm(VersionedForm):
    starts_at = forms.DateTimeField(
        label=_("New start"), widget=DateTimeLocalInput(), input_formats=["%Y-%m-%dT%H:%M"]
    )
    ends_at = forms.DateTimeField(
        label=_("New end"), widget=DateTimeLocalInput(), input_formats=["%Y-%m-%dT%H:%M"]
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["starts_at"] = _aware(cleaned.get("starts_at"))
        cleaned["ends_at"] = _aware(cleaned.get("ends_at"))
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        return cleaned


class CancelEngagementForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason (internal)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class WithdrawForm(VersionedForm):
    note = forms.CharField(
        label=_("Note (internal, optional: she never has to give a reason)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class QuoteReviewForm(VersionedForm):
    draft_received_on = forms.DateField(
        label=_("Draft received on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    published_on = forms.DateField(
        label=_("Published on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    published_url = forms.URLField(
        label=_("Link to the publication"), required=False, assume_scheme="https"
    )


class AftercareForm(VersionedForm):
    waived = forms.BooleanField(label=_("The expert waived the debrief"), required=False)
    held_on = forms.DateField(
        label=_("Debrief held on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    notes = forms.CharField(
        label=_("Private notes (only coordinators and this expert see them)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PracticalInfoForm(VersionedForm):
    text = forms.CharField(
        label=_("Practical information for the expert"),
        help_text=_("Address or video link, who meets them, what to bring. The expert reads this."),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FeeForm(VersionedForm):
    fee = forms.DecimalField(label=_("Fee (euro)"), min_value=0, max_digits=8, decimal_places=2)
    travel_costs = forms.DecimalField(
        label=_("Travel costs (euro)"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        required=False,
    )
    paid_on = forms.DateField(
        label=_("Paid on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
