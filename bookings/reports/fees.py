"""An expert's fees against the volunteer-allowance ceilings (site settings: €210 a month and
€2,100 a year by default), shown to her and to coordinators, and the warning in matching and
before confirming when a fee would cross one.

What counts: the agreed fee (travel costs are reimbursed at cost and do not count) of every
engagement that is still going ahead or took place, in the month and year it takes place.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from bookings.enums import ENGAGEMENT_ENDED_STATES
from bookings.models import Engagement
from bookings.models.impact import FeeCeilings
from bookings.reports.period import add_months
from speakers.selectors import AMSTERDAM

ZERO = Decimal("0.00")


def ceilings() -> tuple[Decimal, Decimal]:
    settings = FeeCeilings.load()
    return settings.monthly_ceiling, settings.yearly_ceiling


def _year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    return (
        dt.datetime(year, 1, 1, tzinfo=AMSTERDAM),
        dt.datetime(year + 1, 1, 1, tzinfo=AMSTERDAM),
    )


def _counting(year: int):
    start, end = _year_bounds(year)
    return Engagement.objects.filter(
        fee__isnull=False, starts_at__gte=start, starts_at__lt=end
    ).exclude(status__in=ENGAGEMENT_ENDED_STATES)


@dataclass
class MonthFees:
    month: dt.date
    fees: Decimal = ZERO
    cumulative: Decimal = ZERO
    over_month: bool = False
    over_year: bool = False


@dataclass
class FeeYear:
    year: int
    monthly_ceiling: Decimal
    yearly_ceiling: Decimal
    months: list[MonthFees] = field(default_factory=list)
    total: Decimal = ZERO

    @property
    def over_year(self) -> bool:
        return self.total > self.yearly_ceiling

    @property
    def months_over(self) -> list[MonthFees]:
        return [month for month in self.months if month.over_month]

    @property
    def room_left(self) -> Decimal:
        return max(self.yearly_ceiling - self.total, ZERO)


def fee_years(*, expert_ids, year: int) -> dict[int, FeeYear]:
    """Running totals per month for each expert (one query for all of them)."""
    monthly, yearly = ceilings()
    sums: dict[int, dict[int, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for expert_id, starts_at, fee in (
        _counting(year)
        .filter(expert_id__in=list(expert_ids))
        .values_list("expert_id", "starts_at", "fee")
    ):
        sums[expert_id][starts_at.astimezone(AMSTERDAM).month] += fee
    result = {}
    for expert_id in expert_ids:
        fee_year = FeeYear(year=year, monthly_ceiling=monthly, yearly_ceiling=yearly)
        running = ZERO
        for number in range(1, 13):
            fees = sums[expert_id][number]
            running += fees
            fee_year.months.append(
                MonthFees(
                    month=dt.date(year, number, 1),
                    fees=fees,
                    cumulative=running,
                    over_month=fees > monthly,
                    over_year=running > yearly,
                )
            )
        fee_year.total = running
        result[expert_id] = fee_year
    return result


def fee_year(*, expert, year: int) -> FeeYear:
    return fee_years(expert_ids=[expert.pk], year=year)[expert.pk]


def ceiling_warnings(
    *, expert_ids, starts_at: dt.datetime | None, fee: Decimal | None, exclude_pk=None
) -> dict[int, list[str]]:
    """For each expert: the sentences to show when `fee` on `starts_at` would cross a ceiling.

    Two queries whatever the number of experts (the settings and the year's fees).
    """
    if starts_at is None or not fee:
        return {}
    local = starts_at.astimezone(AMSTERDAM)
    month_start = dt.datetime(local.year, local.month, 1, tzinfo=AMSTERDAM)
    month_end = dt.datetime.combine(add_months(month_start.date(), 1), dt.time.min, AMSTERDAM)
    monthly, yearly = ceilings()
    queryset = _counting(local.year).filter(expert_id__in=list(expert_ids))
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    month_sums: dict[int, Decimal] = defaultdict(lambda: ZERO)
    year_sums: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for expert_id, when, amount in queryset.values_list("expert_id", "starts_at", "fee"):
        year_sums[expert_id] += amount
        if month_start <= when < month_end:
            month_sums[expert_id] += amount
    warnings: dict[int, list[str]] = {}
    for expert_id in expert_ids:
        sentences = []
        month_total = month_sums[expert_id] + fee
        year_total = year_sums[expert_id] + fee
        if month_total > monthly:
            sentences.append(
                _(
                    "With this fee her fees in %(month)s come to € %(total)s, above the "
                    "volunteer allowance of € %(ceiling)s a month."
                )
                % {"month": f"{local:%m-%Y}", "total": month_total, "ceiling": monthly}
            )
        if year_total > yearly:
            sentences.append(
                _(
                    "With this fee her fees in %(year)s come to € %(total)s, above the "
                    "volunteer allowance of € %(ceiling)s a year."
                )
                % {"year": local.year, "total": year_total, "ceiling": yearly}
            )
        if sentences:
            warnings[expert_id] = sentences
    return warnings
