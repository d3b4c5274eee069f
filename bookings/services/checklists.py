"""Per-engagement checklists (issue 13): the points of the engagement's kind are copied when its
date is fixed (`engagement_set_status` calls `checklist_items_create_for_engagement` on
confirmation), due a number of days before or after its start; coordinators tick them off in the
request's workspace. Organisations and experts never see them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import engagement_workflow as lifecycle
from bookings.models import ChecklistItem, ChecklistTemplate, Engagement
from bookings.models.checklist import due_day
from bookings.services.engagement_base import EngagementRefused, _log, _require_coordinator

Actor = lifecycle.Actor
# Engagements whose checklist is worked on: the date is fixed and aftercare not recorded yet.
CHECKLIST_STATES = lifecycle.CONFIRMED & lifecycle.ON_THE_AGENDA


def _require_checklist_step(engagement: Engagement) -> None:
    if not lifecycle.may("checklist", actor=Actor.COORDINATOR, status=engagement.status):
        raise EngagementRefused(
            _("The checklist of this engagement is closed (it is “%(status)s”).")
            % {"status": engagement.get_status_display()}
        )


@transaction.atomic
def checklist_items_create_for_engagement(
    *, engagement: Engagement, actor=None, log: bool = True
) -> list[ChecklistItem]:
    """Copy the checklist points of the engagement's kind that it does not have yet, and put the
    due days of the open ones in step with its (possibly moved) start. Safe to run again: this
    is also how engagements confirmed before checklists existed get theirs."""
    if actor is not None:
        _require_coordinator(actor)
    if engagement.status not in lifecycle.CONFIRMED:
        raise EngagementRefused(_("A checklist is made once the engagement's date is fixed."))
    # One at a time per engagement (a double click on "Make the checklist").
    Engagement.objects.select_for_update().only("pk").get(pk=engagement.pk)
    items = list(ChecklistItem.objects.filter(engagement=engagement))
    have = {item.template_id for item in items}
    new = [
        ChecklistItem(
            engagement=engagement,
            template=template,
            label=template.label,
            label_en=template.label_en,
            offset_days=template.offset_days,
            due_on=due_day(engagement.starts_at, template.offset_days),
            order=template.order,
        )
        for template in ChecklistTemplate.objects.filter(kind=engagement.request.kind)
        if template.pk not in have
    ]
    ChecklistItem.objects.bulk_create(new)
    for item in items:
        due_on = due_day(engagement.starts_at, item.offset_days)
        if not item.is_done and item.due_on != due_on:
            item.due_on = due_on
            item.save(update_fields=["due_on"])
    if new and log:
        _log(
            booking_request=engagement.request,
            engagement=engagement,
            actor=actor,
            message=_("Checklist made for %(expert)s (%(count)s points).")
            % {"expert": engagement.expert.public_name, "count": len(new)},
        )
    return new


def _lock_item(item: ChecklistItem) -> ChecklistItem:
    return (
        ChecklistItem.objects.select_for_update(of=("self",))
        .select_related("engagement__request", "engagement__expert")
        .get(pk=item.pk)
    )


@transaction.atomic
def checklist_item_complete(*, item: ChecklistItem, actor) -> ChecklistItem:
    """Tick a point off (who and when are kept). Ticking a point that is done already is a
    no-op: a colleague was quicker."""
    _require_coordinator(actor)
    locked = _lock_item(item)
    _require_checklist_step(locked.engagement)
    if locked.is_done:
        return locked
    locked.done_at = timezone.now()
    locked.done_by = actor
    locked.save(update_fields=["done_at", "done_by"])
    _log(
        booking_request=locked.engagement.request,
        engagement=locked.engagement,
        actor=actor,
        message=_("Checklist of %(expert)s: “%(point)s” done.")
        % {"expert": locked.engagement.expert.public_name, "point": locked.text},
    )
    item.done_at, item.done_by = locked.done_at, locked.done_by
    return locked


@transaction.atomic
def checklist_item_reopen(*, item: ChecklistItem, actor) -> ChecklistItem:
    """Untick a point (it was ticked by mistake, or has to be done again)."""
    _require_coordinator(actor)
    locked = _lock_item(item)
    _require_checklist_step(locked.engagement)
    if not locked.is_done:
        return locked
    locked.done_at = None
    locked.done_by = None
    locked.save(update_fields=["done_at", "done_by"])
    _log(
        booking_request=locked.engagement.request,
        engagement=locked.engagement,
        actor=actor,
        message=_("Checklist of %(expert)s: “%(point)s” open again.")
        % {"expert": locked.engagement.expert.public_name, "point": locked.text},
    )
    item.done_at, item.done_by = None, None
    return locked


@transaction.atomic
def checklist_items_update(
    *, engagement: Engagement, actor, done: Iterable[int], reopened: Iterable[int]
) -> tuple[int, int]:
    """The workspace's checklist form: tick off `done`, reopen `reopened` (ids of this
    engagement's items; others are ignored). All or nothing. Returns the two counts."""
    _require_coordinator(actor)
    items = {item.pk: item for item in engagement.checklist_items.all()}
    done = [items[pk] for pk in done if pk in items]
    reopened = [items[pk] for pk in reopened if pk in items]
    for item in done:
        checklist_item_complete(item=item, actor=actor)
    for item in reopened:
        checklist_item_reopen(item=item, actor=actor)
    return len(done), len(reopened)


def checklists_backfill() -> int:
    """Make the checklist of every engagement it is worked on (date fixed, aftercare not
    recorded yet) that has none: those confirmed before checklists existed. Idempotent; returns
    how many engagements got one."""
    made = 0
    engagements = (
        Engagement.objects.filter(status__in=CHECKLIST_STATES, checklist_items__isnull=True)
        .select_related("request", "expert")
        .order_by("pk")
    )
    for engagement in engagements:
        if checklist_items_create_for_engagement(engagement=engagement):
            made += 1
    return made
