"""The coordination report as CSV: one file per table, UTF-8 with a BOM so Excel on Japanese Windows
opens it without mojibake.

Where the files go (decided here; `disastershare report --help` says the same):
- `--out DIR/name.csv` writes `name-<table>.csv` files beside it (`name-stock.csv`, `name-shortfalls.csv`,
  ..., and `name-report.csv` describing the report); no file is called `name.csv` itself, since a report
  is several tables.
- `--out DIR/name.zip` writes one zip holding the same `name-<table>.csv` files (one file to e-mail).
Only with `--hxl` (opt-in: the GUI's "CSV" option, off by default) does each table get a second header row
of HXL hashtags (Humanitarian Exchange Language, 人道支援データ交換用のタグ行: #adm2+code, #item+name,
#value+...) so humanitarian tools (HXL Proxy, HDX) read the columns without a mapping; the `-report.csv`
file then says in words what that row is.

Cells are in the report's language: coded values (statuses, flags) through `labels`, yes/no as はい/いいえ,
times in the report's zone as "YYYY-MM-DD HH:MM", which Excel parses as a date-time.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from disastershare.core.cell_safety import csv_text
from disastershare.reports import labels
from disastershare.reports.about import about_rows
from disastershare.reports.model import ReportData
from disastershare.reports.tables import Table, data_tables, with_drill_column
from disastershare.reports.times import minutes_text

BOM = "\ufeff"
ABOUT_KEY = "report"


def _cell(value: Any, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return labels.yes_no(value, language)
    if isinstance(value, datetime):
        return minutes_text(value)  # in the report's zone, which the column header names
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int):
        return str(value)  # a number, even a negative one, is not text to neutralise
    return csv_text(str(value))  # names, places, notes: never a live formula in Excel


def _text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    out.write(BOM)
    csv.writer(out, lineterminator="\r\n").writerows(rows)  # CRLF: what Excel itself writes
    return out.getvalue()


def table_csv(table: Table, language: str, hxl: bool = False) -> str:
    rows = [[c.label(language) for c in table.columns]]
    if hxl:
        rows.append([c.hxl for c in table.columns])
    getters = [c.get for c in table.columns]
    rows += [[_cell(get(row, language), language) for get in getters] for row in table.rows]
    return _text(rows)


def about_csv(data: ReportData, language: str, tables: list[Table], hxl: bool = False) -> str:
    rows = [[labels.ITEM(language), labels.VALUE(language)]]
    # Labels and values both go through cell safety: a partner's name or a path is never a live formula.
    rows += [[csv_text(label), _cell(value, language)] for label, value in about_rows(data, language, tables, hxl)]
    return _text(rows)


def csv_files(data: ReportData, stem: str, language: str = "ja", hxl: bool = False) -> list[tuple[str, str]]:
    """(file name, text) for every table and the description, in the order they are listed."""
    tables = data_tables(data)
    if data.meta.drill:
        tables = [with_drill_column(t) for t in tables]
    files = [(f"{stem}-{ABOUT_KEY}.csv", about_csv(data, language, tables, hxl))]
    files += [(f"{stem}-{t.key}.csv", table_csv(t, language, hxl)) for t in tables]
    return files
