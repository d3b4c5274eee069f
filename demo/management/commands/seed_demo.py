"""Load demo accounts and demo content. Idempotent; refuses to run under production settings."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bookings.services.checklists import checklists_backfill
from demo import accounts, experts, followup, impact, pages, workflow

# Order matters: accounts first, the site before the experts' directory, experts before requests.
SEEDERS = [accounts, pages, experts, workflow, followup, impact]


class Command(BaseCommand):
    help = "Create demo accounts and demo content (development and tests only)."

    def handle(self, *args, **options):
        if not getattr(settings, "HOPE_ALLOW_DEMO_DATA", False):
            raise CommandError(
                "Demo data is refused under these settings (production?). "
                "Use DJANGO_SETTINGS_MODULE=hope.settings.dev."
            )
        password = os.environ.get("DEMO_PASSWORD") or settings.HOPE_DEMO_DEFAULT_PASSWORD
        with transaction.atomic():
            for seeder in SEEDERS:
                seeder.seed(password=password, stdout=self.stdout)
            # Engagements written directly (dates in the past) get the checklist that
            # confirming them through the service would have made.
            checklists_backfill()

        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo logins:"))
        for email, *_rest in accounts.DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<28} password: {password}")
