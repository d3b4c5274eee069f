"""Send each coordinator who chose the daily overview one email with her unsent items.

Safe to run more than once a day: a coordinator gets at most one overview per day (Amsterdam),
and items are marked sent in the same transaction that queues the email. See
docs/periodic-jobs.md.
"""

from django.core.management.base import BaseCommand

from bookings.services.coordinator_notices import send_coordinator_digests


class Command(BaseCommand):
    help = "Send the daily overview email to coordinators who chose it."

    def handle(self, *args, **options):
        report = send_coordinator_digests()
        self.stdout.write(f"Coordinator digests sent: {report}")
