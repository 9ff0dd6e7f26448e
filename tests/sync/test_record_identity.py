"""Record identity is (id, owner) (issue 16, finding 3): nobody can squat another owner's record ids.

Before schema 0006 the mirrored tables were keyed on `id` alone: a partner B that copied C's record ids into
its own snapshot made every later snapshot of C refused ("ids collide with another municipality"), for ever.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sync_helpers import dump, export, import_one, private_key, records_dump, stock, trust, write

from disastershare.core.records import InventoryItem
from disastershare.store import migrations, request_tables, sync_tables  # noqa: F401 - their tables join the metadata
from disastershare.store.connection import make_engine
from disastershare.store.tables import SQLModel
from disastershare.store.workspace import DB_NAME, Workspace
from disastershare.sync.snapshot_format import TABLES, column_names
from disastershare.sync.snapshot_writer import build_snapshot

W, B, C = "431001", "434434", "432105"  # 熊本市 imports; 益城町 is hostile; 菊池市 is the victim


def _copy_of_c_under_b(c: Workspace, b: Workspace, sequence: int = 5):
    """B's snapshot listing C's record ids (and values) as B's own records: the squatting attack."""
    with sqlite3.connect(c.db_path) as conn:
        tables = {t: [[*row[:1], B, *row[2:]] for row in conn.execute(
            f"SELECT {', '.join(column_names(t))} FROM {t} WHERE owner = ?", (C,))]
            for t in ("inventory_item", "staff_pool", "need")}
    for rows in tables.values():
        for row in rows:
            row[4] = bool(row[4])
    assert sum(map(len, tables.values())) > 20
    return build_snapshot(B, sequence, False, tables, private_key(b))


@pytest.mark.parametrize("squatter_first", [True, False])
def test_a_partner_copying_another_partners_ids_blocks_nobody(make_workspace, tmp_path: Path,
                                                               squatter_first: bool) -> None:
    # Given W trusts B and C, and B's snapshot lists C's record ids as its own
    w, b, c = make_workspace(W, seed=1), make_workspace(B, seed=None), make_workspace(C, seed=3)
    trust(w, b, c)
    forged = write(tmp_path / f"{B}-000005.dsnap", _copy_of_c_under_b(c, b).data)
    first_of_c = export(c, tmp_path)
    order = [forged, first_of_c] if squatter_first else [first_of_c, forged]
    # When W imports both, in either order, and then C's next snapshots
    assert [import_one(w, p).status.value for p in order] == ["applied", "applied"]
    stock(c, seed=4)
    assert import_one(w, export(c, tmp_path)).status == "applied"
    c.inventory.delete(c.inventory.list()[0].meta.id)
    assert import_one(w, export(c, tmp_path)).status == "applied"
    # Then W shows C's records exactly as C has them, and B's as B signed them, side by side
    assert records_dump(w, C) == records_dump(c, C)
    assert len(w.inventory.list(owner=B)) > 0
    shared = {i.meta.id for i in w.inventory.list(owner=B)} & {i.meta.id for i in w.inventory.list(owner=C)}
    assert shared


def test_own_records_keep_working_when_a_partner_uses_their_ids(make_workspace, tmp_path: Path) -> None:
    w, b = make_workspace(W, seed=1), make_workspace(B, seed=None)
    trust(w, b)
    mine = w.inventory.list()
    rows = [[i.meta.id, B, 1, "2024-01-01 00:00:00.000000", False, "S-WATER", 7, 0, "", "ready", None, ""]
            for i in mine]
    forged = build_snapshot(B, 3, False, {"inventory_item": rows}, private_key(b))
    assert import_one(w, write(tmp_path / "b.dsnap", forged.data)).status == "applied"
    target = mine[0]
    # get by id prefers the own record; update, delete and undelete reach only the own one
    assert w.inventory.get(target.meta.id) == target
    w.inventory.update(InventoryItem(target.meta, target.resource, target.on_hand + 3, target.reserved,
                                     target.location, target.condition, target.expiry, target.note))
    w.inventory.delete(target.meta.id)
    w.inventory.undelete(target.meta.id)
    assert w.inventory.get(target.meta.id).on_hand == target.on_hand + 3
    assert [i.on_hand for i in w.inventory.list(owner=B)] == [7] * len(mine)
    # and the next own snapshot carries exactly the own records
    third = make_workspace(C, seed=None)
    trust(third, w)
    assert import_one(third, export(w, tmp_path)).status == "applied"
    assert records_dump(third, W) == records_dump(w, W)


