"""The one rule for emails to coordinators: straight away, or a line in tomorrow's digest.

Every helper that tells a coordinator something calls `coordinator_notify` for each recipient.
A coordinator who chose the daily digest (`User.coordinator_emails`) gets a `CoordinatorDigestItem`
instead of the email, except for what must never wait: an expert who needs support now, and a
new request from a guest. `send_coordinator_digests` (the periodic command) sends each
coordinator one email a day with her unsent items, grouped per request.

Digest lines are short, in the coordinator's language, and carry no notes or message texts:
only what happened ("The organisation sent a message"), as the emails do.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bookings.models import BookingRequest, CoordinatorDigestItem
from hope.emails import recipient_language, send_templated_email_to_user
from speakers.selectors import AMSTERDAM

DIGEST_TEMPLATE = "bookings/coordinator_digest"
# Always sent at once, whatever the coordinator chose.
ALWAYS_IMMEDIATE = frozenset({"bookings/coordinator_new_request"})
# Sent digest items are kept this long (what a coordinator was told), then removed.
KEEP_SENT_ITEMS = dt.timedelta(days=30)


def must_be_immediate(template: str, context: dict) -> bool:
    if template in ALWAYS_IMMEDIATE:
        return True
    return template == "bookings/aftercare_alert" and bool(context.get("support_now"))


def wants_digest(user) -> bool:
    return getattr(user, "coordinator_emails", "") == get_user_model().CoordinatorEmails.DIGEST


def coordinator_notify(*, user, template: str, context: dict) -> None:
    """Email `user` (a coordinator) now, or record a digest line when she chose the digest."""
    if user is None or not user.is_active or not user.email:
        return
    items = _digest_items(template, context) if wants_digest(user) else []
    if not items or must_be_immediate(template, context):
        context = {"admin_url": workspace_url(context), **context}
        send_templated_email_to_user(user=user, template=template, context=context)
        return
    with translation.override(recipient_language(user)):
        CoordinatorDigestItem.objects.bulk_create(
            CoordinatorDigestItem(user=user, request_id=request_id, line=str(line())[:300])
            for request_id, line in items
        )


def workspace_url(context: dict) -> str:
    """Where the email's link takes a coordinator: the request's workspace when the email is
    about one request, the admin's dashboard otherwise."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    request_id = _request_id(context)
    if request_id is None:
        return base + reverse("wagtailadmin_home")
    return base + reverse("booking_requests:inspect", args=[request_id])


def _request_id(context: dict) -> int | None:
    booking_request = context.get("booking_request")
    if booking_request is not None:
        return booking_request.pk
    return getattr(context.get("engagement"), "request_id", None)


def _digest_items(template: str, context: dict) -> list[tuple[int, object]]:
    """(request id, line) pairs for this email; empty when it cannot wait in a digest. Lines are
    callables, so they are written in the coordinator's language."""
    if template == "bookings/expert_paused_coordinator":
        engagements = [*context.get("open_questions", []), *context.get("upcoming", [])]

        def line():
            names = {"expert": context.get("expert_name", "")}
            return _("%(expert)s paused her work; an engagement is affected.") % names

        return [
            (request_id, line) for request_id in dict.fromkeys(e.request_id for e in engagements)
        ]
    request_id = _request_id(context)
    line = _LINES.get(template)
    if request_id is None or line is None:
        return []
    return [(request_id, lambda: line(context))]


def _expert_answered(context: dict) -> str:
    names = {"expert": context.get("expert_name", "")}
    if not context.get("accepted"):
        return _("%(expert)s said no.") % names
    if context.get("confirmed"):
        return _("%(expert)s said yes; the engagement is confirmed.") % names
    return _("%(expert)s said yes; the date still needs your confirmation.") % names


_LINES = {
    "bookings/coordinator_status_changed": lambda c: (
        _("The organisation changed the status: %s.") % c.get("status_label", "")
    ),
    "bookings/new_message_coordinator": lambda c: _("The organisation sent a message."),
    "bookings/coordinator_evaluation": lambda c: _("The organisation gave its feedback."),
    "bookings/expert_answered_coordinator": _expert_answered,
    "bookings/expert_withdrew_coordinator": lambda c: (
        _("%(expert)s can no longer do it.") % {"expert": c.get("expert_name", "")}
    ),
    "bookings/reminder_answer_overdue": lambda c: (
        _("%(expert)s has not answered for two days.") % {"expert": c.get("expert_name", "")}
    ),
    "bookings/aftercare_alert": lambda c: (
        _("%(expert)s would like a debrief.") % {"expert": c.get("expert_name", "")}
    ),
}


# --- the daily digest ---------------------------------------------------------------------------


@dataclass
class DigestReport:
    sent: int = 0
    items: int = 0

    def __str__(self) -> str:
        return f"{self.sent} digest(s), {self.items} item(s)"


def _workspace_url(booking_request: BookingRequest) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("booking_requests:inspect", args=[booking_request.pk])


def _sent_today(user, now: dt.datetime) -> bool:
    day_start = dt.datetime.combine(now.astimezone(AMSTERDAM).date(), dt.time.min, AMSTERDAM)
    return CoordinatorDigestItem.objects.filter(user=user, sent_at__gte=day_start).exists()


def send_coordinator_digests(*, now: dt.datetime | None = None) -> DigestReport:
    """One email per coordinator per day (Amsterdam) with her unsent items. The items are marked
    sent in the same transaction that queues the email, so a second run sends nothing."""
    now = now or timezone.now()
    report = DigestReport()
    user_ids = (
        CoordinatorDigestItem.objects.filter(sent_at__isnull=True, created_at__lte=now)
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user in get_user_model().objects.filter(pk__in=list(user_ids)).order_by("pk"):
        with transaction.atomic():
            if _sent_today(user, now):
                continue
            items = list(
                CoordinatorDigestItem.objects.filter(
                    user=user, sent_at__isnull=True, created_at__lte=now
                ).select_related("request__organisation")
            )
            if not items:  # another run sent them a moment ago
                continue
            claimed = CoordinatorDigestItem.objects.filter(
                pk__in=[item.pk for item in items], sent_at__isnull=True
            ).update(sent_at=now)
            if claimed != len(items):  # another run took some of them: leave it to that run
                transaction.set_rollback(True)
                continue
            if user.is_active and user.email:
                send_templated_email_to_user(
                    user=user, template=DIGEST_TEMPLATE, context={"groups": _groups(items)}
                )
                report.sent += 1
                report.items += len(items)
    CoordinatorDigestItem.objects.filter(sent_at__lt=now - KEEP_SENT_ITEMS).delete()
    return report


def _groups(items) -> list[dict]:
    """Per request, in the order things happened: reference, title, workspace link, lines."""
    groups: OrderedDict[int, dict] = OrderedDict()
    for item in items:
        group = groups.setdefault(
            item.request_id,
            {
                "reference": item.request.reference,
                "title": item.request.title,
                "url": _workspace_url(item.request),
                "lines": [],
            },
        )
        group["lines"].append(item.line)
    return list(groups.values())
