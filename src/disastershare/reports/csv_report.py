"""The coordination report as CSV: one file per table, UTF-8 with a BOM so Excel on Japanese Windows
opens it without mojibake.

Where the files go (decided here; `disastershare report --help` says the same):
- `--out DIR/name.csv` writes `name-<table>.csv` files beside it (`name-stock.csv`, `name-shortfalls.csv`,
  ..., and `name-report.csv` describing the report); no file is called `name.csv` itself, since a report
  is several tables.
- `--out DIR/name.zip` writes one zip holding the same `name-<table>.csv` files (one file to e-mail).
With `--hxl`, each table gets a second header row of HXL hashtags (#adm2+code, #item+name, #value+...)
so humanitarian tools (HXL Proxy, HDX) read the columns without a mapping.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from disastershare.core import era
from disastershare.core.cell_safety import csv_text
from disastershare.reports import labels
from disastershare.reports.model import ReportData
from disastershare.reports.tables import Table, data_tables, with_drill_column

BOM = "\ufeff"
ABOUT_KEY = "report"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")  # JST, as the column header says; Excel parses this form
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
    rows += [[_cell(get(row, language)) for get in getters] for row in table.rows]
    return _text(rows)


def about_csv(data: ReportData, language: str, tables: list[Table]) -> str:
    meta = data.meta
    when = meta.generated_at
    era_text = era.era_ja(when.date()) if language == "ja" else era.era_en(when.date())
    rows = [
        ["key", "value"],
        ["title", labels.TITLE(language)],
        ["municipality_code", meta.subject.code],
        ["municipality", meta.subject.label],
        ["scope", meta.scope],
        ["report_time", when.isoformat(timespec="minutes")],
        ["era_date", era_text],
        ["time_zone", "JST (UTC+09:00)"],
        ["drill", "TRUE" if meta.drill else "FALSE"],
        ["workspace", meta.workspace],
        ["app_version", meta.app_version],
        ["stale_after_hours", str(int(meta.stale_after.total_seconds() // 3600))],
        ["partners_included", str(len(meta.partners))],
    ]
    rows += [[f"rows:{t.key}", str(len(t.rows))] for t in tables]
    rows += [[f"partner:{p.code}", p.label] for p in meta.partners]
    return _text([[csv_text(cell) for cell in row] for row in rows])  # all text: names and paths included


def csv_files(data: ReportData, stem: str, language: str = "ja", hxl: bool = False) -> list[tuple[str, str]]:
    """(file name, text) for every table and the description, in the order they are listed."""
    tables = data_tables(data)
    if data.meta.drill:
        tables = [with_drill_column(t) for t in tables]
    files = [(f"{stem}-{ABOUT_KEY}.csv", about_csv(data, language, tables))]
    files += [(f"{stem}-{t.key}.csv", table_csv(t, language, hxl)) for t in tables]
    return files
