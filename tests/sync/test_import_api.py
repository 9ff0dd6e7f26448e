"""The Python API a Qt worker drives: progress generators, Cancel, results, backups."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

from sync_helpers import export, import_one, records_dump, trust

from disastershare.sync.exporter import export_bundle, export_snapshot
from disastershare.sync.import_session import ImportSession
from disastershare.sync.importer import import_snapshots

A, B, C = "434434", "431001", "432105"


def test_import_yields_progress_and_returns_results(make_workspace, tmp_path: Path) -> None:
    a, b, c = make_workspace(A), make_workspace(B), make_workspace(C)
    trust(b, a, c)
    paths = [export(a, tmp_path / "a.dsnap"), export(c, tmp_path / "c.dsnap")]
    gen = import_snapshots(b, paths)
    progress = []
    try:
        while True:
            progress.append(next(gen))
    except StopIteration as stop:
        results = stop.value
    assert progress == [(0, 2), (1, 2), (2, 2)]
    assert [(r.owner, r.status.value) for r in results] == [(A, "applied"), (C, "applied")]
    assert gc.isenabled()


def test_cancel_keeps_what_was_applied_and_nothing_half(make_workspace, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ImportSession, "BATCH_SECONDS", 3600.0)  # both would share one transaction
    a, b, c = make_workspace(A), make_workspace(B), make_workspace(C)
    trust(b, a, c)
    gen = import_snapshots(b, [export(a, tmp_path / "a.dsnap"), export(c, tmp_path / "c.dsnap")])
    assert next(gen) == (0, 2)
    assert next(gen) == (1, 2)  # A verified and queued
    gen.close()  # the user pressed Cancel
    assert gc.isenabled()
    assert records_dump(b, A) == records_dump(a, A)
    assert records_dump(b, C) == {t: [] for t in records_dump(b, C)}


def test_an_export_yields_progress_too(make_workspace, tmp_path: Path) -> None:
    a = make_workspace(A)
    steps = list_progress(export_snapshot(a, tmp_path))
    assert steps[0] == (0, 2) and steps[-1] == (2, 2)
    assert list_progress(export_bundle(a, tmp_path))[-1] == (3, 3)


def list_progress(gen) -> list[tuple[int, int]]:
    steps = []
    try:
        while True:
            steps.append(next(gen))
    except StopIteration:
        return steps


def test_the_database_is_backed_up_before_the_first_apply_only(make_workspace, tmp_path: Path) -> None:
    a, b = make_workspace(A), make_workspace(B)
    trust(b, a)
    snapshot = export(a, tmp_path)
    assert list(b.backups.glob("*pre-sync*.sqlite")) == []
    import_one(b, snapshot)
    [backup] = b.backups.glob("*pre-sync*.sqlite")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM inventory_item WHERE owner = ?", (A,)).fetchone()[0] == 0
    import_one(b, snapshot)  # up to date: nothing to apply, no new backup
    assert len(list(b.backups.glob("*pre-sync*.sqlite"))) == 1


def test_rows_written_without_microseconds_still_export(make_workspace, tmp_path: Path) -> None:
    a, b = make_workspace(A), make_workspace(B)
    trust(b, a)
    with sqlite3.connect(a.db_path) as conn:
        conn.execute("UPDATE inventory_item SET updated_at = '2024-01-01 00:00:00'")
    assert import_one(b, export(a, tmp_path)).status == "applied"
    assert {i.meta.updated_at.year for i in b.inventory.list(A)} == {2024}
