"""Every email coordinators may edit: no placeholder, and no text built from placeholders, ever
shows a private field to its reader.

The world below hides a sentinel string in every private field (aftercare notes, no-go topics,
the expert's own feedback, her private note, a message, the name of an expert who is not
public, the street of the engagement). Each registered email is filled from a context holding
all of it, through its placeholders and through a saved text that uses every placeholder, as the
email would be sent; the sentinels the reader may not see must not appear.
"""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation

from bookings.enums import EngagementStatus
from bookings.identity import expert_name_for_organisation
from bookings.models.followup import ExpertFeedback
from bookings.services.expert_answers import question_context
from hope.emails import render_email
from hope.mailtemplates.models import EmailTemplateOverride
from hope.mailtemplates.registry import all_specs
from hope.mailtemplates.rendering import render_override
from speakers.models import IdentityMode
from tests.factories.accounts import CoordinatorFactory, UserFactory
from tests.factories.bookings import BookingRequestFactory, EngagementFactory, MessageFactory
from tests.factories.speakers import ExpertFactory, TopicFactory

pytestmark = pytest.mark.django_db

ALWAYS_PRIVATE = {
    "SENTINEL-AFTERCARE",
    "SENTINEL-NOGO",
    "SENTINEL-FEEDBACK",
    "SENTINEL-DECLINE-NOTE",
    "SENTINEL-MESSAGE",
}
EXPERT_NAMES = {"SENTINEL-PSEUDONYM", "SENTINEL-REAL-FIRST", "SENTINEL-REAL-LAST"}
STREET = "SENTINEL-STREET"
# What each audience may not read, beyond ALWAYS_PRIVATE.
PRIVATE_FOR = {
    "Organisation": EXPERT_NAMES,  # she is not public
    "Organisation and expert": EXPERT_NAMES,
    "Coordinators": {"SENTINEL-REAL-FIRST", "SENTINEL-REAL-LAST", STREET},
    "Expert": set(),  # her own names; the street only once she is booked (below)
}
NOT_BOOKED_YET = {"bookings/expert_asked"}


@pytest.fixture
def world():
    expert_user = UserFactory(first_name="SENTINEL-REAL-FIRST", last_name="SENTINEL-REAL-LAST")
    expert = ExpertFactory(
        user=expert_user,
        public_name="SENTINEL-PSEUDONYM",
        identity_mode=IdentityMode.NOT_PUBLIC,
    )
    expert.no_go_topics.add(TopicFactory(name="SENTINEL-NOGO", slug="sentinel-nogo"))
    booking_request = BookingRequestFactory(place="SENTINEL-STREET 1, Utrecht")
    booking_request.topics.add(TopicFactory(name="Grooming", slug="grooming"))
    engagement = EngagementFactory(
        request=booking_request,
        expert=expert,
        status=EngagementStatus.CONFIRMED,
        aftercare_notes="SENTINEL-AFTERCARE",
        decline_reason="SENTINEL-DECLINE-NOTE",
        practical_info="Ask for Sanne at the front desk.",
    )
    ExpertFeedback.objects.create(engagement=engagement, how_it_went="SENTINEL-FEEDBACK")
    MessageFactory(request=booking_request, body="SENTINEL-MESSAGE")
    return {
        "engagement": engagement,
        "Organisation": booking_request.contact,
        "Organisation and expert": booking_request.contact,
        "Expert": expert_user,
        "Coordinators": CoordinatorFactory(first_name="Kim"),
    }


def context_for(world, audience: str) -> dict:
    """Everything any email's context holds, as its callers fill it for this reader."""
    engagement = world["engagement"]
    booking_request = engagement.request
    expert = engagement.expert
    link = "https://platformhope.example/x/"
    expert_name = (
        expert.public_name if audience == "Coordinators" else expert_name_for_organisation(expert)
    )
    return {
        **question_context(engagement),
        "recipient": world[audience],
        "reference": booking_request.reference,
        "title": booking_request.title,
        "expert_name": expert_name,
        "organisation": booking_request.organisation,
        "invited_by_name": "Sam Jansen",
        "status_label": "Scheduled",
        "next_step": "We fix the date with you.",
        "missing": ["The questions in advance"],
        "statement": "Her face is not shown.",
        "accepted": True,
        "confirmed": False,
        "has_note": True,
        "support_now": True,
        "answer": "I need support now",
        "until": dt.date(2099, 1, 1),
        "hidden": True,
        "open_questions": [engagement],
        "upcoming": [engagement],
        "old_starts_at": engagement.starts_at - dt.timedelta(days=1),
        "groups": [
            {
                "reference": booking_request.reference,
                "title": booking_request.title,
                "lines": ["The organisation sent a message."],
                "url": link,
            }
        ],
        "answers": [("I'm fine", link + "fine"), ("I need support now", link + "support")],
        "practical_info": engagement.practical_info,
        "valid_days": 7,
        **{
            name: link + name
            for name in (
                "request_url",
                "portal_url",
                "admin_url",
                "yes_url",
                "no_url",
                "confirm_url",
                "media_url",
                "accept_url",
                "evaluate_url",
                "answer_url",
                "set_password_url",
                "login_url",
            )
        },
    }


