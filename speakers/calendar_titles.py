"""The neutral title of an engagement in the expert's own calendar: the one place that words it.

Read by her calendar feed (speakers.ics), her month view and dashboard (speakers.selectors), the
.ics download and the invitation sent with her emails (bookings). No organisation, no topic: the
feed may be read on a shared phone. Rendered in the reader's language when read: the calendar
event itself keeps the fixed English title bookings.services.scheduling stores.
"""

from __future__ import annotations

from django.utils.translation import gettext as _


def engagement_title(calendar_status: str | None) -> str:
    """The title for an engagement whose iCalendar STATUS is `calendar_status` (TENTATIVE,
    CONFIRMED or CANCELLED), in the active language."""
    if calendar_status == "TENTATIVE":
        return _("HOPE engagement (not fixed yet)")
    if calendar_status == "CANCELLED":
        return _("HOPE engagement (cancelled)")
    return _("HOPE engagement")


def event_title(event) -> str:
    """The title of a calendar event: an engagement's neutral title, else its stored title.

    `event.engagement` (the bookings app's reverse one-to-one) is read by name, without importing
    bookings; select it with the event to keep the query count flat.
    """
    engagement = getattr(event, "engagement", None)
    status = getattr(engagement, "calendar_status", None)
    if status:
        return engagement_title(status)
    return event.title
