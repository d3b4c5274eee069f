"""Admin hooks of the foundation: the account page links to allauth's session list and MFA."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def signed_in_devices_item(request):
    return {
        "url": reverse("usersessions_list"),
        "label": _("Where you are signed in"),
        "help_text": _("See your sessions and sign out everywhere else."),
    }


@hooks.register("register_account_menu_item")
def second_factor_item(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _("Set up or change your authenticator app and recovery codes."),
    }
