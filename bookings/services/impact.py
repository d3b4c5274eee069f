"""Changes behind the impact reports: a request's improvement themes and unmet-demand reason
(coordinators), the quotes chosen for the annual page (coordinators), and the organisation's
answer three months on ("what did you change because of this?")."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from bookings.enums import EVALUABLE_STATES, ActivityKind
from bookings.models import Activity, BookingRequest, Evaluation
from bookings.models.impact import (
    ImpactAnswer,
    ImpactQuote,
    ImprovementTheme,
    QuoteSource,
    RequestTheme,
    UnmetReason,
)
from bookings.services.request_base import TransitionNotAllowed, _may_act_as, _notify_coordinators
from bookings.workflow import Actor
from hope.roles import is_coordinator

MAX_ANSWER_LENGTH = 3000


def _require_coordinator(actor) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators may do this."))


@transaction.atomic
def request_set_report_facts(
    *, booking_request: BookingRequest, actor, themes: Iterable[str], unmet_reason: str = ""
) -> BookingRequest:
    """Set the improvement-agenda themes and, for unmet requests, why nobody could take it."""
    _require_coordinator(actor)
    themes = sorted(set(themes))
    unknown = [theme for theme in themes if theme not in ImprovementTheme.values]
    if unknown or (unmet_reason and unmet_reason not in UnmetReason.values):
        raise ValidationError(_("Choose from the themes and reasons offered."))
    locked = BookingRequest.objects.select_for_update().get(pk=booking_request.pk)
    RequestTheme.objects.filter(request=locked).exclude(theme__in=themes).delete()
    existing = set(RequestTheme.objects.filter(request=locked).values_list("theme", flat=True))
    RequestTheme.objects.bulk_create(
        RequestTheme(request=locked, theme=theme) for theme in themes if theme not in existing
    )
    if locked.unmet_reason != unmet_reason:
        locked.unmet_reason = unmet_reason
        locked.save(update_fields=["unmet_reason", "updated_at"])
    labels = ", ".join(str(ImprovementTheme(theme).label) for theme in themes) or "—"
    Activity.objects.create(
        request=locked,
        actor=actor,
        kind=ActivityKind.UPDATED,
        message=_("Report details: themes %(themes)s") % {"themes": labels},
        visible_to_organisation=False,
    )
    booking_request.unmet_reason = unmet_reason
    return booking_request


@transaction.atomic
def impact_quote_set(
    *, booking_request: BookingRequest, source: str, chosen: bool, actor
) -> ImpactQuote | None:
    """Choose (or drop) a "what changed" answer for the annual impact page."""
    _require_coordinator(actor)
    source = QuoteSource(source)
    if not chosen:
        ImpactQuote.objects.filter(request=booking_request, source=source).delete()
        return None
    has_text = (
        Evaluation.objects.filter(request=booking_request).exclude(what_changed="").exists()
        if source == QuoteSource.EVALUATION
        else ImpactAnswer.objects.filter(request=booking_request).exists()
    )
    if not has_text:
        raise ValidationError(_("There is no answer to quote."))
    quote, _created = ImpactQuote.objects.get_or_create(
        request=booking_request, source=source, defaults={"chosen_by": actor}
    )
    return quote


def impact_answer_possible(booking_request: BookingRequest) -> bool:
    return booking_request.status in EVALUABLE_STATES and booking_request.anonymised_at is None


@transaction.atomic
def impact_answer_submit(
    *, booking_request: BookingRequest, author, what_changed: str, share_with_experts: bool
) -> ImpactAnswer:
    """The organisation answers "what did you change because of this?" (once per request)."""
    if not _may_act_as(role=Actor.ORGANISATION, user=author, booking_request=booking_request):
        raise PermissionDenied(_("You may not answer for this request."))
    if not impact_answer_possible(booking_request):
        raise TransitionNotAllowed(_("This question is only asked after the engagement."))
    text = (what_changed or "").replace("\x00", "").strip()
    if not text:
        raise ValidationError({"what_changed": _("Tell us briefly what changed.")})
    if len(text) > MAX_ANSWER_LENGTH:
        raise ValidationError(
            {"what_changed": _("Please keep it under %(max)s characters.") % {"max": 3000}}
        )
    try:
        with transaction.atomic():
            answer = ImpactAnswer.objects.create(
                request=booking_request,
                what_changed=text,
                share_with_experts=bool(share_with_experts),
                answered_by=author,
            )
    except IntegrityError as error:
        raise TransitionNotAllowed(_("You already told us what changed. Thank you!")) from error
    Activity.objects.create(
        request=booking_request,
        actor=author,
        kind=ActivityKind.EVALUATION,
        message=_("The organisation told us what changed."),
        visible_to_organisation=True,
    )
    _notify_coordinators(booking_request, template="bookings/coordinator_evaluation")
    return answer
