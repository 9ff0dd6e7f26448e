"""Exports are safe to open: typed text never becomes a live formula, control characters never break XLSX.

The records are stored through the repository, as an edit or an import would store them; the files are
written by the real `inventory export` command and read back with the csv module and openpyxl.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from disastershare.core.records import InventoryItem, RecordMeta
from disastershare.store.workspace import Workspace

OWN = "131016"
# (location, note): what a careless paste or a hostile partner might type
TYPED = [
    ("=1+2", "@SUM(1,1)"),
    ("+cmd", "-2+3"),
    ("\tx", "=HYPERLINK(\"http://example.invalid\",\"x\")"),
    ("\r=1", "ok\r=2+3"),  # a bare CR inside text would start a new row in Excel
    ("倉庫", "note with \x01 and \x0b inside"),
]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    workspace = Workspace.create(root, OWN)
    try:
        workspace.inventory.apply([InventoryItem(RecordMeta(OWN), "S-BLANKET", 100 + i, location=loc, note=note)
                                   for i, (loc, note) in enumerate(TYPED)], [])
    finally:
        workspace.close()
    return root


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_inventory_csv_quotes_every_formula_like_text_and_keeps_numbers(cli, ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert cli("inventory", "export", str(out)).code == 0
    rows = sorted(_csv_rows(out), key=lambda r: int(r["数量"]))
    assert [(r["保管場所"], r["備考"]) for r in rows] == [
        ("'=1+2", "'@SUM(1,1)"),
        ("'+cmd", "'-2+3"),
        ("'\tx", "'=HYPERLINK(\"http://example.invalid\",\"x\")"),
        ("'\n=1", "ok\n=2+3"),  # line breaks as LF, which every writer quotes
        ("倉庫", "note with \x01 and \x0b inside"),  # not a formula: CSV may carry it as it is
    ]
    assert [r["数量"] for r in rows] == ["100", "101", "102", "103", "104"]  # numbers are not quoted


def test_inventory_xlsx_writes_text_as_text_never_as_a_formula(cli, ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    assert cli("inventory", "export", str(out)).code == 0  # a control character does not crash the export
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    location, note, quantity = (header.index(h) for h in ("保管場所", "備考", "数量"))
    rows = sorted(sheet.iter_rows(min_row=2), key=lambda r: r[quantity].value)
    cells = [c for r in rows for c in (r[location], r[note])]
    assert all(c.data_type == "s" for c in cells)  # "f" would be a formula Excel runs on opening
    assert [c.value for c in cells] == [
        "=1+2", "@SUM(1,1)", "+cmd", "-2+3", "\tx", "=HYPERLINK(\"http://example.invalid\",\"x\")",
        "\n=1", "ok\n=2+3",  # XML reads every CR as LF
        "倉庫", "note with \ufffd and \ufffd inside"]  # kept as typed; only what XML forbids is replaced
    assert rows[0][quantity].data_type == "n"
    assert b"<f>" not in zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")


def test_listing_csv_output_is_quoted_too(cli, ws: Path) -> None:
    result = cli("inventory", "list", "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    assert {r["location"] for r in rows} >= {"'=1+2", "'+cmd"}
    assert sorted(r["on_hand"] for r in rows) == ["100", "101", "102", "103", "104"]  # one row each, none split
