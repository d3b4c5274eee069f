"""The outbox's state changes: queue an email, deliver it, retry it with backoff, resend it.

An email is queued in the caller's transaction (a rolled-back change sends nothing) and handed to
a task after commit; the task carries only the row's id. Whoever sends (the task, or the periodic
`send_due_emails` for retries and for a task that never ran) first *claims* the row with one
conditional UPDATE, so two workers never send the same email twice, on any database.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import make_msgid
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from hope.email_rendering import render_email
from hope.outbox import crypto
from hope.outbox.models import (
    DUE_STATES,
    RESENDABLE_STATES,
    OutboundEmail,
    OutboundEmailStatus,
    RecipientRole,
)

logger = logging.getLogger(__name__)

# Minutes to wait after the 1st, 2nd, ... failed attempt: about 40 hours in all. The attempt after
# the last one that fails marks the email failed, and coordinators see it.
BACKOFF_MINUTES = (1, 5, 15, 60, 180, 720, 1440)
MAX_ATTEMPTS = len(BACKOFF_MINUTES) + 1
# How long a worker's claim lasts; one that dies mid-send is taken over after this.
CLAIM_LEASE = dt.timedelta(minutes=10)
# How long a delivered email's (encrypted) context is kept so coordinators can send it again;
# `outbox_prune` wipes it after that. Emails handed over as finished text keep nothing.
KEEP_CONTEXT_FOR_RESEND = dt.timedelta(days=30)


def backoff_after(attempts: int) -> dt.timedelta | None:
    """The wait after `attempts` failed attempts, or None when it is time to give up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return dt.timedelta(minutes=BACKOFF_MINUTES[max(attempts, 1) - 1])


def _message_id() -> str:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return make_msgid(domain=host)


def recipient_role_for(address: str) -> str:
    """Who the address belongs to, for the sent log (no import of speakers or bookings)."""
    from hope.roles import is_coordinator

    user = get_user_model().objects.filter(email__iexact=address).first()
    if user is None:
        return RecipientRole.OTHER
    if is_coordinator(user) or user.is_staff:
        return RecipientRole.COORDINATOR
    if hasattr(user, "expert"):
        return RecipientRole.EXPERT
    memberships = getattr(user, "organisation_memberships", None)
    if memberships is not None and memberships.exists():
        return RecipientRole.ORGANISATION
    return RecipientRole.GUEST


def _queue(
    *, to: str, template: str, language: str, payload: dict, recipient_role, request_id, **extra
):
    email = OutboundEmail.objects.create(
        template=template[:200],
        to_address=to,
        recipient_role=recipient_role or recipient_role_for(to),
        language=language,
        booking_request_id=request_id,
        payload=crypto.encrypt(payload),
        message_id=_message_id(),
        **extra,
    )
    transaction.on_commit(lambda: _hand_to_worker(email.pk), robust=True)
    return email


def _hand_to_worker(pk: int) -> None:
    from hope.tasks import send_outbound_email_task

    send_outbound_email_task.enqueue(outbound_email_id=pk)


def outbound_email_queue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    recipient_role: str | None = None,
    booking_request_id: int | None = None,
    from_email: str | None = None,
    reply_to: list[str] | None = None,
) -> OutboundEmail:
    """Queue `template` for one recipient; it is rendered when sent, in `language`.

    A context that cannot be stored faithfully (an unsaved object, an unusual type) is rendered
    now instead, so no caller ever loses an email; either way the payload is encrypted.
    """
    payload = {"from_email": from_email, "reply_to": reply_to or []}
    try:
        payload["context"] = crypto.dump(context)
    except crypto.NotSerializable as reason:
        logger.info("email %s rendered at queue time: %s", template, reason)
        subject, text, html = render_email(template=template, context=context, language=language)
        payload["rendered"] = {"subject": subject, "text": text, "html": html}
    return _queue(
        to=to,
        template=template,
        language=language,
        payload=payload,
        recipient_role=recipient_role,
        request_id=booking_request_id,
    )


