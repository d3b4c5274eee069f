"""The only code that changes booking requests, their messages and evaluations.

Every function takes keyword arguments, runs in one transaction, writes the activity log and
enqueues its emails after commit (hope.emails). Views and the back office call these.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bookings import workflow
from bookings.enums import (
    EDITABLE_BY_ORGANISATION,
    EVALUABLE_STATES,
    MESSAGING_STATES,
    ActivityKind,
    EngagementKind,
    MeetingMode,
    MembershipRole,
    RequestStatus,
)
from bookings.gates import check_gates
from bookings.models import (
    MAX_DATE_OPTIONS,
    MAX_DAYS_AHEAD,
    Activity,
    BookingRequest,
    DateOption,
    Evaluation,
    Message,
    Organisation,
    OrganisationMembership,
    next_request_reference,
)
from bookings.models.impact import RequestSource
from bookings.rules import is_staff_or_expert
from bookings.services.coordinator_notices import coordinator_notify
from bookings.workflow import Actor
from hope.emails import recipient_language, send_templated_email_to_user
from hope.outbox.services import outbound_emails_delete_for_requests
from hope.roles import COORDINATORS, is_coordinator

logger = logging.getLogger(__name__)

# Fields of a request the organisation fills in (the form and `booking_update` use these).
REQUEST_FIELDS = (
    "kind",
    "title",
    "description",
    "audience_description",
    "audience_kind",
    "audience_size",
    "mode",
    "place",
    "duration_minutes",
    "fee_offered",
    "preferred_expert",
    "offering",
    "media_outlet",
    "media_medium",
    "media_publication_date",
    "media_questions",
    "media_identity_conditions_accepted",
    "media_support_person",
    "media_quote_review_agreed",
)
MEDIA_FIELDS = (
    "media_outlet",
    "media_medium",
    "media_publication_date",
    "media_questions",
    "media_identity_conditions_accepted",
    "media_support_person",
    "media_quote_review_agreed",
)
_MEDIA_EMPTY = {
    "media_outlet": "",
    "media_medium": "",
    "media_publication_date": None,
    "media_questions": "",
    "media_identity_conditions_accepted": False,
    "media_support_person": "",
    "media_quote_review_agreed": False,
}


class TransitionNotAllowed(Exception):
    """A status change the workflow or the gates refuse. `str(error)` is translated."""

    def __init__(self, message: str, *, missing: Sequence[str] = ()):
        super().__init__(message)
        self.message = message
        self.missing = list(missing)


class StaleRequest(TransitionNotAllowed):
    """Someone else changed the request since the form was loaded."""


# --- helpers ------------------------------------------------------------------------------------


def actor_role(*, user, booking_request: BookingRequest) -> str | None:
    """The workflow role in which `user` acts on this request (None: no role at all)."""
    if user is None:
        return Actor.SYSTEM
    if is_coordinator(user):
        return Actor.COORDINATOR
    if booking_request.organisation.memberships.filter(user=user).exists():
        return Actor.ORGANISATION
    return None


def _may_act_as(*, role: str, user, booking_request: BookingRequest) -> bool:
    """An explicit role must be one the user holds. SYSTEM is for trusted code paths only."""
    if role == Actor.SYSTEM:
        return True
    if user is None:
        return False
    if role == Actor.COORDINATOR:
        return is_coordinator(user)
    if role == Actor.ORGANISATION:
        return booking_request.organisation.memberships.filter(user=user).exists()
    return False


def _request_url(booking_request: BookingRequest) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("bookings:request_detail", args=[booking_request.reference])


def coordinator_recipients(booking_request: BookingRequest) -> list:
    """The assigned coordinator, or every active coordinator while nobody is assigned."""
    if booking_request.coordinator_id and booking_request.coordinator.is_active:
        return [booking_request.coordinator]
    return list(
        get_user_model()
        .objects.filter(groups__name=COORDINATORS, is_active=True)
        .distinct()
        .order_by("email")
    )


def organisation_recipients(booking_request: BookingRequest) -> list:
    """The contact person; when they have no account any more, the organisation's members."""
    if booking_request.contact_id and booking_request.contact.is_active:
        return [booking_request.contact]
    return [
        membership.user
        for membership in booking_request.organisation.memberships.select_related("user")
        if membership.user.is_active
    ]


