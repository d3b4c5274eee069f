"""The demo logins (README and `make run` print them) and their groups."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

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


def ensure_demo_user(*, email: str, password: str, first_name="", last_name="", language="nl"):
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(
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


def seed(*, password: str, stdout) -> None:
    sync_groups()
    for email, first, last, group_name, language in DEMO_ACCOUNTS:
        user = ensure_demo_user(
            email=email, password=password, first_name=first, last_name=last, language=language
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
