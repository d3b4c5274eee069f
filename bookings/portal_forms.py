"""Forms of the organisation's portal on a submitted request: message, withdraw, evaluate."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bookings.models import MAX_MESSAGE_LENGTH
from hope.submission import SubmissionTokenField


class MessageForm(forms.Form):
    submission_token = SubmissionTokenField()
    body = forms.CharField(
        label=_("Your message"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("It helps us to know why, but you do not have to tell us."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EvaluationForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How would you rate the engagement overall?"),
        choices=[
            ("5", _("5 – excellent")),
            ("4", _("4 – good")),
            ("3", _("3 – fair")),
            ("2", _("2 – poor")),
            ("1", _("1 – bad")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    went_well = forms.CharField(
        label=_("What went well?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    what_changed = forms.CharField(
        label=_("What changed because of the expert's contribution?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example a changed protocol, a new training, a different conversation."),
    )
