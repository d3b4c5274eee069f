"""The outbox: secrets encrypted at rest, rendering at send time, retry with backoff after an
outage, no email sent twice, and pruning."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from hope.emails import send_templated_email, send_templated_email_to_user
from hope.models import OutboundEmail, OutboundEmailStatus
from hope.outbox.selectors import outbound_emails_for_request
from hope.outbox.services import (
    BACKOFF_MINUTES,
    MAX_ATTEMPTS,
    outbound_email_deliver,
    outbound_emails_send_due,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OUTAGE_BACKEND = "tests.mail_backends.OutageEmailBackend"
SECRET_LINK = "https://portal.example/antwoord/Zm9vYmFyLXNlY3JldC10b2tlbg/ja/"
PLACE = "Wijkcentrum De Linde, Lindelaan 12, Utrecht"


def raw_rows(table: str) -> str:
    """Everything the database stores in a table, as one string (what a backup would hold)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names from the test
        return repr(cursor.fetchall())


def test_the_stored_row_holds_no_link_place_or_name_in_plain_text(run_on_commit, mailoutbox):
    expert = UserFactory(preferred_language="en", first_name="Noor")
    with (
        override_settings(TEST_MAIL_SERVER_DOWN=True, EMAIL_BACKEND=OUTAGE_BACKEND),
        run_on_commit(),
    ):
        send_templated_email_to_user(
            user=expert, template="test_message", context={"name": f"{SECRET_LINK} {PLACE}"}
        )
    stored = raw_rows(OutboundEmail._meta.db_table)
    assert "test_message" in stored  # the row is there, waiting for a retry
    assert SECRET_LINK not in stored
    assert "Zm9vYmFyLXNlY3JldC10b2tlbg" not in stored
    assert "Lindelaan" not in stored
    assert "Noor" not in stored  # the recipient is a reference, loaded at send time
    assert mailoutbox == []


def test_the_task_row_carries_only_the_outbox_id(run_on_commit):
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        with run_on_commit():
            send_templated_email(
                to="someone@example.org",
                template="test_message",
                context={"name": SECRET_LINK},
                language="nl",
            )
        task_row = DBTaskResult.objects.get()
    email = OutboundEmail.objects.get()
    assert task_row.args_kwargs == {"args": [], "kwargs": {"outbound_email_id": email.pk}}
    assert "someone@example.org" not in raw_rows(DBTaskResult._meta.db_table)
    assert SECRET_LINK not in raw_rows(DBTaskResult._meta.db_table)


def test_a_sent_email_is_rendered_at_send_time_and_keeps_only_its_encrypted_context(
    run_on_commit, mailoutbox
):
    person = UserFactory(preferred_language="nl", first_name="Sam")
    with run_on_commit():
        send_templated_email_to_user(user=person, template="test_message", context={"name": "Sam"})
        person.first_name = "Samira"  # the recipient is loaded again when the email is sent
        person.save()
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmailStatus.SENT
    # The context stays, encrypted, for a coordinator's resend; prune wipes it after 30 days.
    assert email.payload and "Sam" not in email.payload
    assert email.can_resend
    assert email.sent_at is not None
    assert email.recipient_role == "guest"
    assert email.language == "nl"
    [message] = mailoutbox
    assert "Hallo Sam" in message.body
    assert message.extra_headers["Message-ID"] == email.message_id
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    assert email.message_id.endswith(f"@{host}>")


