"""A report period (year, quarter, month or custom dates) and the period before it.

Boundaries are local dates (Europe/Amsterdam); `start`/`end` are aware datetimes at local
midnight, end exclusive, so a moment belongs to exactly one period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bookings.months import add_months
from speakers.selectors import AMSTERDAM

MAX_CUSTOM_DAYS = 366 * 5


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=AMSTERDAM)


@dataclass(frozen=True)
class Period:
    kind: str  # year | quarter | month | custom
    first_day: dt.date
    last_day: dt.date  # inclusive

    @property
    def start(self) -> dt.datetime:
        return _midnight(self.first_day)

    @property
    def end(self) -> dt.datetime:
        return _midnight(self.last_day + dt.timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def label(self) -> str:
        if self.kind == "year":
            return str(self.first_day.year)
        if self.kind == "quarter":
            return _("Q%(quarter)s %(year)s") % {
                "quarter": (self.first_day.month - 1) // 3 + 1,
                "year": self.first_day.year,
            }
        if self.kind == "month":
            return f"{self.first_day:%m}-{self.first_day.year}"
        return f"{self.first_day:%d-%m-%Y} – {self.last_day:%d-%m-%Y}"

    def months(self) -> list[dt.date]:
        """The first day of every calendar month the period touches."""
        months, month = [], self.first_day.replace(day=1)
        while month <= self.last_day:
            months.append(month)
            month = add_months(month, 1)
        return months

    def previous(self) -> Period:
        if self.kind in ("year", "quarter", "month"):
            size = {"year": 12, "quarter": 3, "month": 1}[self.kind]
            first = add_months(self.first_day, -size)
            return Period(self.kind, first, self.first_day - dt.timedelta(days=1))
        last = self.first_day - dt.timedelta(days=1)
        return Period("custom", last - dt.timedelta(days=self.days - 1), last)

    def querystring(self) -> str:
        if self.kind == "custom":
            return f"period=custom&start={self.first_day:%Y-%m-%d}&end={self.last_day:%Y-%m-%d}"
        if self.kind == "year":
            return f"period=year&year={self.first_day.year}"
        if self.kind == "quarter":
            quarter = (self.first_day.month - 1) // 3 + 1
            return f"period=quarter&year={self.first_day.year}&quarter={quarter}"
        return f"period=month&year={self.first_day.year}&month={self.first_day.month}"


def year_period(year: int) -> Period:
    return Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def quarter_period(year: int, quarter: int) -> Period:
    first = dt.date(year, 3 * (quarter - 1) + 1, 1)
    return Period("quarter", first, add_months(first, 3) - dt.timedelta(days=1))


def month_period(year: int, month: int) -> Period:
    first = dt.date(year, month, 1)
    return Period("month", first, add_months(first, 1) - dt.timedelta(days=1))


def current_quarter(today: dt.date | None = None) -> Period:
    today = today or timezone.localdate()
    return quarter_period(today.year, (today.month - 1) // 3 + 1)


class PeriodForm(forms.Form):
    """The period picker above every report (GET). Bad input: errors, and the default period."""

    period = forms.ChoiceField(
        label=gettext_lazy("Period"),
        choices=[
            ("year", gettext_lazy("Year")),
            ("quarter", gettext_lazy("Quarter")),
            ("month", gettext_lazy("Month")),
            ("custom", gettext_lazy("From – to")),
        ],
        initial="quarter",
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year"), min_value=2000, max_value=2100, required=False
    )
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Quarter"),
        choices=[(1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")],
        coerce=int,
        required=False,
    )
    month = forms.IntegerField(
        label=gettext_lazy("Month"), min_value=1, max_value=12, required=False
    )
    start = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and not data.get("period"):
            data = None  # nothing chosen yet: show the default, not errors
        super().__init__(data, **kwargs)
        default = current_quarter()
        self.fields["year"].initial = default.first_day.year
        self.fields["quarter"].initial = (default.first_day.month - 1) // 3 + 1
        self.fields["month"].initial = timezone.localdate().month

    def clean(self):
        data = super().clean()
        kind = data.get("period")
        if kind == "quarter" and not data.get("quarter"):
            self.add_error("quarter", _("Choose a quarter."))
        if kind == "month" and not data.get("month"):
            self.add_error("month", _("Choose a month."))
        if kind == "custom":
            start, end = data.get("start"), data.get("end")
            if not start:
                self.add_error("start", _("Give the first day."))
            if not end:
                self.add_error("end", _("Give the last day."))
            if start and end and end < start:
                self.add_error("end", _("The last day is before the first day."))
            elif start and end and (end - start).days > MAX_CUSTOM_DAYS:
                self.add_error("end", _("Choose at most five years."))
        needs_year = kind in ("year", "quarter", "month") and not data.get("year")
        if needs_year and "year" not in self.errors:
            self.add_error("year", _("Give a year."))
        return data

    def get_period(self) -> Period:
        if not self.is_bound or not self.is_valid():
            return current_quarter()
        data = self.cleaned_data
        kind = data["period"]
        if kind == "year":
            return year_period(data["year"])
        if kind == "quarter":
            return quarter_period(data["year"], data["quarter"])
        if kind == "month":
            return month_period(data["year"], data["month"])
        return Period("custom", data["start"], data["end"])
