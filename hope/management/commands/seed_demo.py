"""Load demo accounts and demo content. Idempotent; refuses to run under production settings."""

import os
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hope.roles import COORDINATORS, EDITORS, sync_groups

DEMO_ACCOUNTS = [
    # email, first name, last name, group, language
    ("coordinator@example.org", "Coco", "Coördinator", COORDINATORS, "nl"),
    ("editor@example.org", "Eddie", "Redacteur", EDITORS, "nl"),
    ("expert1@example.org", "", "", None, "nl"),
    ("expert2@example.org", "", "", None, "en"),
    ("org1@example.org", "Gea", "Gemeente", None, "nl"),
    ("org2@example.org", "Jurre", "Journalist", None, "nl"),
]
# Each app adds its own demo data; order matters (experts before requests).
DEMO_SEEDERS = [
    "cms.demo",
    "speakers.demo",
    "bookings.demo",
    "bookings.demo_followup",
    "bookings.demo_impact",
]


def ensure_demo_user(*, email: str, password: str, first_name="", last_name="", language="nl"):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        email=email,
        defaults={"first_name": first_name, "last_name": last_name, "preferred_language": language},
    )
    user.set_password(password)
    user.is_active = True
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


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
            sync_groups()
            for email, first, last, group_name, language in DEMO_ACCOUNTS:
                user = ensure_demo_user(
                    email=email,
                    password=password,
                    first_name=first,
                    last_name=last,
                    language=language,
                )
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
            for module_path in DEMO_SEEDERS:
                import_module(module_path).seed(password=password, stdout=self.stdout)

        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo logins:"))
        for email, *_rest in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<28} password: {password}")
