"""The mail server goes down during 100 notifications, then comes back: is any email lost?

    .venv/bin/python bench/mail_outage.py [--emails 100] [--timeout 300]

Builds a throwaway SQLite database, uses the production task backend (django-tasks database
backend, processed with `db_worker --batch`) and Django's SMTP backend pointed at a port on
127.0.0.1 where nothing listens yet (the server is "down"). It queues the notifications, lets the
worker try them all (each fails and is set to retry), then starts a tiny SMTP sink on that port,
waits until the first retry is due and runs `manage.py send_due_emails` until nothing is due.
The sink counts the Message-IDs it received. Prints "N enqueued, N delivered, 0 lost" and exits
non-zero when an email was lost or delivered twice. Bounded by --timeout; not part of `make test`.
"""

import argparse
import os
import socket
import socketserver
import sys
import tempfile
import threading
import time
from io import StringIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


class SMTPSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP for Django's backend (no TLS, no auth); keeps each message's Message-ID."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address):
        super().__init__(address, SMTPHandler)
        self.message_ids: list[str] = []
        self.lock = threading.Lock()


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink.localhost ESMTP ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 sink.localhost")
            elif command.startswith("DATA"):
                self.reply("354 end with <CRLF>.<CRLF>")
                message_id = None
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    if data.lower().startswith(b"message-id:"):
                        message_id = data.split(b":", 1)[1].strip().decode()
                with self.server.lock:
                    self.server.message_ids.append(message_id)
                self.reply("250 queued")
            elif command.startswith("QUIT"):
                self.reply("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=100)
    parser.add_argument("--timeout", type=int, default=300, help="give up after this many seconds")
    args = parser.parse_args()
    deadline = time.monotonic() + args.timeout

    port = free_port()
    workdir = tempfile.mkdtemp(prefix="hope-mail-outage-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="hope.settings.dev",
        DATABASE_URL=f"sqlite:///{workdir}/db.sqlite3",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="false",
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
    )
    import django

    django.setup()
    import logging

    for name in ("django_tasks", "django_tasks_db", "hope.outbox.services"):
        logging.getLogger(name).setLevel(logging.ERROR)  # one line per task and retry otherwise
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from hope.emails import send_templated_email
    from hope.models import OutboundEmail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django.test.signals import setting_changed

    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)

    print(f"migrating a throwaway database in {workdir} ...", flush=True)
    call_command("migrate", verbosity=0, interactive=False)

    quiet = StringIO()
    print(f"mail server on 127.0.0.1:{port} is down; queueing {args.emails} notifications")
    for number in range(args.emails):
        with transaction.atomic():
            send_templated_email(
                to=f"person{number}@example.org",
                template="test_message",
                context={"name": f"Person {number}"},
                language="nl" if number % 2 else "en",
            )
    call_command("db_worker", batch=True, no_startup_delay=True, stdout=quiet, stderr=quiet)
    statuses = {
        status: OutboundEmail.objects.filter(status=status).count()
        for status in ("queued", "retrying", "sent", "failed")
    }
    print(f"after the worker ran during the outage: {statuses}")

    sink = SMTPSink(("127.0.0.1", port))
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    print("mail server is back; waiting for the first retry to be due ...", flush=True)
    try:
        while time.monotonic() < deadline:
            due = OutboundEmail.objects.exclude(status__in=["sent", "failed"])
            if not due.exists():
                break
            first = due.order_by("next_attempt_at").first().next_attempt_at
            wait = (first - timezone.now()).total_seconds()
            if wait > 0:
                time.sleep(min(wait + 0.5, max(0.0, deadline - time.monotonic())))
            call_command("send_due_emails", stdout=quiet)
    finally:
        sink.shutdown()
        sink.server_close()

    delivered = {mid for mid in sink.message_ids if mid}
    duplicates = len(sink.message_ids) - len(delivered)
    expected = set(OutboundEmail.objects.values_list("message_id", flat=True))
    lost = len(expected - delivered)
    print(f"{args.emails} enqueued, {len(delivered & expected)} delivered, {lost} lost")
    print(f"delivered twice: {duplicates}")
    return 0 if lost == 0 and duplicates == 0 and len(expected) == args.emails else 1


if __name__ == "__main__":
    sys.exit(main())