def forbidden(spec, audience: str) -> set[str]:
    words = ALWAYS_PRIVATE | PRIVATE_FOR[audience]
    if spec.template in NOT_BOOKED_YET:
        words = words | {STREET}
    return words


def audience_of(spec) -> str:
    with translation.override("en"):
        return str(spec.audience)


# Email files no code sends (kept out of the editor): the admin's test message, and the older
# "asked" email that bookings.services.asking replaced with bookings/expert_asked.
NOT_SENT = {"test_message", "bookings/admin/engagement_asked"}


def email_files() -> set[str]:
    """Every email template in the apps: <app>/templates/email/... and bookings' own folder."""
    root = Path(settings.BASE_DIR)
    names = set()
    for subject in root.glob("*/templates/email/**/*_subject.txt"):
        base = subject.relative_to(root).parts
        names.add("/".join(base[3:])[: -len("_subject.txt")])
    for subject in (root / "bookings/templates/bookings/admin/email").glob("*_subject.txt"):
        names.add("bookings/admin/" + subject.name[: -len("_subject.txt")])
    return names - NOT_SENT


def test_every_email_the_portal_sends_is_registered():
    registered = {spec.template for spec in all_specs()}
    files = email_files()
    assert "bookings/coordinator_digest" in files and "speakers/invitation" in files
    assert files - registered == set()
    assert {audience_of(spec) for spec in all_specs()} == set(PRIVATE_FOR)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_placeholder_or_sent_text_shows_a_private_field(world, language):
    checked = 0
    for spec in all_specs():
        audience = audience_of(spec)
        context = context_for(world, audience)
        words = forbidden(spec, audience)
        with translation.override(language), timezone.override("Europe/Amsterdam"):
            values = spec.values({"site_name": "Platform HOPE", **context})
        for name, value in values.items():
            leaked = [word for word in words if word in value]
            assert not leaked, (spec.template, name, leaked)
        # As it is sent: a saved text that uses every placeholder.
        every = "\n\n".join(f"{name}: {{{{ {name} }}}}" for name in sorted(spec.names))
        EmailTemplateOverride.objects.update_or_create(
            template=spec.template,
            language=language,
            defaults={
                "subject": "{{ reference }}" if "reference" in spec.names else "S",
                "body": every,
            },
        )
        subject, text, html = render_email(
            template=spec.template, context=context, language=language
        )
        assert "details:" in text or "details" not in spec.names
        for part in (subject, text, html):
            leaked = [word for word in words if word in part]
            assert not leaked, (spec.template, leaked)
        # The preview: sample data only.
        preview = render_override(
            spec=spec,
            subject="S",
            body=every,
            values=spec.sample_values(),
            language=language,
        )
        assert not any("SENTINEL" in part for part in preview)
        checked += 1
    assert not EmailTemplateOverride.objects.exclude(broken_reason="").exists()
    assert checked == len(all_specs())


def test_the_expert_reads_her_own_name_and_the_organisation_the_neutral_one(world):
    engagement = world["engagement"]
    [reminder] = [spec for spec in all_specs() if spec.template == "bookings/reminder_expert"]
    values = reminder.values(context_for(world, "Expert"))
    assert values["first_name"] == "SENTINEL-REAL-FIRST"
    assert values["place"] == engagement.request.place  # she is booked: she needs the address
    [confirmed] = [
        spec
        for spec in all_specs()
        if spec.template == "bookings/admin/engagement_confirmed_organisation"
    ]
    with translation.override("en"):
        values = confirmed.values(context_for(world, "Organisation"))
    assert values["expert_name"] == "An expert by experience of Platform HOPE"
