"""Emails to experts. Only what she may see: her own name, the kind, title, organisation, day
and town of what she is asked; the address once she is booked. Never another expert's name,
no coordinator's notes."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bookings.email_texts.placeholders import (
    CITY,
    DATE,
    DAY,
    DETAILS,
    END_TIME,
    FIRST_NAME,
    KIND,
    MARKER_ENGAGEMENT,
    MODE,
    ORGANISATION,
    PLACE,
    PORTAL_URL,
    SAMPLE_ENDS_AT,
    SAMPLE_STARTS_AT,
    SAMPLE_URL,
    SITE_NAME,
    TITLE,
    details,
    markers,
    spec_maker,
    url,
)
from bookings.enums import EngagementKind, MeetingMode, OrganisationKind
from bookings.models.followup import CheckInAnswer
from hope.mailtemplates.registry import EmailTemplateSpec, Placeholder

AUDIENCE = _("Expert")

INTRO = Placeholder(
    "intro",
    _("The opening sentence: a new question, or a question asked again after a move"),
    lambda c: render_to_string("email/bookings/parts/expert_asked_intro.txt", c).strip(),
    _("A coordinator of Platform HOPE would like to ask you for an engagement."),
)
PRACTICAL_INFO = Placeholder(
    "practical_info",
    _("Practical information for the day, as the coordinator wrote it for her"),
    lambda c: getattr(c.get("engagement"), "practical_info", "") or "",
    _("Ask for Sanne at the front desk."),
)


def specs() -> list[EmailTemplateSpec]:
    spec = spec_maker(AUDIENCE)

    engagement = {"engagement": MARKER_ENGAGEMENT}
    return [
        spec(
            "bookings/expert_asked",
            _("Asked for an engagement"),
            (
                FIRST_NAME,
                INTRO,
                KIND,
                TITLE,
                ORGANISATION,
                DATE,
                END_TIME,
                CITY,
                details(
                    "expert_asked",
                    _("What, organisation, topics, when, where, fee"),
                    {
                        "kind": EngagementKind.TRAINING.label,
                        "booking_request": {"title": "Training for youth workers"},
                        "organisation_name": "Gemeente Voorbeeld",
                        "organisation_kind": OrganisationKind.MUNICIPALITY.label,
                        "engagement": {"starts_at": SAMPLE_STARTS_AT, "ends_at": SAMPLE_ENDS_AT},
                        "mode": MeetingMode.IN_PERSON.label,
                        "city": "Utrecht",
                        "fee_offered": None,
                    },
                ),
                url("yes_url", _("Link for “yes”")),
                url("no_url", _("Link for “no”")),
                PORTAL_URL,
                SITE_NAME,
            ),
            markers("yes_url", "no_url", "portal_url", kind=DETAILS, valid_days=7, **engagement),
            replacements=(
                (
                    lambda: gettext(
                        "A coordinator of Platform HOPE would like to ask you for an engagement."
                    ),
                    "{{ intro }}",
                ),
            ),
        ),
        spec(
            "bookings/reminder_expert",
            _("Reminder before the engagement"),
            (FIRST_NAME, DAY, DATE, END_TIME, MODE, PLACE, PRACTICAL_INFO, PORTAL_URL, SITE_NAME),
            markers("mode", "place", "practical_info", "portal_url", **engagement),
        ),
        spec(
            "bookings/aftercare_checkin",
            _("Aftercare check-in"),
            (
                FIRST_NAME,
                DAY,
                details(
                    "aftercare_checkin",
                    _("Each answer with its link"),
                    {"answers": [(label, SAMPLE_URL) for _value, label in CheckInAnswer.choices]},
                ),
                SITE_NAME,
            ),
            markers(answers=[(DETAILS, "")], **engagement),
        ),
        spec(
            "bookings/feedback_expert",
            _("How did it go? (her feedback)"),
            (FIRST_NAME, DAY, PORTAL_URL, SITE_NAME),
            markers("portal_url", **engagement),
        ),
        spec(
            "bookings/admin/engagement_confirmed_expert",
            _("The engagement is confirmed"),
            (FIRST_NAME, KIND, DATE, END_TIME, MODE, PLACE, SITE_NAME),
            markers("kind", "mode", "place", **engagement),
            files="bookings/admin/email/engagement_confirmed_expert",
        ),
    ]
