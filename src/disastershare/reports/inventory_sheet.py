"""Inventory export: CSV with BOM (Excel on Japanese Windows) or XLSX, re-importable as it is.

Headers and the condition column are Japanese (使用可 / 要点検 / 破損, from reports.labels), words the sheet
importer reads back (core.sheet_import), so an exported sheet still imports unchanged."""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from disastershare.core.cell_safety import csv_value, xml_text
from disastershare.core.errors import DomainError
from disastershare.reports.labels import enum_label

# Header names the importer recognises, so an exported sheet imports back unchanged.
COLUMNS = [
    ("municipality", "団体コード"),
    ("resource", "品目コード"),
    ("name_ja", "品名"),
    ("on_hand", "数量"),
    ("reserved", "自己使用分"),
    ("unit", "単位"),
    ("location", "保管場所"),
    ("condition", "状態"),
    ("expiry", "期限"),
    ("note", "備考"),
]


def _shown(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "condition": enum_label("condition", row.get("condition"), "ja")} for row in rows]


def write_inventory_sheet(path: Path, rows: Sequence[dict[str, Any]]) -> Path:
    rows = _shown(rows)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DomainError(f"{path.name}: export format comes from the suffix; use .csv or .xlsx")
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".csv":
            _write_csv(tmp, rows)
        else:
            _write_xlsx(tmp, rows)
        os.replace(tmp, path)  # never leave a half-written sheet under the real name
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError(f"cannot write {path}: {exc.strerror}") from None
    return path


def _write_csv(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([label for _, label in COLUMNS])
        for row in rows:
            writer.writerow(["" if row.get(key) is None else csv_value(row.get(key)) for key, _ in COLUMNS])


def _write_xlsx(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    from datetime import date

    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = "在庫"
    ws.append([label for _, label in COLUMNS])
    for row in rows:
        values = []
        for key, _ in COLUMNS:
            value = row.get(key)
            if key == "expiry" and value:
                value = date.fromisoformat(value)
            elif isinstance(value, str):
                value = xml_text(value)  # openpyxl refuses control characters with an exception
            values.append(value)
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                # openpyxl makes any text starting with "=" a formula; a typed note must stay text.
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for i, (key, label) in enumerate(COLUMNS, start=1):
        longest = max([len(str(r.get(key) or "")) for r in rows[:500]] + [len(label)])
        ws.column_dimensions[get_column_letter(i)].width = min(60, 4 + longest * 2)
        if key == "expiry":
            for cell in ws[get_column_letter(i)][1:]:
                cell.number_format = "yyyy-mm-dd"
    wb.save(path)
