"""A few hand-written SVG charts, rendered on the server: no JavaScript, no CDN.

Each chart has a <title> and a <desc> (with every value, for screen readers), every bar carries
its own <title>, and the page shows the same data as a table beside it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from bookings.reports.tables import Table

WIDTH = 640
NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?")


def number(value) -> float:
    """The number in a cell ("3 (1 heavy) !" is 3); empty cells are 0."""
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    match = NUMBER.match(str(value or ""))
    return float(match.group(0).replace(",", ".")) if match else 0.0


def _fmt(value) -> str:
    value = number(value)
    return f"{value:g}" if value != int(value) else str(int(value))


def describe(table: Table) -> str:
    series = [table.columns[index] for index in table.chart_columns]
    parts = []
    for row in table.rows:
        values = ", ".join(
            f"{name} {_fmt(row[index])}"
            for name, index in zip(series, table.chart_columns, strict=True)
        )
        parts.append(f"{row[0]}: {values}")
    description = table.description + " " if table.description else ""
    return description + ("; ".join(parts) if parts else _("No data in this period."))


def _open(table: Table, height: int, chart_id: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" class="hope-chart" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(table.title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(table))}</desc>',
    ]


def hbar_chart(table: Table, *, chart_id: str) -> str:
    """Horizontal bars, one per row (a funnel, a ranking): label left, value right."""
    index = table.chart_columns[0]
    bar_height, gap, label_width, top = 22, 8, 220, 10
    height = top * 2 + max(len(table.rows), 1) * (bar_height + gap)
    largest = max([number(row[index]) for row in table.rows] + [1])
    room = WIDTH - label_width - 60
    parts = _open(table, height, chart_id)
    for position, row in enumerate(table.rows):
        y = top + position * (bar_height + gap)
        width = round(room * number(row[index]) / largest, 1)
        label, value = escape(str(row[0])), escape(_fmt(row[index]))
        parts += [
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" '
            f'class="hope-chart__label">{label}</text>',
            f'<rect x="{label_width}" y="{y}" width="{width}" height="{bar_height}" '
            f'class="hope-chart__bar hope-chart__bar--0" fill="#2e6f73">'
            f"<title>{label}: {value}</title></rect>",
            f'<text x="{label_width + width + 6}" y="{y + 16}" '
            f'class="hope-chart__value">{value}</text>',
        ]
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)


def bar_chart(table: Table, *, chart_id: str) -> str:
    """Vertical bars per category; more than one series (this period, the previous) side by side."""
    series = list(table.chart_columns)
    height, bottom, top, left = 300, 60, 20, 40
    plot = height - bottom - top
    groups = max(len(table.rows), 1)
    group_width = (WIDTH - left - 10) / groups
    bar_width = max(min(group_width * 0.8 / len(series), 48), 2)
    largest = max([number(row[i]) for row in table.rows for i in series] + [1])
    fills = ("#2e6f73", "#b5651d", "#6b5b95")
    parts = _open(table, height, chart_id)
    parts.append(
        f'<line x1="{left}" y1="{top + plot}" x2="{WIDTH - 10}" y2="{top + plot}" '
        f'class="hope-chart__axis" stroke="#444"/>'
    )
    for position, row in enumerate(table.rows):
        x0 = left + position * group_width + group_width * 0.1
        label = escape(str(row[0]))
        for number_in_group, index in enumerate(series):
            value = number(row[index])
            bar = round(plot * value / largest, 1)
            x = round(x0 + number_in_group * bar_width, 1)
            y = round(top + plot - bar, 1)
            name = escape(str(table.columns[index]))
            parts += [
                f'<rect x="{x}" y="{y}" width="{round(bar_width - 2, 1)}" height="{bar}" '
                f'class="hope-chart__bar hope-chart__bar--{number_in_group}" '
                f'fill="{fills[number_in_group % len(fills)]}">'
                f"<title>{label}, {name}: {escape(_fmt(value))}</title></rect>",
                f'<text x="{round(x + bar_width / 2 - 1, 1)}" y="{y - 4}" text-anchor="middle" '
                f'class="hope-chart__value">{escape(_fmt(value))}</text>',
            ]
        parts.append(
            f'<text x="{round(x0 + len(series) * bar_width / 2, 1)}" y="{top + plot + 18}" '
            f'text-anchor="middle" class="hope-chart__label">{escape(str(row[0])[:18])}</text>'
        )
    if len(series) > 1:
        for number_in_group, index in enumerate(series):
            x = left + number_in_group * 200
            parts += [
                f'<rect x="{x}" y="{height - 22}" width="12" height="12" '
                f'class="hope-chart__bar--{number_in_group}" '
                f'fill="{fills[number_in_group % len(fills)]}"/>',
                f'<text x="{x + 18}" y="{height - 12}" class="hope-chart__label">'
                f"{escape(str(table.columns[index]))}</text>",
            ]
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)


def chart_for(table: Table, *, chart_id: str) -> str:
    if table.chart == "hbar":
        return hbar_chart(table, chart_id=chart_id)
    if table.chart == "bar":
        return bar_chart(table, chart_id=chart_id)
    return ""