def _email_context(booking_request: BookingRequest, **extra) -> dict:
    return {
        "booking_request": booking_request,
        "reference": booking_request.reference,
        "title": booking_request.title,
        "request_url": _request_url(booking_request),
        "portal_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("bookings:portal"),
        **extra,
    }


def _notify_organisation(booking_request: BookingRequest, *, template: str, **context) -> None:
    for user in organisation_recipients(booking_request):
        # Links in the reader's language (an English contact gets /en/ addresses).
        with translation.override(recipient_language(user)):
            user_context = _email_context(booking_request, **context)
        send_templated_email_to_user(user=user, template=template, context=user_context)


def _notify_coordinators(booking_request: BookingRequest, *, template: str, **context) -> None:
    # Coordinators land on the request's own workspace, not the admin's front page.
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "booking_requests:inspect", args=[booking_request.pk]
    )
    for user in coordinator_recipients(booking_request):
        with translation.override(recipient_language(user)):
            user_context = _email_context(booking_request, admin_url=admin_url, **context)
        coordinator_notify(user=user, template=template, context=user_context)  # or her digest


def _log(
    *,
    booking_request: BookingRequest,
    kind: str,
    actor=None,
    message: str = "",
    old_status: str = "",
    new_status: str = "",
    visible_to_organisation: bool = True,
    engagement=None,
) -> Activity:
    return Activity.objects.create(
        request=booking_request,
        engagement=engagement,
        actor=actor,
        kind=kind,
        message=message,
        old_status=old_status,
        new_status=new_status,
        visible_to_organisation=visible_to_organisation,
    )


def _validate_date_options(date_options: Sequence[tuple[dt.datetime, dt.datetime]]) -> None:
    errors = []
    if len(date_options) > MAX_DATE_OPTIONS:
        errors.append(_("Give at most three date options."))
    now = timezone.now()
    horizon = now + dt.timedelta(days=MAX_DAYS_AHEAD)
    for starts_at, ends_at in date_options:
        if starts_at < now:
            errors.append(_("A date option lies in the past."))
        if starts_at > horizon:
            errors.append(_("A date option lies more than two years ahead."))
        if ends_at <= starts_at:
            errors.append(_("A date option ends before it starts."))
    if errors:
        raise ValidationError(errors)


def _validate_request_data(data: dict) -> None:
    errors = {}
    if (
        data.get("mode") in (MeetingMode.IN_PERSON, MeetingMode.HYBRID)
        and not (data.get("place") or "").strip()
    ):
        errors["place"] = _("Tell us where, as you meet in person.")
    if data.get("kind") == EngagementKind.MEDIA_INTERVIEW:
        if not (data.get("media_outlet") or "").strip():
            errors["media_outlet"] = _("Name the outlet you work for.")
        if not data.get("media_medium"):
            errors["media_medium"] = _("Choose the medium.")
        if not data.get("media_identity_conditions_accepted"):
            errors["media_identity_conditions_accepted"] = _(
                "A media interview is only possible when you accept the expert's identity "
                "conditions."
            )
    if errors:
        raise ValidationError(errors)


def _clean_data(data: dict) -> dict:
    """Keep only the request fields; drop media fields for other kinds; strip free text."""
    cleaned = {key: value for key, value in data.items() if key in REQUEST_FIELDS}
    for key, value in cleaned.items():
        if isinstance(value, str):
            cleaned[key] = value.strip()
    if cleaned.get("kind") and cleaned["kind"] != EngagementKind.MEDIA_INTERVIEW:
        cleaned.update(_MEDIA_EMPTY)
    if isinstance(cleaned.get("fee_offered"), (int, float)):
        cleaned["fee_offered"] = Decimal(str(cleaned["fee_offered"]))
    return cleaned


