"""The request store on real workspaces: own records with revisions, answers revised in place, schema 0004."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from disastershare.core.requests import RequestStatus
from disastershare.store import migrations
from disastershare.store import request_store as rs
from disastershare.store.connection import make_engine
from disastershare.store.workspace import DB_NAME, Workspace
from disastershare.sync.keycard import own_keycard
from disastershare.sync.partners import add_partner

A, B = "131016", "434434"


def _partners(make_workspace) -> tuple[Workspace, Workspace]:
    a, b = make_workspace(A), make_workspace(B)
    add_partner(a, own_keycard(b))
    add_partner(b, own_keycard(a))
    return a, b


def _rows(workspace: Workspace, table: str) -> list[tuple]:
    with sqlite3.connect(workspace.db_path) as conn:
        return conn.execute(f"SELECT id, owner, revision, deleted FROM {table} ORDER BY revision").fetchall()


def test_each_step_is_an_own_record_with_the_next_revision(make_workspace) -> None:
    a, _ = _partners(make_workspace)
    first = rs.create_request(a, B, "S-WATER", 10)
    second = rs.create_request(a, B, "S-BLANKET", 5, note="  spaces go  ")
    cancelled = rs.cancel(a, first.id)
    rows = _rows(a, "resource_request")
    assert [(r[0], r[1], r[2]) for r in rows] == [(second.id, A, 2), (first.id, A, 3)]
    assert cancelled.status is RequestStatus.CANCELLED and second.note == "spaces go"
    assert {v.id for v in rs.list_requests(a)} == {first.id, second.id}
    assert rs.get_request(a, second.id[:4]).resource == "S-BLANKET"


def test_a_revised_answer_is_a_new_revision_of_the_same_record(make_workspace, tmp_path: Path) -> None:
    from disastershare.sync.exporter import export_snapshot
    from disastershare.sync.importer import import_snapshots
    from disastershare.sync.progress import drain

    a, b = _partners(make_workspace)
    request = rs.create_request(a, B, "S-WATER", 10)
    drain(import_snapshots(b, [drain(export_snapshot(a, tmp_path)).path]))
    rs.respond(b, request.id, accept=10)
    assert rs.respond(b, request.id, decline=True, note="全量不可").status is RequestStatus.DECLINED
    [(rid, owner, revision, deleted)] = _rows(b, "request_response")
    assert (owner, revision, deleted) == (B, 2, 0)
    assert rs.respond(b, request.id, accept=0).status is RequestStatus.DECLINED


def test_schema_0004_upgrades_a_0003_workspace_and_keeps_its_sync_log(tmp_path: Path) -> None:
    root = tmp_path / "old"
    for sub in ("", "keys", "inbox", "outbox", "backups"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    engine = make_engine(root / DB_NAME)
    migrations.upgrade(engine, "0003")
    engine.dispose()
    with sqlite3.connect(root / DB_NAME) as conn:
        conn.execute("INSERT INTO workspace_info VALUES (1, '131016', 0, '2026-01-01 00:00:00', '0.0.1')")
        conn.execute("INSERT INTO snapshot_import (at, file, owner, sequence, status, reason, added, changed, "
                     "removed, resource_changes) VALUES ('2026-01-01 00:00:00', 'x.dsnap', '434434', 1, 'applied', "
                     "'', 1, 0, 0, '')")
    workspace = Workspace.open(root)
    try:
        assert migrations.current_revision(workspace.engine) == migrations.head_revision()
        with sqlite3.connect(workspace.db_path) as conn:
            assert conn.execute("SELECT file, stock_totals FROM snapshot_import").fetchall() == [("x.dsnap", "")]
        assert rs.list_requests(workspace) == []
    finally:
        workspace.close()