@pytest.mark.parametrize("table", ["inventory_item", "need", "local_resource_type"])
def test_a_snapshot_listing_one_id_twice_is_refused(make_workspace, tmp_path: Path, table: str) -> None:
    w, b = make_workspace(W, seed=1), make_workspace(B, seed=None)
    trust(w, b)
    row = {"inventory_item": ["dup-1", B, 1, "2024-01-01 00:00:00.000000", False, "S-WATER", 7, 0, "", "ready",
                              None, ""],
           "need": ["dup-1", B, 1, "2024-01-01 00:00:00.000000", False, "S-WATER", 7, None, "high", "open", ""],
           "local_resource_type": ["dup-1", B, 1, "2024-01-01 00:00:00.000000", False, f"{B}-X", "supply", "品",
                                   "item", "個", "other"]}[table]
    other = list(row)
    if table == "local_resource_type":
        other[5] = f"{B}-Y"  # only the id repeats
    before = dump(w)
    snapshot = build_snapshot(B, 3, False, {table: [row, other]}, private_key(b))
    result = import_one(w, write(tmp_path / "twice.dsnap", snapshot.data))
    assert result.status == "refused"
    assert "the snapshot lists record id dup-1 twice" in result.reason
    assert dump(w) == before


def test_a_snapshot_listing_one_local_type_code_twice_is_refused(make_workspace, tmp_path: Path) -> None:
    w, b = make_workspace(W, seed=1), make_workspace(B, seed=None)
    trust(w, b)
    rows = [[f"id-{i}", B, 1, "2024-01-01 00:00:00.000000", False, f"{B}-X", "supply", "品", "item", "個", "other"]
            for i in range(2)]
    before = dump(w)
    result = import_one(w, write(tmp_path / "twice.dsnap",
                                 build_snapshot(B, 3, False, {"local_resource_type": rows}, private_key(b)).data))
    assert result.status == "refused" and f"lists local type code {B}-X twice" in result.reason
    assert dump(w) == before


# -- the migration ---------------------------------------------------------------------------------------
_ROWS = {
    "inventory_item": [("inv-1", W, 1, "2026-01-01 00:00:00.000000", 0, "S-BLANKET", 40, 2, "倉庫", "ready",
                        "2027-03-31", "メモ"),
                       ("inv-2", B, 9, "2026-01-02 00:00:00.000000", 1, "S-WATER", 5, 0, "", "damaged", None, "")],
    "staff_pool": [("st-1", B, 2, "2026-01-01 00:00:00.000000", 0, "P-NURSE", 3, "2026-01-01", None, 5, "課", "")],
    "need": [("nd-1", W, 3, "2026-01-01 00:00:00.000000", 0, "S-WATER", 500, None, "high", "open", "")],
    "local_resource_type": [("lt-1", B, 4, "2026-01-01 00:00:00.000000", 0, f"{B}-PUMP", "equipment", "ポンプ",
                             "pump", "台", "other")],
    "resource_request": [("rq-1", W, 5, "2026-01-01 00:00:00.000000", 0, B, "S-WATER", 100, None, "", "", "",
                          None, None, None, 0)],
    "request_response": [("rs-1", B, 6, "2026-01-01 00:00:00.000000", 0, "rq-1", 80, "")],
    "request_dispatch": [("dp-1", B, 7, "2026-01-01 00:00:00.000000", 0, "rq-1", 40, "2026-01-02", None, "")],
    "request_receipt": [("rc-1", W, 8, "2026-01-01 00:00:00.000000", 0, "rq-1", 40, "2026-01-03", "")],
    "request_return": [("rt-1", W, 9, "2026-01-01 00:00:00.000000", 0, "rq-1", 1, "2026-01-04", "")],
}


