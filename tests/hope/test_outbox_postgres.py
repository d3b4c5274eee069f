"""Several workers at once on PostgreSQL: every due email is sent exactly once."""

import threading

import pytest
from django.db import connection

from hope.emails import send_templated_email
from hope.models import OutboundEmail
from hope.outbox.services import outbound_emails_send_due


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_four_workers_at_once_send_each_email_once(settings, mailoutbox):
    settings.EMAIL_BACKEND = "tests.mail_backends.OutageEmailBackend"
    settings.TEST_MAIL_SERVER_DOWN = True
    for number in range(60):
        send_templated_email(
            to=f"p{number}@example.org",
            template="test_message",
            context={"name": str(number)},
            language="en",
        )  # autocommit: the task runs at once and fails, so all are retrying
    assert OutboundEmail.objects.filter(status="retrying").count() == 60
    settings.TEST_MAIL_SERVER_DOWN = False
    OutboundEmail.objects.update(next_attempt_at=OutboundEmail.objects.first().created_at)

    start = threading.Barrier(4)
    errors = []

    def worker():
        try:
            start.wait()
            outbound_emails_send_due(limit=20)
            outbound_emails_send_due(limit=100)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        f"p{number}@example.org" for number in range(60)
    )
    assert OutboundEmail.objects.filter(status="sent").count() == 60
