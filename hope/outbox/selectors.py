"""Reads of the outbox: a request's sent emails, the ones needing a coordinator, the sent log.

The rows carry no content (the encrypted payload is never read here), so these are safe to show
to coordinators; show them to nobody else.
"""

from __future__ import annotations

from django.db.models import QuerySet

from hope.outbox.models import ATTENTION_STATES, OutboundEmail


def outbound_emails_for_request(request_id: int) -> QuerySet[OutboundEmail]:
    """Every email about one booking request, newest first (for its timeline)."""
    return OutboundEmail.objects.filter(booking_request_id=request_id).order_by(
        "-created_at", "-pk"
    )


def outbound_emails_needing_attention() -> QuerySet[OutboundEmail]:
    """Emails that failed or are being retried, newest first."""
    return OutboundEmail.objects.filter(status__in=ATTENTION_STATES).order_by("-created_at", "-pk")


def outbound_emails_sent_log() -> QuerySet[OutboundEmail]:
    """Every email the portal was asked to send, newest first."""
    return OutboundEmail.objects.order_by("-created_at", "-pk")


def outbound_email_templates() -> list[str]:
    """The template names that occur in the outbox (for the sent log's filter)."""
    return list(
        OutboundEmail.objects.order_by("template").values_list("template", flat=True).distinct()
    )
