"""Demo organisations and their contacts (`demo/content/organisations.json`). Idempotent: an
organisation is found by name, a contact by email address."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from bookings.enums import MembershipRole
from bookings.models import Organisation, OrganisationMembership
from demo.content import load


def ensure_contact(*, email: str, password: str, organisation_name: str):
    """The organisation's contact: an existing demo account, or one made here."""
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        user = user_model.objects.create_user(
            email=email, password=password, first_name="Demo", last_name=organisation_name[:30]
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def seed_organisations(*, password: str) -> tuple[dict, dict]:
    """Every demo organisation with its contact as admin member, by key."""
    organisations, contacts = {}, {}
    for item in load("organisations")["organisations"]:
        organisation, _created = Organisation.objects.get_or_create(
            name=item["name"],
            defaults={
                "kind": item["kind"],
                "website": item["website"],
                "verified": item["verified"],
            },
        )
        contact = ensure_contact(
            email=item["contact"], password=password, organisation_name=item["name"]
        )
        OrganisationMembership.objects.get_or_create(
            organisation=organisation, user=contact, defaults={"role": MembershipRole.ADMIN}
        )
        organisations[item["key"]] = organisation
        contacts[item["key"]] = contact
    return organisations, contacts
