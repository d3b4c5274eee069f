"""Privacy rights (rule of care 8): download your data, delete your account, erase a person.

- `personal_data_export(user=...)`: everything the portal holds about this person and that is
  theirs to see: account, memberships, the requests they sent with the messages exchanged on
  them, their evaluations; for an expert her profile, preferences, availability, engagements and
  fees. Never coordinators' internal notes, never another person's private data, no secrets.
- `account_delete(user=..., password=...)`: an organisation contact leaves. Each request they
  sent stays for their colleagues (unlinked from them) or, with no colleague left, is withdrawn
  if still open and anonymised.
- `person_erase(user=..., actor=...)`: a coordinator erases a person (contact or expert): as
  above, and also every text they wrote (messages, evaluations, the expert's profile, notes and
  feedback) is removed. Logged in the admin's history without the person's name.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings.enums import FINAL_STATES, WITHDRAWABLE_BY_ORGANISATION, ActivityKind
from bookings.models import (
    Activity,
    BookingRequest,
    Engagement,
    Evaluation,
    ExpertFeedback,
    Message,
)
from bookings.services.retention import REMOVED, booking_anonymise
from hope.roles import is_coordinator, is_editor
from speakers.services.privacy import expert_anonymise, expert_personal_data

logger = logging.getLogger(__name__)
ERASE_ACTION = "hope.person_erased"


def _iso(value):
    return value.isoformat() if value else None


# --- download --------------------------------------------------------------------------------


def _account(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.order_by("email")
        ],
    }


def _request(booking_request: BookingRequest, user) -> dict:
    messages = Message.objects.filter(request=booking_request, internal=False).order_by(
        "created_at", "pk"
    )
    return {
        "reference": booking_request.reference,
        "organisation": booking_request.organisation.name,
        "status": booking_request.status,
        "kind": booking_request.kind,
        "title": booking_request.title,
        "description": booking_request.description,
        "topics": sorted(topic.name for topic in booking_request.topics.all()),
        "audience": booking_request.audience_description,
        "audience_size": booking_request.audience_size,
        "mode": booking_request.mode,
        "place": booking_request.place,
        "duration_minutes": booking_request.duration_minutes,
        "fee_offered": str(booking_request.fee_offered or "") or None,
        "date_options": [
            {"starts_at": _iso(option.starts_at), "ends_at": _iso(option.ends_at)}
            for option in booking_request.date_options.order_by("position")
        ],
        "media": {
            "outlet": booking_request.media_outlet,
            "medium": booking_request.media_medium,
            "publication_date": _iso(booking_request.media_publication_date),
            "questions": booking_request.media_questions,
            "identity_conditions_accepted": booking_request.media_identity_conditions_accepted,
            "support_person": booking_request.media_support_person,
            "quote_review_agreed": booking_request.media_quote_review_agreed,
        },
        "consent_at": _iso(booking_request.consent_at),
        "created_at": _iso(booking_request.created_at),
        "messages": [
            {
                "written_by_you": message.author_id == user.pk,
                "from_organisation": message.from_organisation,
                "body": message.body,
                "created_at": _iso(message.created_at),
            }
            for message in messages
        ],
    }


def _organisation_contact(user) -> dict:
    memberships = user.organisation_memberships.select_related("organisation")
    requests = BookingRequest.objects.filter(contact=user).select_related("organisation")
    evaluations = Evaluation.objects.filter(submitted_by=user).select_related("request")
    return {
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "kind": membership.organisation.kind,
                "role": membership.role,
                "since": _iso(membership.created_at),
            }
            for membership in memberships
        ],
        "requests": [_request(booking_request, user) for booking_request in requests],
        "evaluations": [
            {
                "request": evaluation.request.reference,
                "rating": evaluation.rating,
                "went_well": evaluation.went_well,
                "what_changed": evaluation.what_changed,
                "created_at": _iso(evaluation.created_at),
            }
            for evaluation in evaluations
        ],
    }


def _engagements(expert) -> list[dict]:
    engagements = Engagement.objects.filter(expert=expert).select_related(
        "request__organisation", "checkin", "expert_feedback"
    )
    rows = []
    for engagement in engagements.order_by("starts_at", "pk"):
        checkin = getattr(engagement, "checkin", None) if _has(engagement, "checkin") else None
        feedback = engagement.expert_feedback if _has(engagement, "expert_feedback") else None
        rows.append(
            {
                "kind": engagement.request.kind,
                "organisation": engagement.request.organisation.name,
                "title": engagement.request.title,
                "status": engagement.status,
                "starts_at": _iso(engagement.starts_at),
                "ends_at": _iso(engagement.ends_at),
                "answered_at": _iso(engagement.answered_at),
                "your_note_when_saying_no": engagement.decline_reason,
                "fee": str(engagement.fee) if engagement.fee is not None else None,
                "travel_costs": str(engagement.travel_costs)
                if engagement.travel_costs is not None
                else None,
                "fee_claimed_on": _iso(engagement.claimed_on),
                "paid_on": _iso(engagement.paid_on),
                "aftercare": engagement.aftercare_status,
                "debrief_held_on": _iso(engagement.aftercare_held_on),
                "aftercare_notes": engagement.aftercare_notes,
                "checkin": checkin.answer if checkin else None,
                "your_feedback": {
                    "how_it_went": feedback.how_it_went,
                    "work_again": feedback.work_again,
                }
                if feedback
                else None,
            }
        )
    return rows


def _has(instance, name) -> bool:
    try:
        getattr(instance, name)
    except Exception:  # RelatedObjectDoesNotExist
        return False
    return True


def personal_data_export(*, user) -> dict:
    """This person's data, as a JSON-ready dict. Reads only."""
    data = {"generated_at": _iso(timezone.now()), "account": _account(user)}
    sent_requests = BookingRequest.objects.filter(contact=user).exists()
    if sent_requests or user.organisation_memberships.exists():
        data["organisation_contact"] = _organisation_contact(user)
    expert = getattr(user, "expert", None)
    if expert is not None:
        data["expert"] = {
            **expert_personal_data(expert=expert),
            "engagements": _engagements(expert),
        }
    logger.info("user %s downloaded their data", user.pk)
    return data