def outbound_email_queue_rendered(
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    template: str = "",
    language: str | None = None,
    recipient_role: str | None = None,
    booking_request_id: int | None = None,
    from_email: str | None = None,
    reply_to: list[str] | None = None,
    calendar: dict | None = None,
) -> OutboundEmail:
    """Queue an email whose text is already written (allauth's, a few of bookings'): it is
    stored encrypted, sent as given, and wiped once sent. `calendar` ({"method", "ics"}) adds an
    iCalendar invitation (REQUEST) or cancellation (CANCEL)."""
    return _queue(
        to=to,
        template=template or "(rendered)",
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        payload={
            "from_email": from_email,
            "reply_to": reply_to or [],
            "rendered": {"subject": subject, "text": text, "html": html},
            "calendar": calendar,
        },
        recipient_role=recipient_role,
        request_id=booking_request_id,
    )


# --- sending ----------------------------------------------------------------------------------


class _RenderFailed(Exception):
    pass


def _claim(pk: int, now: dt.datetime) -> bool:
    return (
        OutboundEmail.objects.filter(pk=pk, status__in=DUE_STATES, next_attempt_at__lte=now).update(
            status=OutboundEmailStatus.SENDING,
            next_attempt_at=now + CLAIM_LEASE,
            attempts=F("attempts") + 1,
            updated_at=now,
        )
        == 1
    )


def _build_message(email: OutboundEmail) -> EmailMultiAlternatives:
    try:
        payload = crypto.decrypt(email.payload)
        rendered = payload.get("rendered")
        if rendered is None:
            with translation.override(email.language):
                context = crypto.load(payload.get("context") or {})
            subject, text, html = render_email(
                template=email.template, context=context, language=email.language
            )
        else:
            subject, text, html = rendered["subject"], rendered["text"], rendered.get("html")
    except Exception as error:  # noqa: BLE001 - any failure to render is reported, not raised
        raise _RenderFailed(type(error).__name__) from error
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=payload.get("from_email") or settings.DEFAULT_FROM_EMAIL,
        to=[email.to_address],
        reply_to=payload.get("reply_to") or None,
        headers={"Message-ID": email.message_id},
        connection=get_connection(fail_silently=False),
    )
    if not html:
        from hope.mailtemplates.rendering import text_to_html

        with translation.override(email.language):
            html = text_to_html(subject=subject, text=text, language=email.language)
    message.attach_alternative(html, "text/html")
    calendar = payload.get("calendar")
    if calendar:
        # As an alternative part (Outlook, Google and Apple show it as an invitation) and as a
        # file for programs that only read attachments.
        method = calendar["method"]
        message.attach_alternative(
            calendar["ics"], f"text/calendar; method={method}; charset=UTF-8"
        )
        message.attach("invitation.ics", calendar["ics"], "application/ics")
    return message


def error_summary(error: BaseException) -> str:
    """What went wrong, without the server's text (it may quote addresses)."""
    code = getattr(error, "smtp_code", None)
    name = type(error).__name__
    return (f"{name} {code}" if code else name)[:200]


def _is_permanent(error: BaseException) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    code = getattr(error, "smtp_code", None)
    return isinstance(code, int) and 500 <= code < 600


def _deliver_claimed(pk: int, now: dt.datetime) -> str:
    email = OutboundEmail.objects.get(pk=pk)
    try:
        message = _build_message(email)
    except _RenderFailed as error:
        email.status = OutboundEmailStatus.FAILED
        email.last_error = f"Could not render: {error}"[:200]
        email.next_attempt_at = now
        email.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
        logger.warning("email %s could not be rendered: %s", pk, error)
        return email.status
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - any backend failure is retried or reported
        email.last_error = error_summary(error)
        wait = None if _is_permanent(error) else backoff_after(email.attempts)
        if wait is None:
            email.status = OutboundEmailStatus.FAILED
            email.next_attempt_at = now
        else:
            email.status = OutboundEmailStatus.RETRYING
            email.next_attempt_at = now + wait
        email.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
        logger.warning("email %s not sent (attempt %s): %s", pk, email.attempts, email.last_error)
        return email.status
    email.status = OutboundEmailStatus.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.payload = _kept_for_resend(email.payload)
    email.save(update_fields=["status", "sent_at", "last_error", "payload", "updated_at"])
    return email.status


def _kept_for_resend(payload: str) -> str:
    """After delivery: the context (references and values, encrypted) stays for a resend until
    `outbox_prune` wipes it; finished text (allauth's codes and links, invitations) goes now."""
    try:
        data = crypto.decrypt(payload)
    except crypto.PayloadUnreadable:
        return ""
    if data.get("rendered") is not None or "context" not in data:
        return ""
    return payload


