"""Delete what no longer needs keeping: finished task rows and old outbox rows.

Run daily. Task rows carry only ids (see hope.tasks), but nothing needs them once finished. Sent
outbox rows lost their content when sent; their metadata (the sent log) is kept for a year.
"""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hope.outbox.services import outbox_prune


class Command(BaseCommand):
    help = (
        "Delete finished task rows older than --days and outbox rows older than --keep-sent-days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=7, help="Finished task rows older than this."
        )
        parser.add_argument(
            "--keep-sent-days",
            type=int,
            default=365,
            help="Keep the sent log (sent, failed and cancelled emails) this many days.",
        )

    def handle(self, *args, days, keep_sent_days, **options):
        cutoff = timezone.now() - dt.timedelta(days=days)
        tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
        emails = outbox_prune(keep_sent_days=keep_sent_days)
        self.stdout.write(f"task rows deleted: {tasks}; outbox rows deleted: {emails}")
