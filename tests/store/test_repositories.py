from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from disastershare.core.errors import DomainError, ValidationError
from disastershare.core.records import InventoryItem, Need, RecordMeta, StaffPool
from disastershare.store.workspace import Workspace


def blanket(owner: str = "131016", **kw) -> InventoryItem:
    return InventoryItem(RecordMeta(owner), kw.pop("resource", "S-BLANKET"), kw.pop("on_hand", 100), **kw)


def dump(ws: Workspace) -> list[tuple]:
    with sqlite3.connect(ws.db_path) as conn:
        return [row for t in ("inventory_item", "staff_pool", "need", "revision_counter", "import_log")
                for row in conn.execute(f"SELECT * FROM {t} ORDER BY 1")]


def test_every_write_takes_the_next_revision_and_deletion_leaves_a_tombstone(workspace: Workspace) -> None:
    a = workspace.inventory.add(blanket())
    b = workspace.inventory.add(blanket(resource="S-WATER", on_hand=500))
    assert (a.meta.revision, b.meta.revision) == (1, 2)
    changed = workspace.inventory.update(replace(a, on_hand=150))
    assert changed.meta.revision == 3 and changed.meta.updated_at is not None
    gone = workspace.inventory.delete(a.meta.id)
    assert gone.meta.deleted and gone.meta.revision == 4
    assert [i.resource for i in workspace.inventory.list()] == ["S-WATER"]
    tombstones = [i for i in workspace.inventory.list(include_deleted=True) if i.meta.deleted]
    assert [t.meta.id for t in tombstones] == [a.meta.id]
    back = workspace.inventory.undelete(a.meta.id)
    assert not back.meta.deleted and back.on_hand == 150


def test_records_persist_across_reopen(workspace: Workspace) -> None:
    pool = workspace.staff.add(StaffPool(RecordMeta("131016"), "P-PHN", 4, date(2026, 12, 1), date(2026, 12, 31), 7,
                                         "健康推進課"))
    need = workspace.needs.add(Need(RecordMeta("131016"), "S-WATER", 3000, date(2026, 12, 2)))
    again = Workspace.open(workspace.root)
    assert again.staff.get(pool.meta.id).contact_section == "健康推進課"
    assert again.needs.list()[0].quantity == 3000
    assert again.needs.get(need.meta.id).needed_by == date(2026, 12, 2)


@pytest.mark.parametrize(
    "bad",
    [blanket(on_hand=-1), blanket(reserved=200), blanket(resource="S-UNKNOWN"), blanket(resource="P-PHN")],
)
def test_invalid_records_are_refused_and_nothing_changes(workspace: Workspace, bad: InventoryItem) -> None:
    workspace.inventory.add(blanket())
    before = dump(workspace)
    with pytest.raises(ValidationError):
        workspace.inventory.add(bad)
    assert dump(workspace) == before


def test_a_batch_with_one_bad_record_writes_none(workspace: Workspace) -> None:
    before = dump(workspace)
    with pytest.raises(ValidationError):
        workspace.apply_import("inventory", "x.csv", 2, [blanket(), blanket(on_hand=-4)], [])
    assert dump(workspace) == before


def test_partners_records_are_read_only(workspace: Workspace) -> None:
    with pytest.raises(DomainError, match="read-only"):
        workspace.inventory.add(blanket(owner="011002"))


def test_update_of_a_deleted_record_is_refused(workspace: Workspace) -> None:
    a = workspace.inventory.add(blanket())
    workspace.inventory.delete(a.meta.id)
    with pytest.raises(DomainError, match="no longer exists"):
        workspace.inventory.update(replace(a, on_hand=3))
    with pytest.raises(DomainError, match="no longer exists"):
        workspace.inventory.delete(a.meta.id)


def test_apply_import_logs_and_writes_everything_in_one_go(workspace: Workspace) -> None:
    items = [blanket(resource="S-WATER", on_hand=i + 1, location=f"倉庫{i}") for i in range(500)]
    pools = [StaffPool(RecordMeta("131016"), "P-CIVIL", 3)]
    added, changed = workspace.apply_import("inventory", "stock.xlsx", 501, [*items, *pools], [])
    assert (added, changed) == (501, 0)
    assert len(workspace.inventory.list()) == 500 and len(workspace.staff.list()) == 1
    revisions = sorted(i.meta.revision for i in workspace.inventory.list())
    assert revisions == list(range(1, 501))
    with sqlite3.connect(workspace.db_path) as conn:
        assert conn.execute("SELECT source, added FROM import_log").fetchall() == [("stock.xlsx", 501)]
