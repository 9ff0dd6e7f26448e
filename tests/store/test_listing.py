"""Listing rows (inventory list --format json, exports, the debrief) say whether stock is expired and
how much is available; the fields that were there before stay as they were."""

from __future__ import annotations

from datetime import date

from disastershare.core.records import Condition, InventoryItem, RecordMeta, StaffPool
from disastershare.store.listing import inventory_rows

TODAY = date(2026, 12, 3)
BEFORE = {"municipality", "resource", "kind", "name_ja", "name_en", "unit", "category", "on_hand", "reserved",
          "location", "condition", "expiry", "note", "id", "revision", "updated_at"}


def test_rows_carry_expiry_state_and_available_as_of_the_day_given(workspace) -> None:
    own = workspace.municipality
    workspace.inventory.apply([
        InventoryItem(RecordMeta(own), "S-WATER", 100, 10, "倉庫", expiry=date(2026, 12, 2)),  # expired yesterday
        InventoryItem(RecordMeta(own), "S-FOOD-STAPLE", 80, 5, "倉庫", expiry=date(2027, 1, 31)),  # within 90 days
        InventoryItem(RecordMeta(own), "S-TARP", 60, 0, "倉庫", expiry=date(2028, 1, 1)),
        InventoryItem(RecordMeta(own), "E-GENERATOR", 3, 1, "倉庫", condition=Condition.DAMAGED),
        InventoryItem(RecordMeta(own), "S-BLANKET", 40, 4, "倉庫"),
    ], [])
    workspace.staff.apply([StaffPool(RecordMeta(own), "P-PHN", 4)], [])
    rows = {r["resource"]: r for r in inventory_rows(workspace, today=TODAY)}
    assert {code: (r["expiry_state"], r["available"]) for code, r in rows.items()} == {
        "S-WATER": ("expired", 0), "S-FOOD-STAPLE": ("soon", 75), "S-TARP": ("ok", 60), "E-GENERATOR": ("none", 0),
        "S-BLANKET": ("none", 36), "P-PHN": ("none", 4)}
    assert all(r.keys() >= BEFORE for r in rows.values())  # the public contract keeps every field
    water = rows["S-WATER"]
    assert (water["on_hand"], water["reserved"], water["expiry"]) == (100, 10, "2026-12-02")
    later = {r["resource"]: r["expiry_state"] for r in inventory_rows(workspace, today=date(2027, 2, 1))}
    assert later["S-FOOD-STAPLE"] == "expired"
