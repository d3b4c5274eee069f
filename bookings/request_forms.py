"""The request form of the organisation's side (new and edited). It parses and checks input;
the services decide and save.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bookings.enums import Audience, EngagementKind, Medium, MeetingMode
from bookings.models import MAX_AUDIENCE_SIZE, MAX_DATE_OPTIONS
from bookings.services.request_base import MEDIA_FIELDS, REQUEST_FIELDS
from hope.submission import SubmissionTokenField

DURATION_CHOICES = [
    ("", _("Not sure yet")),
    ("30", _("30 minutes")),
    ("60", _("1 hour")),
    ("90", _("1.5 hours")),
    ("120", _("2 hours")),
    ("180", _("3 hours")),
    ("240", _("Half a day")),
    ("480", _("A full day")),
]
MAX_FEE = 100_000


def _topics_queryset():
    from speakers.models import Topic

    return Topic.objects.order_by("name")


def _experts_queryset():
    from speakers.selectors import public_experts

    return public_experts().prefetch_related(None)


class ExpertChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.public_name


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class BookingRequestForm(forms.Form):
    """What the organisation asks for. Media fields are always present, used only for media."""

    submission_token = SubmissionTokenField()

    kind = forms.ChoiceField(
        label=_("What would you like to ask us for?"),
        choices=EngagementKind.choices,
        widget=forms.RadioSelect,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose the themes that fit best. Not sure? Leave them open."),
    )
    title = forms.CharField(
        label=_("Short title"),
        max_length=200,
        help_text=_("For example: Training on recognising signals for our youth workers"),
    )
    description = forms.CharField(
        label=_("What is your question?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What would you like to achieve, and why with an expert by experience? Please do not "
            "share personal details of clients or victims."
        ),
    )
    audience_description = forms.CharField(
        label=_("Who is the audience?"),
        max_length=300,
        help_text=_("For example: 25 youth-care workers and two team leads"),
    )
    audience_kind = forms.ChoiceField(
        label=_("Kind of audience"),
        choices=[("", _("Choose…")), *Audience.choices],
        required=False,
    )
    audience_size = forms.IntegerField(
        label=_("How many people, about?"),
        min_value=1,
        max_value=MAX_AUDIENCE_SIZE,
        required=False,
        help_text=_("Leave empty for a conversation or an interview."),
    )
    mode = forms.ChoiceField(
        label=_("In person or online?"),
        choices=MeetingMode.choices,
        initial=MeetingMode.IN_PERSON,
        widget=forms.RadioSelect,
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Town and venue. Needed when you meet in person."),
    )
    duration_minutes = forms.TypedChoiceField(
        label=_("How long will it take?"),
        choices=DURATION_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    fee_offered = forms.DecimalField(
        label=_("Fee you offer (euro)"),
        min_value=0,
        max_value=MAX_FEE,
        decimal_places=2,
        max_digits=8,
        required=False,
        help_text=_("The amount you have in mind for the expert, excluding travel costs."),
    )
    preferred_expert = ExpertChoiceField(
        label=_("Preferred expert (optional)"),
        queryset=None,
        required=False,
        empty_label=_("No preference"),
        help_text=_("We ask them first if they fit and are available; they decide freely."),
    )
    offering = forms.IntegerField(required=False, widget=forms.HiddenInput)

    media_outlet = forms.CharField(label=_("Outlet"), max_length=200, required=False)
    media_medium = forms.ChoiceField(
        label=_("Medium"), choices=[("", _("Choose…")), *Medium.choices], required=False
    )
    media_publication_date = forms.DateField(
        label=_("Planned publication date"), required=False, widget=DateInput()
    )
    media_questions = forms.CharField(
        label=_("Your questions in advance"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("We need them before an interview can be planned. You may add them later."),
    )
    media_identity_conditions_accepted = forms.BooleanField(
        label=_(
            "I accept the expert's identity conditions (for example: no name, face not visible, "
            "voice altered) and will keep to them in what we publish."
        ),
        required=False,
    )
    media_support_person = forms.CharField(
        label=_("Support person (if known)"),
        max_length=200,
        required=False,
        help_text=_("Someone the expert trusts is present; we agree on who with you."),
    )
    media_quote_review_agreed = forms.BooleanField(
        label=_("The expert may review their quotes before publication."),
        required=False,
    )

    consent = forms.BooleanField(
        label=_(
            "I agree that Platform HOPE stores these details to handle my request, as described "
            "in the privacy statement."
        ),
        required=True,
        error_messages={"required": _("Please agree to the privacy statement.")},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = _topics_queryset()
        self.fields["preferred_expert"].queryset = _experts_queryset()
        for position in range(1, MAX_DATE_OPTIONS + 1):
            self.fields[f"date_{position}"] = forms.DateField(
                label=_("Date"), required=False, widget=DateInput()
            )
            self.fields[f"start_{position}"] = forms.TimeField(
                label=_("From"), required=False, widget=TimeInput()
            )
            self.fields[f"end_{position}"] = forms.TimeField(
                label=_("Until"), required=False, widget=TimeInput()
            )

    # --- grouping for the template --------------------------------------------------------------
    MEDIA_FIELD_NAMES = MEDIA_FIELDS

    def date_option_rows(self):
        return [
            (position, self[f"date_{position}"], self[f"start_{position}"], self[f"end_{position}"])
            for position in range(1, MAX_DATE_OPTIONS + 1)
        ]

    def media_fields(self):
        return [self[name] for name in self.MEDIA_FIELD_NAMES]

    # --- validation -----------------------------------------------------------------------------
    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_media_publication_date(self):
        value = self.cleaned_data.get("media_publication_date")
        if value and value < timezone.localdate():
            raise forms.ValidationError(_("The publication date lies in the past."))
        return value

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if (
            cleaned.get("mode") in (MeetingMode.IN_PERSON, MeetingMode.HYBRID)
            and not (cleaned.get("place") or "").strip()
        ):
            self.add_error("place", _("Tell us where, as you meet in person."))
        if kind == EngagementKind.MEDIA_INTERVIEW:
            if not (cleaned.get("media_outlet") or "").strip():
                self.add_error("media_outlet", _("For a media interview, name the outlet."))
            if not cleaned.get("media_medium"):
                self.add_error("media_medium", _("For a media interview, choose the medium."))
            if not cleaned.get("media_identity_conditions_accepted"):
                self.add_error(
                    "media_identity_conditions_accepted",
                    _(
                        "A media interview is only possible when you accept the expert's "
                        "identity conditions."
                    ),
                )
        cleaned["date_options"] = self._clean_date_options(cleaned)
        return cleaned

    def _clean_date_options(self, cleaned) -> list[tuple[dt.datetime, dt.datetime]]:
        options = []
        now = timezone.now()
        for position in range(1, MAX_DATE_OPTIONS + 1):
            date = cleaned.get(f"date_{position}")
            start = cleaned.get(f"start_{position}")
            end = cleaned.get(f"end_{position}")
            names = (f"date_{position}", f"start_{position}", f"end_{position}")
            if any(name in self.errors for name in names):
                continue
            if date is None and start is None and end is None:
                continue
            if date is None or start is None or end is None:
                missing = [
                    name
                    for name, value in zip(names, (date, start, end), strict=True)
                    if value is None
                ]
                self.add_error(
                    missing[0],
                    _("Fill in the date, the start and the end time of option %(number)s.")
                    % {"number": position},
                )
                continue
            starts_at = timezone.make_aware(dt.datetime.combine(date, start))
            ends_at = timezone.make_aware(dt.datetime.combine(date, end))
            if starts_at < now:
                self.add_error(f"date_{position}", _("This date lies in the past."))
                continue
            if ends_at <= starts_at:
                self.add_error(f"end_{position}", _("The end time must be after the start time."))
                continue
            options.append((starts_at, ends_at))
        return options

    def request_data(self) -> dict:
        """The request fields for the services."""
        # The fields the services take (one list, theirs), but the offering: intake takes it
        # from the address, and a change never touches it.
        names = [name for name in REQUEST_FIELDS if name != "offering"]
        return {name: self.cleaned_data.get(name) for name in names}


class EditBookingRequestForm(BookingRequestForm):
    """Changing a request in triage: no consent again, and the version guards against overwrites."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["consent"]
        del self.fields["website"]
        del self.fields["offering"]

    @classmethod
    def initial_for(cls, booking_request) -> dict:
        skip = {"consent", "website", "offering", "version", "topics", "preferred_expert"}
        initial = {
            name: getattr(booking_request, name) for name in cls.base_fields if name not in skip
        }
        initial["preferred_expert"] = booking_request.preferred_expert_id
        initial["topics"] = list(booking_request.topics.values_list("pk", flat=True))
        initial["version"] = booking_request.version
        local = timezone.get_current_timezone()
        for position, option in enumerate(booking_request.date_options.all(), start=1):
            starts = option.starts_at.astimezone(local)
            ends = option.ends_at.astimezone(local)
            initial[f"date_{position}"] = starts.date()
            initial[f"start_{position}"] = starts.time()
            initial[f"end_{position}"] = ends.time()
        return initial
