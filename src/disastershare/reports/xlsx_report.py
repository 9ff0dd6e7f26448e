"""The coordination report as an Excel workbook: a sheet describing the report, then one sheet per table.

Cells are typed (numbers as numbers, dates as dates, times as date-times in the report's zone, which the
headers name), coded values and yes/no in the report's language (はい/いいえ, not TRUE/FALSE), each table
sheet has a frozen header row and an auto filter, and column widths count full-width characters as two so
Japanese names fit. Printing: A4, one page wide, landscape for tables of more than 8 columns, the header
row repeated on every page. The file itself is written by `xlsx_writer` (openpyxl's serializer was 3x too
slow for the national instance). Chart images are not embedded: the PDF carries them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from disastershare.reports import labels
from disastershare.reports.about import about_rows
from disastershare.reports.model import ReportData
from disastershare.reports.tables import Table, data_tables, with_drill_column
from disastershare.reports.xlsx_writer import Sheet, write_workbook

MAX_WIDTH = 60
SHEET_NAMES = labels.SHORT_TITLES  # sheet names are limited to 31 characters: the short table titles
DRILL_COLOR = "C00000"


def _width_of(text: str) -> int:
    # Excel's column width unit is one half-width character; full-width (W/F) characters take two.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(rows: Sequence[Sequence[Any]], filter_button: bool = True) -> list[float]:
    """Widest cell per column in character units, capped; cached per text (a national sheet repeats a few
    thousand distinct strings 40,000 times)."""
    if not rows:
        return []
    widths = [0] * max(len(r) for r in rows)
    cache: dict[str, int] = {}
    for row in rows:
        for i, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                width = cache.get(value)
                if width is None:
                    width = cache[value] = _width_of(value)
            elif isinstance(value, datetime):
                width = 16
            elif isinstance(value, date):
                width = 10
            elif isinstance(value, bool):
                width = 5
            elif isinstance(value, int | float):
                width = len(f"{value:,}")
            else:
                width = len(str(value))
            if width > widths[i]:
                widths[i] = width
    extra = 4 if filter_button else 2  # room for the filter drop-down on the header cell
    return [min(MAX_WIDTH, w + extra) for w in widths]


def _excel_value(value: Any, language: str) -> Any:
    if isinstance(value, bool):
        return labels.yes_no(value, language)  # a Japanese Excel shows a boolean cell as TRUE/FALSE
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; the headers name the report's zone
    return value


def _table_sheet(table: Table, data: ReportData, language: str) -> Sheet:
    getters = [c.get for c in table.columns]
    rows: list[list[Any]] = [[c.label(language) for c in table.columns]]
    rows += [[_excel_value(get(row, language), language) for get in getters] for row in table.rows]
    drill = data.meta.drill
    return Sheet(SHEET_NAMES.get(table.key, table.title)(language)[:31], rows, column_widths(rows),
                 tab_color=DRILL_COLOR if drill else None, print_header=labels.DRILL_BOTH if drill else None)


def _about_sheet(data: ReportData, language: str, tables: Iterable[Table]) -> Sheet:
    rows = [[label, _excel_value(value, language)] for label, value in about_rows(data, language, tables)]
    drill = data.meta.drill
    drill_label = labels.DRILL(language)
    alerts = {(i, 1) for i, row in enumerate(rows) if row[0] == drill_label} if drill else set()  # in red
    return Sheet(SHEET_NAMES["report"](language), rows, column_widths(rows, filter_button=False), header=False,
                 tab_color=DRILL_COLOR if drill else None, print_header=labels.DRILL_BOTH if drill else None,
                 bold_first_column=True, alert_cells=alerts, gridlines=False)


def write_xlsx(data: ReportData, path: Path, language: str = "ja") -> None:
    """Write the workbook to `path` (the caller makes the write atomic)."""
    tables = data_tables(data)
    if data.meta.drill:
        tables = [with_drill_column(t) for t in tables]
    sheets = [_about_sheet(data, language, tables), *(_table_sheet(t, data, language) for t in tables)]
    title = f"{labels.TITLE(language)} — {data.meta.subject.label}"
    write_workbook(path, sheets, title, f"DisasterShare {data.meta.app_version}", data.meta.generated_at)
