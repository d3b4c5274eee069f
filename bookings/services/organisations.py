"""An organisation's own team: its administrator invites and removes colleagues.

Colleagues see each other's requests (bookings.selectors.portal_requests), so only an
administrator of the organisation may add or remove one. Staff and expert accounts are never
made members of an organisation: an invitation for such an address looks sent to the inviter
(no enumeration) but changes nothing and reaches nobody.
"""

from __future__ import annotations

import logging

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from bookings.enums import MembershipRole
from bookings.models import Organisation, OrganisationMembership
from hope.emails import send_templated_email_to_user
from hope.roles import is_coordinator, is_editor
from speakers.services.experts import set_password_url

logger = logging.getLogger(__name__)


def organisation_is_admin(*, user, organisation: Organisation) -> bool:
    return OrganisationMembership.objects.filter(
        organisation=organisation, user=user, role=MembershipRole.ADMIN
    ).exists()


def _may_not_join_organisations(user) -> bool:
    return bool(
        user.is_superuser
        or is_coordinator(user)
        or is_editor(user)
        or getattr(user, "expert", None) is not None
    )


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _require_admin(*, actor, organisation: Organisation) -> None:
    if not organisation_is_admin(user=actor, organisation=organisation):
        raise PermissionDenied(_("Only an administrator of the organisation may do this."))


@transaction.atomic
def organisation_invite_colleague(
    *, organisation: Organisation, email: str, invited_by, language: str = ""
) -> None:
    """Make `email` a contact of `organisation` and tell them, with a set-password link when the
    address has no account yet."""
    _require_admin(actor=invited_by, organisation=organisation)
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(_("Enter a valid email address.")) from error
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is None and EmailAddress.objects.filter(email__iexact=email).exists():
        user = EmailAddress.objects.filter(email__iexact=email).first().user
    if user is not None and _may_not_join_organisations(user):
        logger.warning(
            "organisation %s: invitation for a staff or expert account ignored", organisation.pk
        )
        return
    if (
        user is not None
        and OrganisationMembership.objects.filter(organisation=organisation, user=user).exists()
    ):
        raise ValidationError(_("This person is already a member of your organisation."))

    created = user is None
    if created:
        user = user_model(email=email, preferred_language=language)
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    OrganisationMembership.objects.create(
        organisation=organisation, user=user, role=MembershipRole.CONTACT
    )
    with translation.override(getattr(user, "preferred_language", None) or language):
        portal_url = _absolute(reverse("bookings:portal"))
        login_url = _absolute(reverse("account_login"))
    send_templated_email_to_user(
        user=user,
        template="bookings/colleague_invited",
        context={
            "organisation": organisation,
            "invited_by_name": invited_by.get_full_name() or invited_by.email,
            "set_password_url": set_password_url(user=user) if created else "",
            "login_url": login_url,
            "portal_url": portal_url,
        },
    )
    logger.info("organisation %s: colleague added by user %s", organisation.pk, invited_by.pk)


@transaction.atomic
def organisation_remove_colleague(*, membership: OrganisationMembership, removed_by) -> None:
    """Remove a colleague; their requests stay with the organisation. The last administrator
    cannot remove themselves (the organisation would have nobody to manage its team)."""
    organisation = membership.organisation
    _require_admin(actor=removed_by, organisation=organisation)
    locked = OrganisationMembership.objects.select_for_update().get(pk=membership.pk)
    if locked.role == MembershipRole.ADMIN:
        admins = OrganisationMembership.objects.filter(
            organisation=organisation, role=MembershipRole.ADMIN
        ).count()
        if admins <= 1:
            raise ValidationError(
                _("Make a colleague administrator first: the team needs at least one.")
            )
    locked.delete()
    logger.info("organisation %s: colleague removed by user %s", organisation.pk, removed_by.pk)


@transaction.atomic
def organisation_set_role(*, membership: OrganisationMembership, role: str, changed_by) -> None:
    organisation = membership.organisation
    _require_admin(actor=changed_by, organisation=organisation)
    if role not in MembershipRole.values:
        raise ValidationError(_("Choose a role."))
    locked = OrganisationMembership.objects.select_for_update().get(pk=membership.pk)
    if locked.role == MembershipRole.ADMIN and role != MembershipRole.ADMIN:
        admins = OrganisationMembership.objects.filter(
            organisation=organisation, role=MembershipRole.ADMIN
        ).count()
        if admins <= 1:
            raise ValidationError(
                _("Make a colleague administrator first: the team needs at least one.")
            )
    locked.role = role
    locked.save(update_fields=["role"])
