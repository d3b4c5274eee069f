"""Reports as CSV and XLSX (openpyxl). Text that a spreadsheet would read as a formula (starting
with = + - @, or a tab or carriage return) gets a leading apostrophe; numbers stay numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bookings.reports.tables import Report, Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """Make a cell safe to open in a spreadsheet program."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal, dt.date)):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def export_rows(report: Report):
    """Every row a report exports: a heading block, its figures, then each table."""
    yield [report.title, report.period.label]
    yield [_("Compared with"), report.previous_period.label]
    yield []
    if report.figures:
        yield [_("Figure"), _("This period"), _("Previous period")]
        for figure in report.figures:
            yield [figure.label, figure.value, figure.previous]
        yield []
    for table in report.tables:
        yield from table_rows(table)
        yield []


def table_rows(table: Table):
    yield [table.title]
    yield list(table.columns)
    yield from table.rows


def filename(report: Report, extension: str) -> str:
    return f"hope-{report.slug}-{slugify(report.period.label)}.{extension}"


def csv_response(report: Report, rows=None, name: str | None = None) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name or filename(report, "csv")}"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response)
    for row in rows if rows is not None else export_rows(report):
        writer.writerow([neutralise(value) for value in row])
    return response


def xlsx_bytes(sheets: list[tuple[str, list[list]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        worksheet = workbook.create_sheet(title=_sheet_title(title))
        for row in rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(worksheet, neutralise(value))
                if cell.data_type == "f":
                    cell.data_type = "s"  # never a formula, whatever openpyxl guessed
                cells.append(cell)
            worksheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _sheet_title(title: str) -> str:
    for character in "[]:*?/\\":
        title = title.replace(character, " ")
    return title[:31] or "Sheet"


def report_sheets(report: Report) -> list[tuple[str, list[list]]]:
    summary = [
        [report.title, report.period.label],
        [_("Compared with"), report.previous_period.label],
        [],
        [_("Figure"), _("This period"), _("Previous period")],
        *([figure.label, figure.value, figure.previous] for figure in report.figures),
    ]
    sheets = [(_("Summary"), summary)]
    seen = set()
    for table in report.tables:
        title = _sheet_title(table.title)
        while title in seen:
            title = title[:29] + f" {len(seen)}"
        seen.add(title)
        sheets.append((title, [list(table.columns), *table.rows]))
    return sheets


def xlsx_response(report: Report, sheets=None, name: str | None = None) -> HttpResponse:
    content = xlsx_bytes(sheets if sheets is not None else report_sheets(report))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name or filename(report, "xlsx")}"'
    return response