def outbound_email_deliver(*, outbound_email_id: int, now: dt.datetime | None = None) -> str | None:
    """Send one email if it is due and nobody else is sending it; returns its new status, or
    None when there was nothing to do (already sent, claimed by another worker, not yet due)."""
    now = now or timezone.now()
    if not _claim(outbound_email_id, now):
        return None
    return _deliver_claimed(outbound_email_id, now)


def outbound_emails_send_due(*, now: dt.datetime | None = None, limit: int = 500) -> dict:
    """Send every email whose time has come (retries, and queued ones no task took).

    Rows are picked with SELECT ... FOR UPDATE SKIP LOCKED (PostgreSQL) and claimed in the same
    transaction, then sent outside it, so a slow mail server holds no lock.
    """
    now = now or timezone.now()
    with transaction.atomic():
        candidates = list(
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(status__in=DUE_STATES, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        claimed = [pk for pk in candidates if _claim(pk, now)]
    counts: dict[str, int] = {}
    for pk in claimed:
        status = _deliver_claimed(pk, now)
        counts[status] = counts.get(status, 0) + 1
    return counts


@transaction.atomic
def outbound_email_resend(*, outbound_email: OutboundEmail, actor) -> OutboundEmail | None:
    """A coordinator asks to send an email again, now. A failed (or retrying, or cancelled) one
    is queued again as it is; a delivered one is copied into a new row (linked to it) that is
    rendered anew from the kept context. Returns the row that will be sent, or None."""
    now = timezone.now()
    updated = (
        OutboundEmail.objects.filter(pk=outbound_email.pk, status__in=RESENDABLE_STATES)
        .exclude(payload="")
        .update(status=OutboundEmailStatus.QUEUED, attempts=0, next_attempt_at=now, updated_at=now)
    )
    if updated:
        logger.info(
            "email %s queued again by user %s", outbound_email.pk, getattr(actor, "pk", None)
        )
        transaction.on_commit(lambda: _hand_to_worker(outbound_email.pk), robust=True)
        return outbound_email
    original = (
        OutboundEmail.objects.select_for_update()
        .filter(pk=outbound_email.pk, status=OutboundEmailStatus.SENT)
        .exclude(payload="")
        .first()
    )
    if original is None:
        return None
    copy = _queue(
        to=original.to_address,
        template=original.template,
        language=original.language,
        payload=crypto.decrypt(original.payload),
        recipient_role=original.recipient_role,
        request_id=original.booking_request_id,
        resent_from=original,
    )
    logger.info(
        "email %s sent again as %s by user %s", original.pk, copy.pk, getattr(actor, "pk", None)
    )
    return copy


def outbound_emails_delete_for_requests(*, booking_request_ids: list[int]) -> int:
    """Forget every email about these requests (sent or not): for requests that are deleted,
    such as a guest's request that was never confirmed."""
    if not booking_request_ids:
        return 0
    return OutboundEmail.objects.filter(booking_request_id__in=booking_request_ids).delete()[0]


def outbound_emails_delete_for_address(*, address: str) -> int:
    """Forget every email to one address (for erasing a person)."""
    return OutboundEmail.objects.filter(to_address__iexact=address).delete()[0]


def outbox_prune(*, now: dt.datetime | None = None, keep_sent_days: int = 365) -> int:
    """Wipe the context kept for a resend of emails delivered more than 30 days ago, and delete
    outbox rows older than the retention: sent ones and ones that ended failed or cancelled.
    Queued and retrying rows are never deleted. Returns the number of rows deleted."""
    now = now or timezone.now()
    OutboundEmail.objects.filter(
        status=OutboundEmailStatus.SENT, sent_at__lt=now - KEEP_CONTEXT_FOR_RESEND
    ).exclude(payload="").update(payload="")
    ended = (OutboundEmailStatus.SENT, OutboundEmailStatus.FAILED, OutboundEmailStatus.CANCELLED)
    deleted, _ = OutboundEmail.objects.filter(
        status__in=ended, created_at__lt=now - dt.timedelta(days=keep_sent_days)
    ).delete()
    return deleted
