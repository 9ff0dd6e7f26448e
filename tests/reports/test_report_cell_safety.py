"""Report CSV and XLSX files are safe to open: text typed here or by a partner never becomes a formula.

A partner's local resource type we have not learned is shown by its code, which the partner chose, and a
dispatch's place (活動場所) is typed text: both reach the stock and dispatch tables.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from reportkit import KUMAMOTO, NOW, OWN, insert_mirrored

from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.reports.sources import DispatchFigure
from disastershare.store.workspace import Workspace


def _data(workspace: Workspace):
    insert_mirrored(workspace, KUMAMOTO, [("=1+2", 7, 0)])
    return build_report_data(workspace, now=NOW, dispatches=[
        DispatchFigure("P-PHN", OWN, KUMAMOTO, "@SUM(1,1)", 2), DispatchFigure("P-PHN", OWN, KUMAMOTO, "-2+3\x01", 1),
        DispatchFigure("P-PHN", OWN, KUMAMOTO, "+cmd", 3), DispatchFigure("P-PHN", OWN, KUMAMOTO, "\tx", 4)])


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_report_csv_quotes_formula_like_text_and_leaves_numbers(live_ws: Workspace, tmp_path: Path) -> None:
    write_report(_data(live_ws), tmp_path / "r.csv")
    stock = next(r for r in _csv(tmp_path / "r-stock.csv") if r["団体コード"] == KUMAMOTO and r["在庫数"] == "7")
    assert (stock["品目コード"], stock["品目"]) == ("'=1+2", "'=1+2")
    places = sorted((r["人数"], r["活動場所"]) for r in _csv(tmp_path / "r-dispatch.csv"))
    assert places == [("1", "'-2+3\x01"), ("2", "'@SUM(1,1)"), ("3", "'+cmd"), ("4", "'\tx")]


def test_report_xlsx_keeps_text_as_string_cells(live_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_report(_data(live_ws), path)  # the control character in a place does not break the workbook
    book = load_workbook(path)
    rows = list(book["在庫"].iter_rows())
    header = [c.value for c in rows[0]]
    code = next(r[header.index("品目コード")] for r in rows[1:] if r[header.index("在庫数")].value == 7)
    assert (code.value, code.data_type) == ("=1+2", "s")
    rows = list(book["職員派遣"].iter_rows())
    header = [c.value for c in rows[0]]
    places = sorted((r[header.index("人数")].value, r[header.index("活動場所")]) for r in rows[1:])
    assert [(n, c.value, c.data_type) for n, c in places] == [
        (1, "-2+3\ufffd", "s"), (2, "@SUM(1,1)", "s"), (3, "+cmd", "s"), (4, "\tx", "s")]
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