def _replace_date_options(
    booking_request: BookingRequest, date_options: Sequence[tuple[dt.datetime, dt.datetime]]
) -> None:
    booking_request.date_options.all().delete()
    DateOption.objects.bulk_create(
        DateOption(request=booking_request, starts_at=start, ends_at=end, position=position)
        for position, (start, end) in enumerate(date_options, start=1)
    )


# --- the one status changer ---------------------------------------------------------------------


@transaction.atomic
def booking_set_status(
    *,
    booking_request: BookingRequest,
    new_status: str,
    actor,
    message: str = "",
    role: str | None = None,
    visible_to_organisation: bool = True,
    expected_version: int | None = None,
    engagement=None,
    notify: bool = True,
) -> BookingRequest:
    """Move a request to `new_status` on behalf of `actor` (None = the system).

    Checks the transition for the actor's role, the gates (bookings.gates) and, when given,
    that the request is still at `expected_version` (stale forms). Saves with update_fields,
    bumps `version`, logs an Activity and enqueues the emails after commit.
    """
    new_status = RequestStatus(new_status)
    locked = BookingRequest.objects.select_for_update().get(pk=booking_request.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleRequest(
            _("This request was changed by someone else in the meantime. Reload and try again.")
        )
    if role is None:
        role = actor_role(user=actor, booking_request=locked)
    elif not _may_act_as(role=role, user=actor, booking_request=locked):
        raise TransitionNotAllowed(_("You may not change the status of this request."))
    old_status = RequestStatus(locked.status)
    if role is None or not workflow.is_allowed(
        old_status=old_status, new_status=new_status, actor=role
    ):
        raise TransitionNotAllowed(
            _("A request cannot go from “%(old)s” to “%(new)s”.")
            % {"old": old_status.label, "new": new_status.label}
        )
    if (
        role == Actor.COORDINATOR
        and new_status in workflow.MESSAGE_REQUIRED_TARGETS
        and not message.strip()
    ):
        raise TransitionNotAllowed(
            _("Write a short, kind message to the organisation for this step.")
        )
    missing = check_gates(locked, new_status)
    if missing:
        raise TransitionNotAllowed(
            _("This step is not possible yet: %(missing)s") % {"missing": " ".join(missing)},
            missing=missing,
        )

    now = timezone.now()
    locked.status = new_status
    locked.version = F("version") + 1
    update_fields = ["status", "version", "updated_at"]
    if old_status == RequestStatus.AWAITING_CONFIRMATION and new_status == RequestStatus.IN_TRIAGE:
        locked.confirmed_at = now
        update_fields.append("confirmed_at")
    locked.save(update_fields=update_fields)
    locked.refresh_from_db(fields=["version", "updated_at"])
    for field in ("status", "version", "updated_at", "confirmed_at"):
        setattr(booking_request, field, getattr(locked, field))

    _log(
        booking_request=locked,
        kind=ActivityKind.STATUS_CHANGED,
        actor=actor,
        message=message.strip(),
        old_status=old_status,
        new_status=new_status,
        visible_to_organisation=visible_to_organisation,
        engagement=engagement,
    )
    if notify:
        _notify_status_change(
            locked,
            old_status=old_status,
            new_status=new_status,
            role=role,
            message=message.strip() if visible_to_organisation else "",
        )
    return booking_request


def _notify_status_change(booking_request, *, old_status, new_status, role, message) -> None:
    if old_status == RequestStatus.AWAITING_CONFIRMATION and new_status == RequestStatus.IN_TRIAGE:
        _notify_organisation(booking_request, template="bookings/receipt")
        _notify_coordinators(booking_request, template="bookings/coordinator_new_request")
        return
    if new_status == RequestStatus.MORE_INFO_NEEDED and role != Actor.ORGANISATION:
        # Its own email, so coordinators can word the question's announcement themselves.
        _notify_organisation(booking_request, template="bookings/more_info_needed")
    elif new_status in workflow.NOTIFY_ORGANISATION and role != Actor.ORGANISATION:
        _notify_organisation(
            booking_request,
            template="bookings/status_changed",
            status_label=workflow.ORGANISATION_LABELS[new_status],
            next_step=workflow.ORGANISATION_NEXT_STEPS[new_status],
            message=message,
        )
    if new_status in workflow.NOTIFY_COORDINATORS and role != Actor.COORDINATOR:
        _notify_coordinators(
            booking_request,
            template="bookings/coordinator_status_changed",
            status_label=new_status.label,
            message=message,
        )


# --- the organisation's actions -----------------------------------------------------------------


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


def booking_withdraw(
    *, booking_request: BookingRequest, actor, reason: str = "", expected_version=None
) -> BookingRequest:
    return booking_set_status(
        booking_request=booking_request,
        new_status=RequestStatus.WITHDRAWN,
        actor=actor,
        role=Actor.ORGANISATION,
        message=reason,
        expected_version=expected_version,
    )


@transaction.atomic
def booking_update(
    *,
    booking_request: BookingRequest,
    actor,
    data: dict,
    topics: Iterable | None = None,
    date_options: Sequence[tuple[dt.datetime, dt.datetime]] | None = None,
    expected_version: int | None = None,
) -> BookingRequest:
    """The organisation changes its request while it is still in triage (or awaiting info)."""
    locked = BookingRequest.objects.select_for_update().get(pk=booking_request.pk)
    if not _may_act_as(role=Actor.ORGANISATION, user=actor, booking_request=locked):
        raise PermissionDenied(_("You may not change this request."))
    if locked.status not in EDITABLE_BY_ORGANISATION:
        raise TransitionNotAllowed(
            _("This request can no longer be changed; send the coordinator a message instead.")
        )
    if expected_version is not None and locked.version != expected_version:
        raise StaleRequest(
            _("This request was changed by someone else in the meantime. Reload and try again.")
        )
    merged = {field: getattr(locked, field) for field in REQUEST_FIELDS}
    merged.update(data)
    _validate_request_data(merged)
    if date_options is not None:
        _validate_date_options(date_options)
    cleaned = _clean_data(merged)
    changed = [field for field, value in cleaned.items() if getattr(locked, field) != value]
    for field, value in cleaned.items():
        setattr(locked, field, value)
    locked.version = F("version") + 1
    locked.save(update_fields=[*cleaned.keys(), "version", "updated_at"])
    if topics is not None:
        locked.topics.set(list(topics))
    if date_options is not None:
        _replace_date_options(locked, date_options)
    locked.refresh_from_db()
    _log(
        booking_request=locked,
        kind=ActivityKind.UPDATED,
        actor=actor,
        message=", ".join(str(BookingRequest._meta.get_field(f).verbose_name) for f in changed),
    )
    if locked.status == RequestStatus.MORE_INFO_NEEDED:
        booking_set_status(
            booking_request=locked,
            new_status=RequestStatus.IN_TRIAGE,
            actor=actor,
            role=Actor.ORGANISATION,
        )
    return locked


@transaction.atomic
def message_post(
    *,
    booking_request: BookingRequest,
    author,
    body: str,
    internal: bool = False,
    submission_token: str | None = None,
) -> Message:
    """A message in the request's thread. Internal notes are for coordinators only.

    An organisation's reply to "more information needed" sends the request back to triage.
    With the form's `submission_token`, posting the same form again returns the first message
    (nothing stored or sent twice).
    """
    earlier = _earlier_message(booking_request, author, submission_token)
    if earlier is not None:
        return earlier
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a message first."))
    role = actor_role(user=author, booking_request=booking_request)
    if role not in (Actor.ORGANISATION, Actor.COORDINATOR):
        raise PermissionDenied(_("You may not write on this request."))
    if internal and role != Actor.COORDINATOR:
        raise PermissionDenied(_("Only coordinators write internal notes."))
    if booking_request.status not in MESSAGING_STATES and not internal:
        raise TransitionNotAllowed(_("This request is closed for messages."))
    from_organisation = role == Actor.ORGANISATION
    try:
        with transaction.atomic():
            message = Message.objects.create(
                request=booking_request,
                author=author,
                body=body,
                internal=internal,
                from_organisation=from_organisation,
                submission_token=submission_token,
            )
    except IntegrityError:
        # The same form, posted twice at the same moment: the other request stored it.
        earlier = _earlier_message(booking_request, author, submission_token)
        if earlier is None:
            raise
        return earlier
    _log(
        booking_request=booking_request,
        kind=ActivityKind.NOTE if internal else ActivityKind.MESSAGE,
        actor=author,
        visible_to_organisation=False,
    )
    if internal:
        return message
    if from_organisation:
        if booking_request.status != RequestStatus.AWAITING_CONFIRMATION:
            _notify_coordinators(booking_request, template="bookings/new_message_coordinator")
        if booking_request.status == RequestStatus.MORE_INFO_NEEDED:
            booking_set_status(
                booking_request=booking_request,
                new_status=RequestStatus.IN_TRIAGE,
                actor=author,
                role=Actor.ORGANISATION,
                notify=False,
            )
    else:
        # The organisation is told there is a message, not what it says (it reads it logged in).
        _notify_organisation(booking_request, template="bookings/new_message")
    return message


def _earlier_message(booking_request, author, submission_token) -> Message | None:
    """The message stored earlier from the same form, if any."""
    if not submission_token:
        return None
    earlier = Message.objects.filter(submission_token=submission_token).first()
    if earlier is None:
        return None
    if earlier.request_id != booking_request.pk or earlier.author_id != getattr(author, "pk", None):
        raise ValidationError(_("This form was already used. Reload the page and try again."))
    return earlier


@transaction.atomic
def messages_mark_read(*, booking_request: BookingRequest, reader) -> int:
    role = actor_role(user=reader, booking_request=booking_request)
    now = timezone.now()
    if role == Actor.ORGANISATION:
        return booking_request.messages.filter(
            internal=False, from_organisation=False, read_by_organisation_at__isnull=True
        ).update(read_by_organisation_at=now)
    if role == Actor.COORDINATOR:
        return booking_request.messages.filter(
            from_organisation=True, read_by_coordinator_at__isnull=True
        ).update(read_by_coordinator_at=now)
    return 0


@transaction.atomic
def evaluation_submit(
    *,
    booking_request: BookingRequest,
    author,
    rating: int,
    went_well: str = "",
    what_changed: str = "",
) -> Evaluation:
    """The organisation's feedback after delivery; one per request."""
    if not _may_act_as(role=Actor.ORGANISATION, user=author, booking_request=booking_request):
        raise PermissionDenied(_("You may not evaluate this request."))
    if booking_request.status not in EVALUABLE_STATES:
        raise TransitionNotAllowed(_("You can give feedback once the engagement has taken place."))
    if Evaluation.objects.filter(request=booking_request).exists():
        raise TransitionNotAllowed(_("You already gave feedback on this request. Thank you!"))
    if not (1 <= int(rating) <= 5):
        raise ValidationError({"rating": _("Choose a rating from 1 to 5.")})
    evaluation = Evaluation.objects.create(
        request=booking_request,
        rating=int(rating),
        went_well=(went_well or "").strip(),
        what_changed=(what_changed or "").strip(),
        submitted_by=author,
    )
    _log(
        booking_request=booking_request,
        kind=ActivityKind.EVALUATION,
        actor=author,
        visible_to_organisation=True,
    )
    _notify_coordinators(booking_request, template="bookings/coordinator_evaluation")
    return evaluation


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
