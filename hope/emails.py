"""The one way the portal sends email: rendered in the recipient's language when it is sent.

Templates live in ``templates/email/``: ``<name>_subject.txt``, ``<name>.txt`` and optionally
``<name>.html`` (which extends ``email/base.html``). Asking for an email writes one row per
recipient to the outbox (``hope.outbox``) in the caller's transaction, with the context encrypted;
after commit a task carrying only the row's id renders and sends it. A rolled-back change never
sends mail, a slow mail server never slows a request, and a mail server that is down only delays
the email: it is retried with backoff and coordinators see the ones that failed.
"""

from __future__ import annotations

from django.conf import settings

# The rendering has its own module, which the outbox uses too (no circle between the outbox
# and this module); callers keep importing these names from here.
from hope.email_rendering import render_email, render_email_override

__all__ = [
    "enqueue_rendered_email",
    "recipient_language",
    "render_email",
    "render_email_override",
    "send_templated_email",
    "send_templated_email_to_user",
]


def recipient_language(user) -> str:
    language = getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _request_id_from(context: dict) -> int | None:
    """The booking request an email is about, when the context names it (no bookings import:
    a `booking_request` object, or an `engagement` with a `request_id`)."""
    booking_request = context.get("booking_request")
    if booking_request is not None and getattr(booking_request, "pk", None):
        return booking_request.pk
    return getattr(context.get("engagement"), "request_id", None)


def send_templated_email(
    *,
    to: str | list[str],
    template: str,
    context: dict | None = None,
    language: str | None = None,
    reply_to: list[str] | None = None,
    booking_request_id: int | None = None,
    recipient_role: str | None = None,
) -> None:
    """Queue ``template`` for each address, rendered in ``language`` (default: the site's)."""
    from hope.outbox.services import outbound_email_queue

    recipients = [to] if isinstance(to, str) else list(to)
    context = context or {}
    for address in recipients:
        outbound_email_queue(
            to=address,
            template=template,
            context=context,
            language=language or settings.LANGUAGE_CODE,
            recipient_role=recipient_role,
            booking_request_id=booking_request_id or _request_id_from(context),
            reply_to=reply_to,
        )


def send_templated_email_to_user(
    *,
    user,
    template: str,
    context: dict | None = None,
    booking_request_id: int | None = None,
) -> None:
    """Send to one user in their preferred language."""
    send_templated_email(
        to=user.email,
        template=template,
        context={"recipient": user, **(context or {})},
        language=recipient_language(user),
        booking_request_id=booking_request_id,
    )


def enqueue_rendered_email(
    *,
    to: list[str],
    subject: str,
    text: str,
    html: str | None = None,
    from_email: str | None = None,
    reply_to: list[str] | None = None,
    template: str = "",
    language: str | None = None,
    booking_request_id: int | None = None,
    calendar: dict | None = None,
) -> None:
    """Queue an email whose text is already written; stored encrypted until it is sent."""
    from hope.outbox.services import outbound_email_queue_rendered

    for address in to:
        outbound_email_queue_rendered(
            to=address,
            subject=subject,
            text=text,
            html=html,
            template=template,
            language=language,
            booking_request_id=booking_request_id,
            from_email=from_email,
            reply_to=reply_to,
            calendar=calendar,
        )
