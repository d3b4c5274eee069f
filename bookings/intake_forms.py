"""Who is asking, next to the request form: a guest's details, a new organisation, or one of
the contact's own organisations.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bookings.enums import OrganisationKind


class GuestDetailsForm(forms.Form):
    """Who is asking, for a visitor who is not logged in."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send a link to confirm your request to this address."),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class NewOrganisationForm(forms.Form):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("Choose…")), *OrganisationKind.choices],
    )
    organisation_website = forms.URLField(
        label=_("Website of the organisation"), required=False, assume_scheme="https"
    )

    def organisation_data(self) -> dict:
        return {
            "name": self.cleaned_data["organisation_name"],
            "kind": self.cleaned_data["organisation_kind"],
            "website": self.cleaned_data.get("organisation_website") or "",
        }


class ChooseOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from bookings.models import Organisation

        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user
        ).order_by("name")
