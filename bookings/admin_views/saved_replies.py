"""Saved replies: coordinators keep them per language in the admin and insert one into a message
box of the workspace with a link (`?reply=<id>&for=<box>`), which works without JavaScript and
leaves the text editable before sending."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from bookings.admin_views.permissions import CoordinatorViewSetMixin
from bookings.models import SavedReply

MESSAGE_BOX = "message"


class SavedReplyViewSet(CoordinatorViewSetMixin, ModelViewSet):
    model = SavedReply
    coordinator_actions = ("view", "add", "change", "delete")
    name = "saved_replies"
    icon = "comment"
    menu_label = _("Saved replies")
    menu_order = 120
    add_to_admin_menu = False
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = ["title", "purpose", "language", "updated_at"]
    list_filter = ["purpose", "language"]
    search_fields = ["title", "body"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("language"),
        FieldPanel("purpose"),
        FieldPanel("body"),
    ]


def saved_replies_by_box(*, language: str) -> dict[str, list[SavedReply]]:
    """Replies to offer under each message box: per status step, and for the free message box.
    The organisation's language comes first."""
    replies = sorted(SavedReply.objects.all(), key=lambda r: (r.language != language, r.title))
    boxes: dict[str, list[SavedReply]] = {MESSAGE_BOX: []}
    for reply in replies:
        boxes.setdefault(reply.purpose, []).append(reply)
        boxes[MESSAGE_BOX].append(reply)
    return boxes


def chosen_reply(query) -> tuple[str, SavedReply] | None:
    """The (box, reply) asked for in the query string, or None."""
    box = query.get("for", "")
    try:
        reply_id = int(query.get("reply", ""))
    except ValueError:
        return None
    reply = SavedReply.objects.filter(pk=reply_id).first()
    return (box, reply) if reply and box else None
