"""Emails to coordinators. They may read the expert's public name, never aftercare notes, no-go
topics or private notes: those are read in the back office."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bookings.email_texts.placeholders import (
    ADMIN_LINK,
    ADMIN_URL,
    ASKED_AT,
    DETAILS,
    EXPERT_FOR_COORDINATORS,
    KIND,
    MARKER_ENGAGEMENT,
    MARKER_REQUEST,
    ORGANISATION,
    REFERENCE,
    SAMPLE_STARTS_AT,
    SAMPLE_URL,
    SITE_NAME,
    STATUS,
    TITLE,
    details,
    markers,
    sample_of,
    spec_maker,
    summary,
)
from hope.mailtemplates.registry import EmailTemplateSpec, Placeholder

AUDIENCE = _("Coordinators")

VERIFICATION = Placeholder(
    "verification",
    _("“This organisation has not been verified yet.” when that is so, else nothing"),
    lambda c: render_to_string("email/bookings/parts/verification.txt", c).strip(),
    _("This organisation has not been verified yet."),
)
NOTE_HINT = Placeholder(
    "note_hint",
    _("“There is a private note for you in the back office.” when she left one"),
    lambda c: (
        gettext("There is a private note for you in the back office.") if c.get("has_note") else ""
    ),
    _("There is a private note for you in the back office."),
)
PAUSE = Placeholder(
    "pause",
    _("Since when and until when she paused, as in the standard text"),
    lambda c: render_to_string("email/bookings/parts/expert_paused_sentence.txt", c).strip(),
    sample_of("expert_paused_sentence", {"expert_name": "Noor"}),
)
_ABOUT = (ORGANISATION, REFERENCE, TITLE, ADMIN_URL, SITE_NAME)

# Sample data for the preview of the structured parts.
REF = "HOPE-2026-0042"
WHEN = SAMPLE_STARTS_AT
ANSWERED = {"accepted": True, "confirmed": True, "expert_name": "Noor", "reference": REF}
ALERT = {"support_now": False, "expert_name": "Noor", "reference": REF}
DIGEST = {
    "groups": [
        {
            "reference": REF,
            "title": "Training for youth workers",
            "lines": [_("The organisation sent a message.")],
            "url": SAMPLE_URL,
        }
    ]
}


def _not_verified():
    return gettext("This organisation has not been verified yet.")


def _paused_until_further_notice():
    return gettext("%(expert_name)s has paused her work until further notice.") % {
        "expert_name": "{{ expert_name }}"
    }


def specs() -> list[EmailTemplateSpec]:
    spec = spec_maker(AUDIENCE, replacements=ADMIN_LINK)

    unverified = {**MARKER_REQUEST, "organisation": {"name": "{{ organisation_name }}"}}
    engagement = {"engagement": MARKER_ENGAGEMENT}
    expert = (REFERENCE, EXPERT_FOR_COORDINATORS, ADMIN_URL, SITE_NAME)
    return [
        spec(
            "bookings/coordinator_new_request",
            _("New request to triage"),
            (*_ABOUT, KIND, VERIFICATION),
            markers(booking_request=unverified),
            replacements=((_not_verified, "{{ verification }}"),),
        ),
        spec(
            "bookings/coordinator_status_changed",
            _("The organisation changed a request"),
            (*_ABOUT, STATUS),
            markers("status_label"),
        ),
        spec(
            "bookings/new_message_coordinator",
            _("New message from the organisation"),
            _ABOUT,
            markers(),
        ),
        spec(
            "bookings/coordinator_evaluation",
            _("Feedback received"),
            _ABOUT,
            markers(),
        ),
        spec(
            "bookings/expert_answered_coordinator",
            _("An expert answered"),
            (
                *expert,
                summary("email/bookings/expert_answered_coordinator", ANSWERED),
                details("expert_answered", _("Her answer, and what is still needed"), ANSWERED),
            ),
            markers("expert_name", accepted=True, missing=[DETAILS], **engagement),
        ),
        spec(
            "bookings/expert_withdrew_coordinator",
            _("An expert can't after all"),
            (*expert, NOTE_HINT),
            markers("expert_name", has_note=True),
            replacements=(
                *ADMIN_LINK,
                (
                    lambda: gettext("There is a private note for you in the back office."),
                    "{{ note_hint }}",
                ),
            ),
        ),
        spec(
            "bookings/expert_paused_coordinator",
            _("An expert paused her work"),
            (
                EXPERT_FOR_COORDINATORS,
                PAUSE,
                details(
                    "expert_paused",
                    _("Her open questions and upcoming engagements"),
                    {"open_questions": [{"request": {"reference": REF}, "starts_at": WHEN}]},
                ),
                ADMIN_URL,
                SITE_NAME,
            ),
            markers("expert_name", open_questions=[{"request": {"reference": DETAILS}}]),
            replacements=(*ADMIN_LINK, (_paused_until_further_notice, "{{ pause }}")),
        ),
        spec(
            "bookings/reminder_answer_overdue",
            _("No answer from an expert"),
            (*expert, ASKED_AT),
            markers("expert_name", **engagement),
        ),
        spec(
            "bookings/aftercare_alert",
            _("Aftercare: an expert asks for support"),
            (
                *expert,
                summary("email/bookings/aftercare_alert", ALERT),
                details("aftercare_alert", _("What she answered, and what to do"), ALERT),
            ),
            markers("expert_name", reference=DETAILS),
        ),
        spec(
            "bookings/coordinator_digest",
            _("Daily overview"),
            (
                summary("email/bookings/coordinator_digest", DIGEST),
                details(
                    "coordinator_digest", _("The news per request, with a link to each"), DIGEST
                ),
                SITE_NAME,
            ),
            markers(groups=[{"reference": DETAILS, "lines": []}]),
        ),
    ]
