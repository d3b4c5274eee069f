"""Newer / older pages over a list shown newest first: flat at any size.

A numbered page needs a ``COUNT(*)`` over every row and an ``OFFSET`` that walks past the earlier
pages; both grow with the list. A keyset page asks for the rows just before (or after) the last
one shown, through the ``(created_at, id)`` order the list already has an index for: the same
cost on page 1 and on page 500. The cursor names that row: its time in microseconds and its id,
digits and one dash, so it is safe in a URL and says nothing about the row's content. A cursor
that is not one (typed by hand, an old link) shows the first page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)
_CURSOR = re.compile(r"(\d{1,17})-(\d{1,18})")


@dataclass
class KeysetPage:
    rows: list
    newer: str | None  # cursor of the page before this one (newer rows), if there is one
    older: str | None  # cursor of the page after this one (older rows), if there is one

    @property
    def has_other_pages(self) -> bool:
        return bool(self.newer or self.older)


def cursor_for(row, field: str = "created_at") -> str:
    return f"{(getattr(row, field) - _EPOCH) // _MICROSECOND}-{row.pk}"


def _parse(value: str | None) -> tuple[dt.datetime, int] | None:
    match = _CURSOR.fullmatch(value or "")
    if match is None:
        return None
    try:
        moment = _EPOCH + int(match.group(1)) * _MICROSECOND
    except OverflowError:
        return None
    return moment, int(match.group(2))


def keyset_page(
    queryset: QuerySet,
    *,
    size: int,
    older: str | None = None,
    newer: str | None = None,
    field: str = "created_at",
) -> KeysetPage:
    """One page of ``queryset``, newest first by ``(field, pk)``: the first page, the rows older
    than the ``older`` cursor, or the rows newer than the ``newer`` cursor. One query."""
    after = _parse(newer)
    if after is not None:
        moment, pk = after
        later = Q(**{f"{field}__gt": moment}) | Q(**{field: moment, "pk__gt": pk})
        rows = list(queryset.filter(later).order_by(field, "pk")[: size + 1])
        if rows:
            more = len(rows) > size
            rows = rows[:size][::-1]
            return KeysetPage(
                rows=rows,
                newer=cursor_for(rows[0], field) if more else None,
                older=cursor_for(rows[-1], field),
            )
    before = _parse(older) if after is None else None
    if before is not None:
        moment, pk = before
        earlier = Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "pk__lt": pk})
        rows = list(queryset.filter(earlier).order_by(f"-{field}", "-pk")[: size + 1])
        if rows:
            return KeysetPage(
                rows=rows[:size],
                newer=cursor_for(rows[0], field),
                older=cursor_for(rows[size - 1], field) if len(rows) > size else None,
            )
    rows = list(queryset.order_by(f"-{field}", "-pk")[: size + 1])
    return KeysetPage(
        rows=rows[:size],
        newer=None,
        older=cursor_for(rows[size - 1], field) if len(rows) > size else None,
    )