# --- delete and erase ------------------------------------------------------------------------


def may_delete_own_account(user) -> bool:
    """Organisation contacts may; experts and staff ask a coordinator (their data is bound up
    with engagements, fees and the back office)."""
    return bool(
        user.is_authenticated
        and not user.is_superuser
        and not user.is_staff
        and getattr(user, "expert", None) is None
        and not is_coordinator(user)
        and not is_editor(user)
    )


def _release_requests(user, *, erase: bool) -> int:
    """Unlink the person from the requests they sent; anonymise those nobody else can follow."""
    count = 0
    requests = BookingRequest.objects.filter(contact=user).select_related("organisation")
    for booking_request in requests:
        colleagues = booking_request.organisation.memberships.exclude(user=user).exists()
        if colleagues or booking_request.status not in (
            FINAL_STATES | WITHDRAWABLE_BY_ORGANISATION
        ):
            BookingRequest.objects.filter(pk=booking_request.pk).update(
                contact=None, updated_at=timezone.now()
            )
            Activity.objects.create(
                request=booking_request,
                kind=ActivityKind.UPDATED,
                message=_("The contact person's account was removed."),
                visible_to_organisation=True,
            )
        else:
            if booking_request.status in WITHDRAWABLE_BY_ORGANISATION:
                from bookings.services.request_edits import booking_withdraw

                booking_withdraw(
                    booking_request=booking_request,
                    actor=user,  # on the person's behalf: they are leaving
                    reason=_("The contact person's account was removed."),
                )
            booking_anonymise(booking_request=booking_request)
        count += 1
    if erase:
        Message.objects.filter(author=user).update(body=REMOVED)
        Evaluation.objects.filter(submitted_by=user).update(went_well="", what_changed="")
    return count


@transaction.atomic
def account_delete(*, user, password: str) -> int:
    """The person deletes their own account after confirming their password."""
    if not may_delete_own_account(user):
        raise PermissionDenied(_("Ask a coordinator to remove your account."))
    if not user.check_password(password or ""):
        raise ValidationError({"password": [_("This password is not correct.")]})
    released = _release_requests(user, erase=False)
    user_id = user.pk
    user.delete()
    logger.info("user %s deleted their account (%s requests released)", user_id, released)
    return released


@transaction.atomic
def person_erase(*, user, actor) -> int:
    """A coordinator erases a person: account gone, every text they wrote removed."""
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators may erase a person."))
    if user.pk == actor.pk or user.is_superuser or is_coordinator(user):
        raise PermissionDenied(_("Staff accounts are removed by an administrator."))
    released = _release_requests(user, erase=True)
    expert = getattr(user, "expert", None)
    if expert is not None:
        expert_anonymise(expert=expert)
        Engagement.objects.filter(expert=expert).update(
            decline_reason="", aftercare_notes="", practical_info=""
        )
        ExpertFeedback.objects.filter(engagement__expert=expert).update(how_it_went="")
    user_id = user.pk
    _log_erasure(user=user, actor=actor)
    user.delete()
    logger.info("coordinator %s erased person %s", actor.pk, user_id)
    return released


def _log_erasure(*, user, actor) -> None:
    from wagtail.log_actions import log

    log(
        instance=user,
        action=ERASE_ACTION,
        user=actor,
        title=_("Person %(id)s") % {"id": user.pk},
        data={"person": user.pk, "was_expert": getattr(user, "expert", None) is not None},
    )
