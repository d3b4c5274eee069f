"""Anonymise requests that have been closed (or otherwise finished) past the retention period.

Safe to run repeatedly (daily from cron or a systemd timer); see docs/deployment.md.
"""

from django.core.management.base import BaseCommand

from bookings.services.retention import anonymise_due_requests, retention_days


class Command(BaseCommand):
    help = "Strip personal data from finished requests older than HOPE_REQUEST_RETENTION_DAYS."

    def handle(self, *args, **options):
        count = anonymise_due_requests()
        self.stdout.write(
            f"Anonymised {count} request(s) finished more than {retention_days()} days ago."
        )