def test_an_email_whose_subject_no_longer_exists_fails_and_is_shown(run_on_commit, mailoutbox):
    person = UserFactory()
    with (
        override_settings(TEST_MAIL_SERVER_DOWN=True, EMAIL_BACKEND=OUTAGE_BACKEND),
        run_on_commit(),
    ):
        send_templated_email(
            to="x@example.org", template="test_message", context={"name": person}, language="en"
        )
    person.delete()
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        call_command("send_due_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmailStatus.FAILED
    assert email.last_error == "Could not render: DoesNotExist"
    assert mailoutbox == []


@override_settings(EMAIL_BACKEND=OUTAGE_BACKEND)
def test_mail_server_down_for_100_emails_then_back_delivers_each_exactly_once(
    run_on_commit, mailoutbox, settings
):  # noqa: F811
    settings.TEST_MAIL_SERVER_DOWN = True
    with run_on_commit():
        for number in range(100):
            send_templated_email(
                to=f"person{number}@example.org",
                template="test_message",
                context={"name": f"Person {number}"},
                language="en",
            )
    assert mailoutbox == []
    assert OutboundEmail.objects.filter(status=OutboundEmailStatus.RETRYING).count() == 100
    email = OutboundEmail.objects.first()
    assert email.attempts == 1
    assert email.last_error == "ConnectionRefusedError"
    assert "example.org" not in email.last_error

    # Still down one minute later: a second attempt, then a longer wait.
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1, seconds=5)):
        call_command("send_due_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert OutboundEmail.objects.filter(attempts=2, status="retrying").count() == 100

    settings.TEST_MAIL_SERVER_DOWN = False
    # Back up, but the next attempt is not due yet: nothing is sent early.
    call_command("send_due_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mailoutbox == []
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=7)):
        call_command("send_due_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("send_due_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115 - twice
    assert len(mailoutbox) == 100
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        f"person{number}@example.org" for number in range(100)
    )
    assert OutboundEmail.objects.filter(status=OutboundEmailStatus.SENT).count() == 100
    assert "Hello Person 7," in next(m.body for m in mailoutbox if m.to == ["person7@example.org"])


@override_settings(EMAIL_BACKEND=OUTAGE_BACKEND, TEST_MAIL_SERVER_DOWN=True)
def test_backoff_grows_then_the_email_is_marked_failed(run_on_commit):
    with run_on_commit():
        send_templated_email(
            to="a@example.org", template="test_message", context={"name": "A"}, language="nl"
        )
    email = OutboundEmail.objects.get()
    waits = []
    moment = timezone.now()
    while email.status == OutboundEmailStatus.RETRYING:
        waits.append(round((email.next_attempt_at - moment).total_seconds() / 60))
        moment = email.next_attempt_at + dt.timedelta(seconds=1)
        outbound_emails_send_due(now=moment)
        email.refresh_from_db()
    assert waits == list(BACKOFF_MINUTES)
    assert email.status == OutboundEmailStatus.FAILED
    assert email.attempts == MAX_ATTEMPTS
    assert email.payload  # kept, so a coordinator can resend it


def test_a_claimed_email_is_not_sent_by_a_second_worker(mailoutbox):
    email = OutboundEmail.objects.create(
        template="test_message",
        to_address="b@example.org",
        recipient_role="other",
        language="en",
        payload=__import__("hope.outbox.crypto", fromlist=["encrypt"]).encrypt(
            {"context": {"__t": "dict", "v": {"name": "B"}}}
        ),
        message_id="<1@example.org>",
    )
    assert outbound_email_deliver(outbound_email_id=email.pk) == OutboundEmailStatus.SENT
    assert outbound_email_deliver(outbound_email_id=email.pk) is None
    assert outbound_emails_send_due() == {}
    assert len(mailoutbox) == 1


def test_emails_about_a_request_are_listed_for_it(run_on_commit):
    with run_on_commit():
        send_templated_email(
            to="c@example.org",
            template="test_message",
            context={"name": "C"},
            language="en",
            booking_request_id=42,
            recipient_role="organisation",
        )
        send_templated_email(
            to="d@example.org", template="test_message", context={"name": "D"}, language="en"
        )
    [email] = outbound_emails_for_request(42)
    assert (email.recipient_role, email.status) == ("organisation", "sent")


