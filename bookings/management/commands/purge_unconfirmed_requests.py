"""Delete guest requests that were never confirmed (older than 7 days). Safe to run daily."""

import datetime as dt

from django.core.management.base import BaseCommand

from bookings.services.request_intake import purge_unconfirmed_requests


class Command(BaseCommand):
    help = (
        "Delete booking requests still awaiting email confirmation after DAYS days (default 7), "
        "with the organisations and never-verified accounts made only for them. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days, **options):
        result = purge_unconfirmed_requests(older_than=dt.timedelta(days=max(days, 1)))
        self.stdout.write(
            f"Deleted {result['requests']} unconfirmed request(s), "
            f"{result['organisations']} organisation(s), {result['users']} account(s)."
        )
