from django.core.mail import EmailMultiAlternatives
from django.utils.module_loading import import_string
from django_tasks import task

# The outbox enqueues the task below; the task names the outbox's delivery by its dotted path
# (as a task row names its task) rather than importing it, so the two modules are no circle.
DELIVER = "hope.outbox.services.outbound_email_deliver"


@task()
def send_outbound_email_task(*, outbound_email_id: int) -> str | None:
    """Send one outbox email. The task row holds the id only: the email is rendered now, from
    the encrypted outbox row, and a failure is recorded there for retry (the task itself ends
    successfully, so its row says nothing and can be pruned)."""
    return import_string(DELIVER)(outbound_email_id=outbound_email_id)


@task()
def send_email_task(
    *,
    to: list[str],
    subject: str,
    text: str,
    html: str | None,
    from_email: str,
    reply_to: list[str],
) -> int:
    """Deprecated: only so that tasks queued before the outbox existed still run once after an
    upgrade. Nothing enqueues it any more; remove it in a later release."""
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=from_email, to=to, reply_to=reply_to or None
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