def test_prune_tasks_deletes_old_finished_task_rows_and_old_sent_log_rows(run_on_commit):
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        with run_on_commit():
            for name in ("old", "new", "waiting"):
                send_templated_email(
                    to=f"{name}@example.org",
                    template="test_message",
                    context={"name": name},
                    language="en",
                )
        old_task, new_task, waiting_task = DBTaskResult.objects.order_by("enqueued_at")
        now = timezone.now()
        DBTaskResult.objects.filter(pk=old_task.pk).update(
            status="SUCCESSFUL", finished_at=now - dt.timedelta(days=8)
        )
        DBTaskResult.objects.filter(pk=new_task.pk).update(
            status="SUCCESSFUL", finished_at=now - dt.timedelta(days=6)
        )
    OutboundEmail.objects.filter(to_address="old@example.org").update(
        status="sent", payload="", created_at=now - dt.timedelta(days=400)
    )
    OutboundEmail.objects.filter(to_address="new@example.org").update(
        status="sent", payload="", created_at=now - dt.timedelta(days=300)
    )
    OutboundEmail.objects.filter(to_address="waiting@example.org").update(
        status="retrying", created_at=now - dt.timedelta(days=400)
    )

    call_command("prune_tasks", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {new_task.pk, waiting_task.pk}
    assert set(OutboundEmail.objects.values_list("to_address", flat=True)) == {
        "new@example.org",
        "waiting@example.org",
    }


def test_allauth_emails_go_through_the_encrypted_outbox(client, mailoutbox, run_on_commit):
    user = UserFactory(email="reset-me@example.org")
    with run_on_commit():
        client.post("/en/accounts/password/reset/", {"email": user.email})
    email = OutboundEmail.objects.get(to_address=user.email)
    assert email.template == "account/password_reset_key"
    assert email.status == OutboundEmailStatus.SENT
    [message] = mailoutbox
    assert "/password/reset/key/" in message.body


@override_settings(EMAIL_BACKEND=OUTAGE_BACKEND, TEST_MAIL_SERVER_DOWN=True)
def test_an_allauth_reset_link_waiting_for_retry_is_not_readable_in_the_database(
    client, run_on_commit
):
    user = UserFactory(email="waiting-reset@example.org")
    with run_on_commit():
        client.post("/en/accounts/password/reset/", {"email": user.email})
    email = OutboundEmail.objects.get(to_address=user.email)
    assert email.status == OutboundEmailStatus.RETRYING
    stored = raw_rows(OutboundEmail._meta.db_table)
    assert "password/reset/key" not in stored
    assert "Password Reset" not in stored and "wachtwoord" not in stored.lower()


@override_settings(EMAIL_BACKEND=OUTAGE_BACKEND)
def test_after_an_outage_each_email_arrives_in_its_recipients_language(
    run_on_commit, mailoutbox, settings
):  # noqa: F811
    settings.TEST_MAIL_SERVER_DOWN = True
    dutch = UserFactory(preferred_language="nl", first_name="Sanne")
    english = UserFactory(preferred_language="en", first_name="Alex")
    with run_on_commit():
        for user in (dutch, english):
            send_templated_email_to_user(
                user=user, template="test_message", context={"name": user.first_name}
            )
    settings.TEST_MAIL_SERVER_DOWN = False
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        call_command("send_due_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
    by_address = {message.to[0]: message for message in mailoutbox}
    assert "Hallo Sanne," in by_address[dutch.email].body
    assert "Testbericht" in by_address[dutch.email].subject
    assert '<html lang="nl">' in by_address[dutch.email].alternatives[0][0]
    assert "Hello Alex," in by_address[english.email].body
    assert "Test message" in by_address[english.email].subject


def test_after_30_days_the_context_of_a_sent_email_is_wiped(run_on_commit):
    with run_on_commit():
        send_templated_email(
            to="a@example.org", template="test_message", context={"name": "A"}, language="en"
        )
    email = OutboundEmail.objects.get()
    assert email.payload
    with time_machine.travel(timezone.now() + dt.timedelta(days=29)):
        call_command("prune_tasks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    email.refresh_from_db()
    assert email.payload
    with time_machine.travel(timezone.now() + dt.timedelta(days=31)):
        call_command("prune_tasks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    email.refresh_from_db()
    assert email.payload == "" and not email.can_resend
    assert email.status == OutboundEmailStatus.SENT  # the log line itself stays


def test_emails_handed_over_as_finished_text_keep_nothing_once_sent(run_on_commit):
    from hope.emails import enqueue_rendered_email

    with run_on_commit():
        enqueue_rendered_email(to=["b@example.org"], subject="Your code", text="Code 123456")
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmailStatus.SENT
    assert email.payload == "" and not email.can_resend
