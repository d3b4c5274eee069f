"""Compile every project .po file to .mo with polib (no GNU gettext needed).

The compiled .mo files are committed, so running the portal needs no compile step; run this
after editing a .po file (`make messages` does both steps).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

PROJECT_LOCALE_DIRS = ["locale", "hope/locale", "cms/locale", "speakers/locale", "bookings/locale"]


def project_po_files() -> list[Path]:
    files = []
    for folder in PROJECT_LOCALE_DIRS:
        root = Path(settings.BASE_DIR) / folder
        if root.exists():
            files.extend(sorted(root.glob("*/LC_MESSAGES/*.po")))
    return files


class Command(BaseCommand):
    help = "Compile the project's .po files to .mo (pure Python)."

    def handle(self, *args, **options):
        import polib

        for po_path in project_po_files():
            catalogue = polib.pofile(str(po_path))
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
