"""Forms parse and validate input; the services apply the change."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from speakers.models import Expert, Region, SpokenLanguage
from speakers.selectors import AMSTERDAM, today_local
from speakers.services.experts import clean_bio, validate_bio_length

BIO_HELP = _(
    "Write in plain text; an empty line starts a new paragraph. Simple HTML (bold, italic, "
    "lists, links) is allowed; anything else is removed."
)


def regions_field():
    return forms.MultipleChoiceField(
        label=_("Regions where I can come"),
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def languages_field():
    return forms.MultipleChoiceField(
        label=_("Languages I speak in"),
        choices=SpokenLanguage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _check_topics(cleaned_data, add_error):
    topics = set(cleaned_data.get("topics") or [])
    no_go = set(cleaned_data.get("no_go_topics") or [])
    if topics & no_go:
        add_error(
            "no_go_topics",
            _("A topic cannot be both one you speak on and one you never discuss."),
        )


class NoColonMixin:
    """Labels without a trailing colon (they sit above their fields)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ExpertProfileForm(NoColonMixin, forms.ModelForm):
    """What the expert edits about themselves in the portal."""

    regions = regions_field()
    languages = languages_field()

    class Meta:
        model = Expert
        fields = [
            "public_name",
            "identity_mode",
            "show_photo",
            "short_bio",
            "bio",
            "short_bio_en",
            "bio_en",
            "topics",
            "no_go_topics",
            "formats",
            "audiences",
            "regions",
            "languages",
            "media_face_visible",
            "media_voice_altered",
            "media_name_on_record",
            "media_recording_allowed",
            "media_quote_review_required",
            "monthly_capacity",
            "rest_days_after_heavy",
            "reminder_days_before",
            "feedback_emails",
        ]
        widgets = {
            "identity_mode": forms.RadioSelect,
            "reminder_days_before": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 8}),
            "short_bio": forms.Textarea(attrs={"rows": 2}),
            "bio_en": forms.Textarea(attrs={"rows": 8, "lang": "en"}),
            "short_bio_en": forms.Textarea(attrs={"rows": 2, "lang": "en"}),
            "topics": forms.CheckboxSelectMultiple,
            "no_go_topics": forms.CheckboxSelectMultiple,
            "formats": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "bio": BIO_HELP,
            "bio_en": BIO_HELP,
            "short_bio_en": _(
                "Only if you want to. Empty: the English website shows no introduction."
            ),
            "public_name": _(
                "Your own name or a pseudonym. Shown only if you choose to be public."
            ),
            "identity_mode": _(
                "Not public: you never appear on the website. Organisations only hear about you "
                "through a coordinator."
            ),
            "show_photo": _("Only if you are public and a coordinator has added a photo."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["monthly_capacity"].widget.attrs.update({"min": 0, "max": 31})
        self.fields["rest_days_after_heavy"].widget.attrs.update({"min": 0, "max": 60})
        # Not choosing keeps what she had (older pages of the form did not have this question).
        self.fields["reminder_days_before"].required = False

    def clean_reminder_days_before(self):
        value = self.cleaned_data.get("reminder_days_before")
        return value or self.instance.reminder_days_before

    def clean_bio(self):
        bio = self.cleaned_data.get("bio", "")
        validate_bio_length(bio)
        return bio

    def clean(self):
        cleaned_data = super().clean()
        _check_topics(cleaned_data, self.add_error)
        return cleaned_data


class ExpertAdminForm(WagtailAdminModelForm):
    """The coordinators' form in the Wagtail admin."""

    regions = regions_field()
    languages = languages_field()

    def clean_bio(self):
        bio = self.cleaned_data.get("bio", "")
        validate_bio_length(bio)
        return clean_bio(bio)

    def clean_bio_en(self):
        return clean_bio(self.cleaned_data.get("bio_en", ""))

    def clean(self):
        cleaned_data = super().clean()
        _check_topics(cleaned_data, self.add_error)
        until = cleaned_data.get("paused_until")
        if cleaned_data.get("paused") and until is not None and until <= today_local():
            self.add_error("paused_until", _("Choose a date in the future, or leave it empty."))
        return cleaned_data


class PauseForm(NoColonMixin, forms.Form):
    paused_until = forms.DateField(
        label=_("Last day of the pause (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to pause until you switch it back on yourself."),
    )
    hide_profile = forms.BooleanField(
        label=_("Also hide my public profile now"),
        required=False,
        help_text=_("You can show it again from your profile whenever you like."),
    )

    def clean_paused_until(self):
        value = self.cleaned_data.get("paused_until")
        if value is not None and value <= today_local():
            raise ValidationError(_("Choose a date in the future, or leave it empty."))
        return value


class UnavailabilityForm(NoColonMixin, forms.Form):
    """A period in local time (Europe/Amsterdam), once or every week."""

    REPEAT_CHOICES = [("once", _("Once")), ("weekly", _("Every week"))]

    start_date = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty if it ends on the start date."),
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    repeat = forms.ChoiceField(
        label=_("Repeat"), choices=REPEAT_CHOICES, initial="once", widget=forms.RadioSelect
    )
    repeat_until = forms.DateField(
        label=_("Last week (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only for a weekly period. Leave empty to repeat without end."),
    )
    label = forms.CharField(
        label=_("Note for yourself (optional)"),
        required=False,
        max_length=100,
        help_text=_("Only you see this."),
    )

    def clean(self):
        cleaned_data = super().clean()
        start_date, start_time = cleaned_data.get("start_date"), cleaned_data.get("start_time")
        end_time = cleaned_data.get("end_time")
        if start_date and start_time and end_time:
            end_date = cleaned_data.get("end_date") or start_date
            cleaned_data["start"] = datetime.datetime.combine(
                start_date, start_time, tzinfo=AMSTERDAM
            )
            cleaned_data["end"] = datetime.datetime.combine(end_date, end_time, tzinfo=AMSTERDAM)
        return cleaned_data


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the expert"))
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, initial="nl"
    )
