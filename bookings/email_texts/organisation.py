"""Emails to an organisation's contacts (and guests asking for an expert).

Only what the organisation may read anyway: no expert's name beyond `bookings.identity`, no
aftercare, no internal notes, no messages (those are read logged in, never in an email).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bookings.email_texts.placeholders import (
    DATE,
    DETAILS,
    END_TIME,
    EXPERT_FOR_ORGANISATION,
    FIRST_NAME,
    KIND,
    MARKER_ENGAGEMENT,
    MODE,
    NEXT_STEP,
    OLD_DATE,
    ORGANISATION,
    PLACE,
    REFERENCE,
    REQUEST_URL,
    SAMPLE_URL,
    SITE_NAME,
    STATUS,
    TITLE,
    details,
    markers,
    spec_maker,
    url,
)
from hope.mailtemplates.registry import MARKER_OLD_STARTS_AT, EmailTemplateSpec, Placeholder

AUDIENCE = _("Organisation")
_COMMON = (FIRST_NAME, REFERENCE, TITLE, ORGANISATION, REQUEST_URL, SITE_NAME)
_ABOUT = (REFERENCE, TITLE, SITE_NAME)


def _colleague_organisation(context):
    return getattr(context.get("organisation"), "name", "")


COLLEAGUE_ORGANISATION = Placeholder(
    "organisation_name",
    _("Name of the organisation"),
    _colleague_organisation,
    "Gemeente Voorbeeld",
)
INVITED_BY = Placeholder(
    "invited_by_name",
    _("Name of the colleague who added this person"),
    lambda c: c.get("invited_by_name"),
    "Sanne de Vries",
)
CONFIRM_URL = url("confirm_url", _("Link that confirms the email address"), "/accounts/confirm/…/")


def specs() -> list[EmailTemplateSpec]:
    spec = spec_maker(AUDIENCE)

    engagement = {"engagement": MARKER_ENGAGEMENT}
    return [
        spec("bookings/more_info_needed", _("More information needed"), _COMMON, markers()),
        spec("bookings/receipt", _("Request received"), _COMMON, markers()),
        spec("bookings/new_message", _("New message from a coordinator"), _COMMON, markers()),
        spec(
            "bookings/status_changed",
            _("News about the request"),
            (*_COMMON, STATUS, NEXT_STEP),
            markers("status_label", "next_step", request_url="{{ request_url }}"),
        ),
        spec(
            "bookings/guest_confirm",
            _("Guest: confirm the email address"),
            (*_COMMON, CONFIRM_URL),
            markers("confirm_url"),
        ),
        spec(
            "bookings/guest_confirm_login",
            _("Guest with an account: confirm the request"),
            _COMMON,
            markers("request_url"),
        ),
        spec(
            "bookings/colleague_invited",
            _("A colleague was added to the organisation"),
            (
                FIRST_NAME,
                COLLEAGUE_ORGANISATION,
                INVITED_BY,
                details(
                    "colleague_invited",
                    _("Choose your password here (the link works for three days): …"),
                    {"set_password_url": SAMPLE_URL, "login_url": SAMPLE_URL},
                ),
                SITE_NAME,
            ),
            markers(
                "invited_by_name",
                organisation={"name": "{{ organisation_name }}"},
                set_password_url=DETAILS,
                login_url=DETAILS,
            ),
        ),
        spec(
            "bookings/media_details_missing",
            _("Interview: what is still needed"),
            (
                *_ABOUT,
                details(
                    "media_details_missing",
                    _("What is still needed, as a list"),
                    {
                        "reference": "HOPE-2026-0042",
                        "title": "Interview",
                        "missing": [_("No support person has been named.")],
                    },
                ),
                url("media_url", _("Link to the page where they add it")),
            ),
            markers("media_url", missing=[DETAILS]),
        ),
        spec(
            "bookings/media_conditions",
            _("Interview: the expert's conditions"),
            (
                *_ABOUT,
                details(
                    "media_conditions",
                    _("The expert's conditions, and the link to accept them"),
                    {"statement": "…", "accept_url": SAMPLE_URL},
                ),
                url("accept_url", _("Link to accept the conditions")),
            ),
            markers(statement=DETAILS, accept_url=DETAILS),
        ),
        spec(
            "bookings/reminder_organisation",
            _("Reminder before the engagement"),
            (*_ABOUT, DATE, END_TIME, MODE, PLACE, EXPERT_FOR_ORGANISATION),
            markers("mode", "place", "expert_name", **engagement),
        ),
        spec(
            "bookings/reminder_evaluation",
            _("How did it go? (feedback request)"),
            (*_ABOUT, url("evaluate_url", _("Link to the feedback form"))),
            markers("evaluate_url"),
        ),
        spec(
            "bookings/impact_question",
            _("What changed? (three months later)"),
            (*_ABOUT, url("answer_url", _("Link to the answer form"))),
            markers("answer_url"),
        ),
        spec(
            "bookings/admin/engagement_confirmed_organisation",
            _("The date is fixed"),
            (*_ABOUT, FIRST_NAME, DATE, END_TIME, EXPERT_FOR_ORGANISATION),
            markers("expert_name", **engagement),
            files="bookings/admin/email/engagement_confirmed_organisation",
        ),
        spec(
            "bookings/admin/engagement_moved",
            _("The engagement moved"),
            (*_ABOUT, FIRST_NAME, OLD_DATE, DATE, END_TIME),
            markers(old_starts_at=MARKER_OLD_STARTS_AT, **engagement),
            files="bookings/admin/email/engagement_moved",
        ),
        EmailTemplateSpec(
            template="bookings/admin/engagement_cancelled",
            label=_("The engagement was cancelled"),
            audience=_("Organisation and expert"),
            # The same email goes to both: only what both may read.
            placeholders=(FIRST_NAME, REFERENCE, TITLE, KIND, DATE, SITE_NAME),
            marker_context=markers(**engagement),
            files="bookings/admin/email/engagement_cancelled",
        ),
    ]
