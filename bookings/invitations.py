"""Calendar invitations sent with the confirmation, move and cancellation emails (RFC 5545/5546).

One UID per engagement and audience, a SEQUENCE that rises with every move or cancellation, and
METHOD:REQUEST or METHOD:CANCEL, so Outlook, Google and Apple calendars add, update and remove
the same entry. The organisation's copy names the expert only as her identity choice allows;
the expert's copy carries the neutral title of her feed. Neither carries private notes.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from bookings.identity import expert_name_for_organisation
from bookings.models import Engagement
from speakers.calendar_titles import engagement_title
from speakers.ics import UID_DOMAIN
from speakers.selectors import AMSTERDAM

REQUEST = "REQUEST"
CANCEL = "CANCEL"
EXPERT = "expert"
ORGANISATION = "organisation"


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invitation_uid(engagement: Engagement, audience: str) -> str:
    return f"hope-engagement-{engagement.pk}-{audience}@{UID_DOMAIN}"


def engagement_invitation(
    *, engagement: Engagement, audience: str, method: str, recipient_email: str, language: str
) -> str:
    booking_request = engagement.request
    with translation.override(language):
        if audience == EXPERT:
            summary = engagement_title(
                "CANCELLED" if method == CANCEL else engagement.calendar_status
            )
            location = ""
            link = _absolute(reverse("engagements:detail", args=[engagement.pk]))
        else:
            expert = expert_name_for_organisation(engagement.expert) or _("an expert by experience")
            summary = _("%(kind)s with %(expert)s (Platform HOPE)") % {
                "kind": booking_request.get_kind_display(),
                "expert": expert,
            }
            location = booking_request.place or str(booking_request.get_mode_display())
            link = _absolute(reverse("bookings:request_detail", args=[booking_request.reference]))
        description = _("Details and changes: %(link)s") % {"link": link}

    calendar = Calendar()
    calendar.add("prodid", "-//Platform HOPE//Engagements//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    event = Event()
    event.add("uid", invitation_uid(engagement, audience))
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", engagement.starts_at.astimezone(AMSTERDAM))
    event.add("dtend", engagement.ends_at.astimezone(AMSTERDAM))
    event.add("sequence", engagement.sequence)
    event.add("summary", summary)
    event.add("description", description)
    if location:
        event.add("location", location)
    # A moved engagement waits for her new yes: TENTATIVE until then.
    event.add("status", "CANCELLED" if method == CANCEL else engagement.calendar_status)
    event.add("transp", "TRANSPARENT" if method == CANCEL else "OPAQUE")
    event.add("class", "PRIVATE")
    organizer = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    organizer.params["cn"] = vText(settings.WAGTAIL_SITE_NAME)
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{recipient_email}")
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    event.add("attendee", attendee)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")
