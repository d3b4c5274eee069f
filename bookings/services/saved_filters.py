"""A coordinator's saved filters on the request listing: her own, never anyone else's."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bookings.models import SavedListingFilter
from hope.roles import is_coordinator

MAX_SAVED_FILTERS = 30


def clean_query_string(query_string: str, *, allowed: frozenset[str]) -> str:
    """Keep only the listing's own filter parameters (`allowed`, the listing knows them) with a
    value; drop everything else."""
    pairs = [
        (name, value[:200])
        for name, value in parse_qsl(query_string.lstrip("?"), keep_blank_values=False)
        if name in allowed and value.strip() and "\x00" not in value
    ]
    return urlencode(pairs)


@transaction.atomic
def saved_filter_create(
    *, user, name: str, query_string: str, allowed_parameters: frozenset[str]
) -> SavedListingFilter:
    if not is_coordinator(user):
        raise PermissionDenied
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Give the filter a name."))
    if len(name) > 80:
        raise ValidationError(_("A name has at most 80 characters."))
    cleaned = clean_query_string(query_string or "", allowed=allowed_parameters)
    if not cleaned:
        raise ValidationError(_("Choose at least one filter before saving it."))
    own = SavedListingFilter.objects.select_for_update().filter(user=user)
    if own.filter(name__iexact=name).exists():
        raise ValidationError(_("You already have a filter with this name."))
    if own.count() >= MAX_SAVED_FILTERS:
        raise ValidationError(_("You have saved the most filters there can be; remove one first."))
    return SavedListingFilter.objects.create(user=user, name=name, query_string=cleaned)


@transaction.atomic
def saved_filter_delete(*, user, saved_filter_id: int) -> None:
    """Only her own filter; someone else's is as good as absent."""
    if not is_coordinator(user):
        raise PermissionDenied
    if not 0 < saved_filter_id < 2**63:
        raise SavedListingFilter.DoesNotExist
    deleted, _rows = SavedListingFilter.objects.filter(user=user, pk=saved_filter_id).delete()
    if not deleted:
        raise SavedListingFilter.DoesNotExist
