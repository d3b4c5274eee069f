from django.core.mail import EmailMultiAlternatives
from django_tasks import task


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
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=from_email, to=to, reply_to=reply_to or None
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
