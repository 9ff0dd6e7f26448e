"""The debriefing zip's CSV files are safe to open in Excel: a typed note never becomes a live formula."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from disastershare.core.records import InventoryItem, RecordMeta
from disastershare.store.workspace import Workspace


def test_stock_csv_in_the_debrief_quotes_formula_like_text(run, scenario_file: Path, tmp_path: Path) -> None:
    assert run("drill", "new", str(scenario_file))[0] == 0
    host = Workspace.open(tmp_path / "drill")
    try:
        host.inventory.add(InventoryItem(RecordMeta(host.municipality), "S-TARP", 12, location="@SUM(1,1)",
                                         note="=cmd|'/c calc'!A1"))
    finally:
        host.close()
    target = tmp_path / "debrief.zip"
    code, _, err = run("drill", "export", str(target), "--no-report")
    assert code == 0, err
    with zipfile.ZipFile(target) as zf:
        text = zf.read("stock.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    tarp = next(r for r in rows if r["保管場所・担当部署"] == "'@SUM(1,1)")
    assert tarp["備考"] == "'=cmd|'/c calc'!A1" and tarp["在庫数"] == "12"