def _workspace_at_0005(root: Path) -> Path:
    root.mkdir()
    for sub in ("keys", "inbox", "outbox", "backups"):
        (root / sub).mkdir()
    db = root / DB_NAME
    engine = make_engine(db)
    migrations.upgrade(engine, "0005")
    engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute(f"INSERT INTO workspace_info VALUES (1, '{W}', 0, '2026-01-01 00:00:00', '0.1.0')")
        for table, rows in _ROWS.items():
            marks = ", ".join("?" * len(rows[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        pk = [r[1] for r in conn.execute("PRAGMA table_info(inventory_item)") if r[5]]
        assert pk == ["id"]  # the old key
    return db


def _all_rows(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        return {t: sorted(conn.execute(f"SELECT {', '.join(column_names(t))} FROM {t}").fetchall(), key=repr)
                for t in TABLES}


def test_migration_0006_rekeys_a_0005_workspace_and_keeps_every_row(tmp_path: Path) -> None:
    db = _workspace_at_0005(tmp_path / "old")
    before = _all_rows(db)
    assert sum(map(len, before.values())) == 10
    workspace = Workspace.open(tmp_path / "old")
    try:
        assert migrations.current_revision(workspace.engine) == "0006" == migrations.head_revision()
        assert _all_rows(db) == before
        assert list((tmp_path / "old" / "backups").glob("*pre-migrate-0005.sqlite"))
        with sqlite3.connect(db) as conn:
            for table in TABLES:
                key = sorted((r[5], r[1]) for r in conn.execute(f"PRAGMA table_info({table})") if r[5])
                assert [name for _, name in key] == ["id", "owner"], table
                indexes = {r[1] for r in conn.execute(f"PRAGMA index_list({table})")}
                assert f"ix_{table}_owner" in indexes
            # the same id under another owner is now a different record
            conn.execute("INSERT INTO inventory_item SELECT id, '432105', revision, updated_at, deleted, resource, "
                         "on_hand, reserved, location, condition, expiry, note FROM inventory_item WHERE id = 'inv-1'")
            with pytest.raises(sqlite3.IntegrityError):  # but one owner still cannot hold one id twice
                conn.execute("INSERT INTO inventory_item SELECT * FROM inventory_item WHERE id = 'inv-1' "
                             f"AND owner = '{W}'")
            with pytest.raises(sqlite3.IntegrityError):  # and local type codes stay unique
                conn.execute("INSERT INTO local_resource_type SELECT 'lt-2', owner, revision, updated_at, deleted, "
                             "code, kind, name_ja, name_en, unit, category FROM local_resource_type")
        with workspace.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
        assert [i.on_hand for i in workspace.inventory.list()] == [40]
        workspace.inventory.delete("inv-1")
        assert workspace.inventory.get("inv-1", W).meta.deleted
        assert not workspace.inventory.get("inv-1", "432105").meta.deleted
    finally:
        workspace.close()


def test_migration_0006_downgrades_back_to_the_id_key(tmp_path: Path) -> None:
    db = _workspace_at_0005(tmp_path / "old")
    before = _all_rows(db)
    engine = make_engine(db)
    migrations.upgrade(engine, "0006")
    from alembic import command

    from disastershare.store.migrations import _config
    cfg = _config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    engine.dispose()
    assert _all_rows(db) == before
    with sqlite3.connect(db) as conn:
        assert [r[1] for r in conn.execute("PRAGMA table_info(need)") if r[5]] == ["id"]
