"""Listing output in the three formats every listing command offers: table, csv, json."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from disastershare.core.cell_safety import csv_value

FORMATS = ("table", "csv", "json")


def _width(text: str) -> int:
    # Japanese full-width characters take two terminal columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
         out: TextIO | None = None) -> None:
    """JSON: one UTF-8 document with every field. CSV/table: the given columns (default: all)."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, default=str, indent=1)
        out.write("\n")
        return
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            # Neutralised before _cell turns numbers into text: -5 stays -5, a note "=1+2" becomes "'=1+2".
            writer.writerow([_cell(csv_value(row.get(c))) for c in cols])
        return
    if not rows:
        out.write("(none)\n")
        return
    cells = [[_cell(row.get(c)) for c in cols] for row in rows]
    widths = [max(_width(c), *(_width(r[i]) for r in cells)) for i, c in enumerate(cols)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out.write(line(cols) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for r in cells:
        out.write(line(r) + "\n")


def emit_document(document: Any, out: TextIO | None = None) -> None:
    """One JSON document (for commands whose result is not a list of rows)."""
    out = out or sys.stdout
    json.dump(document, out, ensure_ascii=False, default=str, indent=1)
    out.write("\n")
