"""What every report hands to its page, its charts and its exports: figures and plain tables."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from bookings.reports.period import Period


@dataclass
class Figure:
    """One headline number, with the same number for the previous period."""

    label: str
    value: int | float | Decimal | None
    previous: int | float | Decimal | None = None
    unit: str = ""

    @property
    def change(self):
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list]
    description: str = ""
    # "bar" (categories, current vs previous), "hbar" (a funnel or ranking) or "" (no chart).
    chart: str = ""
    # Columns drawn in the chart (indexes into `columns`); the first column labels the bars.
    chart_columns: tuple[int, ...] = (1,)
    # This table carries free text (only reports about what people wrote).
    free_text: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.rows


@dataclass
class Report:
    slug: str
    title: str
    period: Period
    previous_period: Period
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # Nothing happened in the period: the page shows an empty state.
    empty: bool = False
    extra: dict = field(default_factory=dict)


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (`share` 0.9 for p90): a value that really occurred."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(math.ceil(share * len(ordered)), 1)
    return ordered[rank - 1]


def ratio(part, whole) -> float | None:
    """part / whole, or None when there is nothing to divide by (an empty period)."""
    if not whole:
        return None
    return round(part * 100 / whole, 1)
