"""The placeholders coordinators may use in bookings' emails, each one plain value.

A placeholder reads the email's render context and returns one string. Names of experts go
through `bookings.identity` (who sees which name); nothing here reads aftercare notes, no-go
topics, private notes or messages. Which placeholders an email offers depends on who reads it
(see the audience modules next to this one).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from bookings.identity import expert_display_name
from hope.mailtemplates.registry import (
    DETAILS,
    MARKER_ASKED_AT,
    MARKER_ENDS_AT,
    MARKER_STARTS_AT,
    EmailTemplateSpec,
    Placeholder,
)


def request_of(context):
    booking_request = context.get("booking_request")
    if booking_request is None:
        booking_request = getattr(context.get("engagement"), "request", None)
    return booking_request


def _engagement_field(name):
    return lambda context: getattr(context.get("engagement"), name, None)


def _when(value, date_format: str) -> str:
    if not value:
        return ""
    return formats.date_format(timezone.localtime(value), date_format)


def _from_request(key: str, attribute: str):
    def value(context):
        if context.get(key):
            return context[key]
        return getattr(request_of(context), attribute, "")

    return value


def _organisation_name(context):
    booking_request = request_of(context)
    return booking_request.organisation.name if booking_request is not None else ""


def _kind(context):
    booking_request = request_of(context)
    return booking_request.get_kind_display() if booking_request is not None else ""


def _mode(context):
    booking_request = request_of(context)
    return booking_request.get_mode_display() if booking_request is not None else ""


def _city(context):
    from bookings.services.expert_answers import city_of

    return city_of(getattr(request_of(context), "place", ""))


def _expert_for_coordinators(context):
    expert = getattr(context.get("engagement"), "expert", None)
    return expert.public_name if expert is not None else context.get("expert_name", "")


def _expert_for_organisation(context):
    expert = getattr(context.get("engagement"), "expert", None)
    return expert_display_name(expert) if expert is not None else ""


def _admin_url(context):
    return context.get("admin_url") or settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"


def _greeting_name(context):
    recipient = context.get("recipient")
    return getattr(recipient, "greeting_name", "") or ""


SAMPLE_STARTS_AT = dt.datetime(2026, 3, 3, 13, 0, tzinfo=dt.UTC)
SAMPLE_ENDS_AT = dt.datetime(2026, 3, 3, 15, 0, tzinfo=dt.UTC)
SAMPLE_URL = "https://platformhope.nl/…"


def _part(part: str, context) -> str:
    return render_to_string(f"email/bookings/parts/{part}.txt", context).strip()


def sample_of(part: str, context: dict):
    """A sample that is the part rendered from sample data, in the language of the preview."""
    return lazy(lambda: _part(part, {"site_name": "Platform HOPE", **context}), str)()


def details(part: str, description, sample_context: dict) -> Placeholder:
    """The structured part of an email (a list, a block of facts), from a small file template
    in bookings/templates/email/bookings/parts/: coordinators edit the text around it."""
    return Placeholder(
        "details",
        description,
        lambda context: _part(part, context),
        sample_of(part, sample_context),
    )


def _sample_when(value, date_format: str):
    return lazy(lambda: _when(value, date_format), str)()


def _subject(template: str, context) -> str:
    return " ".join(render_to_string(f"{template}_subject.txt", context).split())


def summary(template: str, sample_context: dict) -> Placeholder:
    """The standard subject, for emails whose subject depends on the case (urgent or not)."""
    return Placeholder(
        "summary",
        _("The standard subject (it differs per case)"),
        lambda context: _subject(template, context),
        lazy(lambda: _subject(template, {"site_name": "Platform HOPE", **sample_context}), str)(),
    )


def url(name: str, description, sample_path: str = "") -> Placeholder:
    return Placeholder(
        name,
        description,
        lambda context: context.get(name),
        "https://platformhope.nl" + sample_path,
    )


FIRST_NAME = Placeholder(
    "first_name", _("First name of the person the email is for"), _greeting_name, "Sanne"
)
REFERENCE = Placeholder(
    "reference",
    _("Reference of the request"),
    _from_request("reference", "reference"),
    "HOPE-2026-0042",
)
TITLE = Placeholder(
    "request_title",
    _("Title of the request"),
    _from_request("title", "title"),
    "Training for youth workers",
)
ORGANISATION = Placeholder(
    "organisation_name", _("Name of the organisation"), _organisation_name, "Gemeente Voorbeeld"
)
SITE_NAME = Placeholder(
    "site_name", _("Name of the site"), lambda c: c.get("site_name"), "Platform HOPE"
)
REQUEST_URL = url(
    "request_url",
    _("Link to the request's page in the portal"),
    "/portaal/aanvragen/HOPE-2026-0042/",
)
PORTAL_URL = url("portal_url", _("Link to the portal"), "/portaal/")
ADMIN_URL = Placeholder(
    "admin_url",
    _("Link to the back office"),
    _admin_url,
    "https://platformhope.nl/admin/aanvragen/42/",
)
STATUS = Placeholder(
    "status_label",
    _("Where the request stands"),
    lambda c: c.get("status_label"),
    "Scheduled",
)
NEXT_STEP = Placeholder(
    "next_step", _("What happens next"), lambda c: c.get("next_step"), "We fix the date with you."
)
KIND = Placeholder("kind", _("Kind of engagement"), _kind, "Training")
DATE = Placeholder(
    "date",
    _("Day and start time of the engagement"),
    lambda c: _when(_engagement_field("starts_at")(c), "l j F Y H:i"),
    _sample_when(SAMPLE_STARTS_AT, "l j F Y H:i"),
)
DAY = Placeholder(
    "day",
    _("Day of the engagement"),
    lambda c: _when(_engagement_field("starts_at")(c), "l j F"),
    _sample_when(SAMPLE_STARTS_AT, "l j F"),
)
END_TIME = Placeholder(
    "end_time",
    _("End time of the engagement"),
    lambda c: _when(_engagement_field("ends_at")(c), "H:i"),
    "16:00",
)
ASKED_AT = Placeholder(
    "asked_at",
    _("When the expert was asked"),
    lambda c: _when(_engagement_field("created_at")(c), "j F H:i"),
    _sample_when(SAMPLE_STARTS_AT - dt.timedelta(days=2), "j F H:i"),
)
OLD_DATE = Placeholder(
    "old_date",
    _("Day and start time before the change"),
    lambda c: _when(c.get("old_starts_at"), "l j F Y H:i"),
    _sample_when(SAMPLE_STARTS_AT - dt.timedelta(days=1, hours=4), "l j F Y H:i"),
)
MODE = Placeholder("mode", _("In person or online"), _mode, "In person")
CITY = Placeholder("city", _("Town of the engagement (never the address)"), _city, "Utrecht")
PLACE = Placeholder(
    "place",
    _("Address of the engagement (only for the organisation and the booked expert)"),
    lambda c: getattr(request_of(c), "place", ""),
    "Catharijnesingel 1, Utrecht",
)
EXPERT_FOR_COORDINATORS = Placeholder(
    "expert_name",
    _("The expert's public name (coordinators know it)"),
    _expert_for_coordinators,
    "Noor",
)
EXPERT_FOR_ORGANISATION = Placeholder(
    "expert_name",
    _("The expert's name only if she chose to be public, else a neutral description"),
    _expert_for_organisation,
    "Noor",
)

# For the editor's starting text: the file template rendered with these instead of real data.
MARKER_RECIPIENT = {
    "first_name": "{{ first_name }}",
    "greeting_name": "{{ first_name }}",
    "email": "{{ first_name }}",
}
MARKER_ENGAGEMENT = {
    "starts_at": MARKER_STARTS_AT,
    "ends_at": MARKER_ENDS_AT,
    "created_at": MARKER_ASKED_AT,
    "request": {"reference": "{{ reference }}"},
}
MARKER_REQUEST = {
    "organisation": {"name": "{{ organisation_name }}", "verified": True},
    "get_kind_display": "{{ kind }}",
    "title": "{{ request_title }}",
}


def markers(*names: str, **extra) -> dict:
    """A marker context: each name "x" becomes {"x": "{{ x }}"}, plus the usual objects."""
    context = {
        "recipient": MARKER_RECIPIENT,
        "engagement": MARKER_ENGAGEMENT,
        "booking_request": MARKER_REQUEST,
        "reference": "{{ reference }}",
        "title": "{{ request_title }}",
        "admin_url": "{{ admin_url }}",
        "base_url": "{{ admin_url }}",
        "request_url": "{{ request_url }}",
        "portal_url": "{{ portal_url }}",
    }
    context.update({name: f"{{{{ {name} }}}}" for name in names})
    context.update(extra)
    return context


# Coordinators' emails end with "<site>/admin/": in the starting text that is {{ admin_url }}.
ADMIN_LINK = ((lambda: "{{ admin_url }}/admin/", "{{ admin_url }}"),)

__all__ = ["DETAILS"]


def spec_maker(audience, *, replacements=()):
    """The `spec(...)` an audience's module registers its emails with: every email for that
    audience, with the marker replacements it shares unless an email names its own."""

    def spec(template, label, placeholders, marker_context, *, files="", replacements=replacements):
        return EmailTemplateSpec(
            template=template,
            label=label,
            audience=audience,
            placeholders=tuple(placeholders),
            marker_context=marker_context,
            files=files,
            marker_replacements=replacements,
        )

    return spec
