"""Give every engagement whose date is fixed (and aftercare not recorded yet) its checklist,
when it has none: engagements confirmed before checklists existed. Safe to run again."""

from django.core.management.base import BaseCommand

from bookings.services.checklists import checklists_backfill


class Command(BaseCommand):
    help = "Make the missing checklists of confirmed engagements. Idempotent."

    def handle(self, *args, **options):
        made = checklists_backfill()
        self.stdout.write(f"Made the checklist of {made} engagement(s).")
