"""Send the emails whose time has come: retries after a failure, and queued ones no task took.

Safe to run every minute from cron or a systemd timer, on several machines at once: each email is
claimed before it is sent, so none goes out twice.
"""

from django.core.management.base import BaseCommand

from hope.outbox.services import outbound_emails_send_due


class Command(BaseCommand):
    help = "Send queued and due-for-retry emails from the outbox (run every minute)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=500, help="At most this many emails per run."
        )

    def handle(self, *args, limit, **options):
        counts = outbound_emails_send_due(limit=limit)
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items()))
        self.stdout.write(summary or "nothing due")
