"""The organisation's emails whose text coordinators may change (hope.mailtemplates).

Each placeholder reads one plain value from the email's context. Only what the organisation may
read anyway is offered: no expert names, no aftercare, no internal notes, no messages (those are
read logged in, never in an email).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hope.mailtemplates.registry import EmailTemplateSpec, Placeholder, register


def _first_name(context):
    recipient = context.get("recipient")
    return getattr(recipient, "first_name", "") or ""


def _organisation(context):
    booking_request = context.get("booking_request")
    return booking_request.organisation.name if booking_request is not None else ""


FIRST_NAME = Placeholder(
    "first_name", _("First name of the person the email is for"), _first_name, "Sanne"
)
REFERENCE = Placeholder(
    "reference", _("Reference of the request"), lambda c: c.get("reference"), "HOPE-2026-0042"
)
TITLE = Placeholder(
    "request_title",
    _("Title of the request"),
    lambda c: c.get("title"),
    "Training for youth workers",
)
ORGANISATION = Placeholder(
    "organisation_name", _("Name of the organisation"), _organisation, "Gemeente Voorbeeld"
)
REQUEST_URL = Placeholder(
    "request_url",
    _("Link to the request's page in the portal"),
    lambda c: c.get("request_url"),
    "https://platformhope.example/portaal/aanvragen/HOPE-2026-0042/",
)
SITE_NAME = Placeholder(
    "site_name", _("Name of the site"), lambda c: c.get("site_name"), "Platform HOPE"
)
STATUS = Placeholder(
    "status_label",
    _("Where the request stands, in the organisation's words"),
    lambda c: c.get("status_label"),
    "Scheduled",
)
NEXT_STEP = Placeholder(
    "next_step", _("What happens next"), lambda c: c.get("next_step"), "We fix the date with you."
)

_COMMON = (FIRST_NAME, REFERENCE, TITLE, ORGANISATION, REQUEST_URL, SITE_NAME)


def _markers(**extra) -> dict:
    """The file template's context with placeholders as markers (the editor's starting text)."""
    context = {
        "recipient": {"first_name": "{{ first_name }}", "email": "{{ first_name }}"},
        "reference": "{{ reference }}",
        "title": "{{ request_title }}",
        "request_url": "{{ request_url }}",
    }
    context.update(extra)
    return context


# (template, label, extra placeholders, extra markers): the organisation's editable emails.
_EDITABLE = (
    ("bookings/more_info_needed", _("More information needed"), (), {}),
    ("bookings/receipt", _("Request received"), (), {}),
    ("bookings/new_message", _("New message from a coordinator"), (), {}),
    (
        "bookings/status_changed",
        _("News about the request"),
        (STATUS, NEXT_STEP),
        {"status_label": "{{ status_label }}", "next_step": "{{ next_step }}"},
    ),
)


def register_email_texts() -> None:
    for template, label, extra, markers in _EDITABLE:
        register(
            EmailTemplateSpec(
                template=template,
                label=label,
                audience=_("Organisation"),
                placeholders=(*_COMMON, *extra),
                marker_context=_markers(**markers),
            )
        )
