"""The inventory export says 使用可 / 要点検 / 破損 in its 状態 column, not ready / needs_check / damaged,
and still imports back unchanged (the importer reads those words)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from disastershare.cli import main
from disastershare.core.records import Condition, InventoryItem, RecordMeta
from disastershare.store.workspace import Workspace


def test_conditions_are_japanese_and_the_sheet_imports_back_unchanged(live_ws: Workspace, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    own = live_ws.municipality
    live_ws.inventory.apply([
        InventoryItem(RecordMeta(own), "S-TARP", 5, 0, "第3倉庫", Condition.NEEDS_CHECK),
        InventoryItem(RecordMeta(own), "E-TENT", 2, 0, "第3倉庫", Condition.DAMAGED),
    ], [])
    out = tmp_path / "stock.csv"
    assert main(["--workspace", str(live_ws.root), "inventory", "export", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert {r["状態"] for r in rows if r["品目コード"] != "P-PHN"} == {"使用可", "要点検", "破損"}  # staff: none
    capsys.readouterr()
    assert main(["--workspace", str(live_ws.root), "inventory", "import", str(out), "--dry-run"]) == 0
    assert f"0 to add, 0 to change, {len(rows)} unchanged" in capsys.readouterr().out
