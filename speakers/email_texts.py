"""The experts app's email coordinators may edit (hope.mailtemplates): the invitation to the
expert portal. Its links are for her alone; nothing else of her profile is offered."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hope.mailtemplates.registry import EmailTemplateSpec, Placeholder, register


def _greeting_name(context):
    return getattr(context.get("recipient"), "greeting_name", "") or ""


def register_email_texts() -> None:
    register(
        EmailTemplateSpec(
            template="speakers/invitation",
            label=_("Invitation to the expert portal"),
            audience=_("Expert"),
            placeholders=(
                Placeholder(
                    "first_name",
                    _("First name of the person the email is for"),
                    _greeting_name,
                    "Sanne",
                ),
                Placeholder(
                    "set_password_url",
                    _("Link to choose a password (works for three days)"),
                    lambda c: c.get("set_password_url"),
                    "https://platformhope.nl/accounts/password/reset/key/…/",
                ),
                Placeholder(
                    "login_url",
                    _("Link to the login page"),
                    lambda c: c.get("login_url"),
                    "https://platformhope.nl/accounts/login/",
                ),
                Placeholder(
                    "site_name",
                    _("Name of the site"),
                    lambda c: c.get("site_name"),
                    "Platform HOPE",
                ),
            ),
            marker_context={
                "recipient": {"greeting_name": "{{ first_name }}"},
                "set_password_url": "{{ set_password_url }}",
                "login_url": "{{ login_url }}",
            },
        )
    )
