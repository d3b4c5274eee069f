"""Queue (or run) the follow-up job: reminders, aftercare check-ins, evaluations, alerts.

Safe to run every few minutes: every email leaves a unique marker, so nothing is sent twice.
See docs/periodic-jobs.md.
"""

from django.core.management.base import BaseCommand

from bookings.services.followup import run_followups
from bookings.tasks import run_followups_task


class Command(BaseCommand):
    help = "Send due reminders, aftercare check-ins, evaluation requests and overdue alerts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the job for the django-tasks worker instead of running it here.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = run_followups_task.enqueue()
            self.stdout.write(f"Queued follow-ups job {result.id}.")
            return
        report = run_followups()
        self.stdout.write(f"Follow-ups sent: {report}")
