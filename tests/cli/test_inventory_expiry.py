"""`inventory list --format json` says whether each lot is expired and how much of it is available today."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from disastershare.core.records import InventoryItem, RecordMeta
from disastershare.store.workspace import Workspace

OWN = "131016"


def test_list_json_has_expiry_state_and_available(cli, tmp_path: Path) -> None:
    # The command judges by today's date, so the lots are dated relative to it.
    today = date.today()
    workspace = Workspace.create(tmp_path / "ws", OWN)
    try:
        workspace.inventory.apply([
            InventoryItem(RecordMeta(OWN), "S-WATER", 100, 10, expiry=today - timedelta(days=1)),
            InventoryItem(RecordMeta(OWN), "S-MILK-LIQUID", 50, 5, expiry=today + timedelta(days=10)),
            InventoryItem(RecordMeta(OWN), "S-TARP", 60, 0, expiry=today + timedelta(days=400)),
        ], [])
    finally:
        workspace.close()
    result = cli("inventory", "list", "--format", "json")
    assert result.code == 0, result.err
    rows = {r["resource"]: r for r in result.json()}
    assert {code: (r["expiry_state"], r["available"], r["on_hand"], r["reserved"]) for code, r in rows.items()} == {
        "S-WATER": ("expired", 0, 100, 10), "S-MILK-LIQUID": ("soon", 45, 50, 5), "S-TARP": ("ok", 60, 60, 0)}
