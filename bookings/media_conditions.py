"""An expert's media conditions (rules of care 2 and 5) against a medium, in one place.

`conflicts()` is what matching excludes on: what the medium cannot honour by its nature (a TV
interview shows a face and records; radio and podcasts record a voice). `conditions()` are the
sentences of the statement a journalist accepts in writing before the interview is confirmed.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from bookings import identity
from bookings.enums import Medium

# What each medium carries of a person.
SHOWS_FACE = frozenset({Medium.TV})
RECORDS = frozenset({Medium.TV, Medium.RADIO, Medium.PODCAST})
CARRIES_VOICE = frozenset({Medium.TV, Medium.RADIO, Medium.PODCAST})


def conflicts(*, expert, medium: str) -> list[str]:
    """Why this medium cannot honour the expert's choices (empty: it can, with conditions)."""
    found = []
    if medium in RECORDS and not expert.media_recording_allowed:
        found.append(_("does not allow recording, and this medium records"))
    if medium in SHOWS_FACE and not expert.media_face_visible:
        found.append(_("does not want her face shown, and this is a TV interview"))
    return found


def conditions(*, expert, medium: str) -> list[str]:
    """The expert's own conditions for this medium, as sentences to the journalist."""
    lines = []
    if medium in SHOWS_FACE:
        lines.append(
            _("Her face may be shown.")
            if expert.media_face_visible
            else _("Her face is not shown: no image in which she can be recognised.")
        )
    if medium in CARRIES_VOICE and expert.media_voice_altered:
        lines.append(_("Her voice is altered in everything that is broadcast or published."))
    lines.append(
        # Never her name itself: the organisation learns it only once the date is fixed.
        _("Her name may be published, as she chooses to appear on Platform HOPE.")
        if identity.may_be_named_in_media(expert)
        else _("Her name is not published; she is described without anything that identifies her.")
    )
    if medium in RECORDS or expert.media_recording_allowed:
        lines.append(
            _("The conversation may be recorded for this publication only.")
            if expert.media_recording_allowed
            else _("The conversation is not recorded.")
        )
    else:
        lines.append(_("The conversation is not recorded."))
    if expert.media_quote_review_required:
        lines.append(
            _(
                "She reviews her quotes before publication; nothing is published without "
                "her approval."
            )
        )
    lines.append(
        _("A support person may be present, and she may stop the interview at any moment.")
    )
    return lines
