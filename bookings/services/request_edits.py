"""The organisation's own steps on a submitted request: change it, withdraw it, evaluate it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from bookings.enums import EDITABLE_BY_ORGANISATION, EVALUABLE_STATES, ActivityKind, RequestStatus
from bookings.models import BookingRequest, Evaluation
from bookings.services.request_base import (
    REQUEST_FIELDS,
    StaleRequest,
    TransitionNotAllowed,
    _clean_data,
    _log,
    _may_act_as,
    _notify_coordinators,
    _replace_date_options,
    _validate_date_options,
    _validate_request_data,
)
from bookings.services.request_status import booking_set_status
from bookings.workflow import Actor


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
