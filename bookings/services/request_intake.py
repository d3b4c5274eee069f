"""A request comes in: submitted by a contact or a guest, confirmed by email, or purged when
the guest never confirms.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bookings.enums import ActivityKind, MembershipRole, RequestStatus
from bookings.models import (
    BookingRequest,
    Organisation,
    OrganisationMembership,
    next_request_reference,
)
from bookings.models.impact import RequestSource
from bookings.rules import is_staff_or_expert
from bookings.services.request_base import (
    _clean_data,
    _email_context,
    _log,
    _replace_date_options,
    _validate_date_options,
    _validate_request_data,
)
from bookings.services.request_status import booking_set_status
from bookings.workflow import Actor
from hope.emails import send_templated_email_to_user
from hope.outbox.services import outbound_emails_delete_for_requests

logger = logging.getLogger(__name__)


def _earlier_request(contact, submission_token) -> BookingRequest | None:
    """The request stored earlier from the same form by the same contact, if any."""
    if not submission_token or contact is None or contact.pk is None:
        return None
    return BookingRequest.objects.filter(submission_token=submission_token, contact=contact).first()


def booking_submit(*, contact, submission_token: str | None = None, **kwargs) -> BookingRequest:
    """Store a new request for `contact` (see `_booking_submit_once` for the arguments).

    With the form's `submission_token`, the same form posted again returns the first request:
    nothing is stored, logged or emailed twice. Two posts at the same moment meet at the unique
    token column; the loser's work is rolled back and it returns the winner's request.
    """
    earlier = _earlier_request(contact, submission_token)
    if earlier is not None:
        return earlier
    try:
        return _booking_submit_once(contact=contact, submission_token=submission_token, **kwargs)
    except IntegrityError:
        earlier = _earlier_request(contact, submission_token)
        if earlier is None:
            raise
        return earlier


@transaction.atomic
def _booking_submit_once(
    *,
    contact,
    data: dict,
    topics: Iterable = (),
    date_options: Sequence[tuple[dt.datetime, dt.datetime]] = (),
    organisation: Organisation | None = None,
    new_organisation: dict | None = None,
    consent: bool,
    confirmed: bool,
    submission_token: str | None = None,
) -> BookingRequest:
    """Store a new request for `contact`.

    `confirmed=True` (a logged-in contact) sends it straight to triage; `False` (a guest) keeps it
    awaiting email confirmation. The organisation is `organisation` (the contact must be a member)
    or a new, unverified one made from `new_organisation` (name, kind, website).
    """
    if not consent:
        raise ValidationError(_("Please agree to the privacy statement."))
    if is_staff_or_expert(contact):
        raise PermissionDenied(
            _("Staff and expert accounts cannot ask for an expert. Use an organisation's account.")
        )
    _validate_request_data(data)
    _validate_date_options(date_options)
    if organisation is None:
        if not new_organisation or not (new_organisation.get("name") or "").strip():
            raise ValidationError(_("Name your organisation."))
        organisation = Organisation.objects.create(
            name=new_organisation["name"].strip(),
            kind=new_organisation.get("kind") or "other",
            website=(new_organisation.get("website") or "").strip(),
        )
    membership_exists = OrganisationMembership.objects.filter(
        organisation=organisation, user=contact
    ).exists()
    if not membership_exists:
        if organisation.memberships.exists():
            # Nobody joins an existing organisation by submitting a form.
            raise PermissionDenied(_("You are not a member of this organisation."))
        # The first contact of an organisation manages its team (bookings.services.organisations).
        OrganisationMembership.objects.create(
            organisation=organisation, user=contact, role=MembershipRole.ADMIN
        )

    now = timezone.now()
    booking_request = BookingRequest.objects.create(
        reference=next_request_reference(),
        organisation=organisation,
        contact=contact,
        status=RequestStatus.AWAITING_CONFIRMATION,
        source=RequestSource.PORTAL if confirmed else RequestSource.GUEST,
        submitted_at=now,
        consent_at=now,
        submission_token=submission_token,
        **_clean_data(data),
    )
    booking_request.topics.set(list(topics))
    _replace_date_options(booking_request, date_options)
    _log(
        booking_request=booking_request,
        kind=ActivityKind.CREATED,
        actor=contact,
        new_status=RequestStatus.AWAITING_CONFIRMATION,
    )
    if confirmed:
        booking_set_status(
            booking_request=booking_request,
            new_status=RequestStatus.IN_TRIAGE,
            actor=contact,
            role=Actor.ORGANISATION,
        )
    return booking_request


def guest_confirmation_needed(*, booking_request: BookingRequest) -> None:
    """Email a guest how to confirm: allauth's verification link, or log in if they have an account.

    The verification link is allauth's own (EmailConfirmationHMAC), so opening it verifies the
    address and `booking_confirm_guest` runs on allauth's `email_confirmed` signal.
    """
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    user = booking_request.contact
    address = (
        EmailAddress.objects.filter(user=user, email__iexact=user.email)
        .order_by("-verified")
        .first()
    )
    if address is None:
        address = EmailAddress.objects.create(user=user, email=user.email, primary=True)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        if address.verified:
            context = {"login_url": base + reverse("account_login")}
            template = "bookings/guest_confirm_login"
        else:
            key = EmailConfirmationHMAC(address).key
            context = {"confirm_url": base + reverse("account_confirm_email", args=[key])}
            template = "bookings/guest_confirm"
    send_templated_email_to_user(
        user=user, template=template, context=_email_context(booking_request, **context)
    )


@transaction.atomic
def booking_confirm_guest(*, user, booking_request: BookingRequest | None = None) -> list:
    """The guest proved their address: their waiting requests (or the one given) reach triage."""
    requests = BookingRequest.objects.filter(
        contact=user, status=RequestStatus.AWAITING_CONFIRMATION
    )
    if booking_request is not None:
        requests = requests.filter(pk=booking_request.pk)
    confirmed = []
    for waiting in requests.select_related("organisation"):
        confirmed.append(
            booking_set_status(
                booking_request=waiting,
                new_status=RequestStatus.IN_TRIAGE,
                actor=user,
                role=Actor.ORGANISATION,
            )
        )
    if booking_request is not None and confirmed:
        booking_request.status = confirmed[0].status
        booking_request.version = confirmed[0].version
    return confirmed


@transaction.atomic
def booking_submit_as_guest(
    *,
    email: str,
    first_name: str,
    last_name: str,
    language: str,
    new_organisation: dict,
    data: dict,
    topics: Iterable = (),
    date_options: Sequence[tuple[dt.datetime, dt.datetime]] = (),
    consent: bool,
    submission_token: str | None = None,
) -> BookingRequest | None:
    """A visitor asks without logging in: store the request awaiting confirmation and email them.

    A new address gets an account without a password and allauth's verification link; opening
    it confirms the request. An address that already has a verified account is asked to log in
    and confirm. Either way nothing reaches the coordinators before the address is proven, and
    nobody is added to an existing organisation.

    The address of a staff member or an expert stores nothing and sends nothing (returns None):
    the visitor sees the same page as anyone else, so the form tells nobody whose address it is
    (docs/decisions.md).
    """
    from allauth.account.models import EmailAddress

    email = email.strip().lower()
    User = get_user_model()
    contact = User.objects.filter(email__iexact=email).first()
    if contact is not None and is_staff_or_expert(contact):
        logger.warning("Public request form used with a staff or expert address; nothing stored.")
        return None
    if submission_token:
        earlier = BookingRequest.objects.filter(submission_token=submission_token).first()
        if earlier is not None:
            if contact is not None and earlier.contact_id == contact.pk:
                return earlier  # the same form again: no second request, no second email
            submission_token = None  # the form was sent again with another address: a new one
    if contact is None:
        contact = User(
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            preferred_language=language if language in dict(settings.LANGUAGES) else "nl",
        )
        contact.set_unusable_password()
        contact.save()
        EmailAddress.objects.create(user=contact, email=email, primary=True, verified=False)
    membership = contact.organisation_memberships.select_related("organisation").first()
    booking_request = booking_submit(
        contact=contact,
        organisation=membership.organisation if membership else None,
        new_organisation=None if membership else new_organisation,
        data=data,
        topics=topics,
        date_options=date_options,
        consent=consent,
        confirmed=False,
        submission_token=submission_token,
    )
    if contact.is_active:
        guest_confirmation_needed(booking_request=booking_request)
    return booking_request


@transaction.atomic
def purge_unconfirmed_requests(*, older_than: dt.timedelta = dt.timedelta(days=7)) -> dict:
    """Delete requests whose guest never confirmed, and what was made only for them.

    Also removes the organisations that were created with such a request and have nothing else
    left, and the accounts that never proved their address, have no password and nothing else.
    Idempotent: a second run finds nothing.
    """
    from allauth.account.models import EmailAddress

    cutoff = timezone.now() - older_than
    stale = BookingRequest.objects.filter(
        status=RequestStatus.AWAITING_CONFIRMATION, created_at__lt=cutoff
    )
    organisation_ids = set(stale.values_list("organisation_id", flat=True))
    contact_ids = set(stale.exclude(contact=None).values_list("contact_id", flat=True))
    deleted_requests = stale.count()
    # Their emails go too: the outbox would otherwise keep the guest's address for a year.
    outbound_emails_delete_for_requests(
        booking_request_ids=list(stale.values_list("pk", flat=True))
    )
    stale.delete()

    orphans = Organisation.objects.filter(
        pk__in=organisation_ids, verified=False, booking_requests__isnull=True
    )
    orphan_ids = list(orphans.values_list("pk", flat=True))
    OrganisationMembership.objects.filter(organisation_id__in=orphan_ids).delete()
    deleted_organisations = Organisation.objects.filter(pk__in=orphan_ids).delete()[0]

    deleted_users = 0
    User = get_user_model()
    for user in User.objects.filter(pk__in=contact_ids, is_staff=False, is_superuser=False):
        never_proven = not EmailAddress.objects.filter(user=user, verified=True).exists()
        has_anything = (
            user.has_usable_password()
            or user.last_login is not None
            or user.booking_requests.exists()
            or user.organisation_memberships.exists()
            or user.groups.exists()
            or hasattr(user, "expert")
        )
        if never_proven and not has_anything:
            user.delete()
            deleted_users += 1
    return {
        "requests": deleted_requests,
        "organisations": deleted_organisations,
        "users": deleted_users,
    }
