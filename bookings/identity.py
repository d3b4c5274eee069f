"""Who sees which name (rule of care 2), in one place: the organisation's portal, emails to the
organisation, follow-ups and the journalist's consent statement all ask here.

An organisation reads an expert's public name only when she chose to be public (own name or
pseudonym), and only once her engagement is confirmed (the callers show confirmed engagements
only). Coordinators see the public name; nobody but the expert sees more.
"""

from __future__ import annotations

from django.utils.translation import gettext as _


def expert_name_for_organisation(expert) -> str:
    """Her public name if she chose to be public, else "" (templates then say "the expert")."""
    return expert.public_name if expert.is_public else ""


def expert_display_name(expert) -> str:
    """As above, with a neutral description when she is not public."""
    return expert_name_for_organisation(expert) or _("An expert by experience of Platform HOPE")


def may_be_named_in_media(expert) -> bool:
    """Her name may appear in a publication: she chose so, and she is public."""
    return bool(expert.media_name_on_record and expert.is_public)
