"""backup now / restore FILE: consistent copies while the app writes; restore refuses what does not belong."""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from disastershare.cli import main
from disastershare.core.errors import DomainError
from disastershare.core.records import InventoryItem, RecordMeta
from disastershare.store import migrations
from disastershare.store.backup import KEEP_DAILY, backup_if_due, write_backup
from disastershare.store.connection import make_engine
from disastershare.store.restore import prepare_restore
from disastershare.store.workspace import DB_NAME, Workspace


def blanket(note: str, on_hand: int = 100, owner: str = "131016") -> InventoryItem:
    return InventoryItem(RecordMeta(owner), "S-BLANKET", on_hand, note=note)


def notes(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT note FROM inventory_item WHERE deleted = 0"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str, ws: Path, stdin: io.StringIO | None = None, capsys=None) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = stdin
    try:
        code = main(["--workspace", str(ws), *args])
    finally:
        sys.stdin = sys.__stdin__
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def ws_with_backup(make_workspace) -> tuple[Path, Path]:
    """A closed workspace of 千代田区 and a backup of it holding one record 'kept'."""
    ws = make_workspace("131016")
    ws.inventory.add(blanket("kept"))
    backup = ws.backup_now()
    ws.inventory.add(blanket("after-backup"))
    ws.close()
    return ws.root, backup


# -- backup now -------------------------------------------------------------------------------------------
def test_backup_now_prints_one_self_contained_copy(ws_with_backup, capsys) -> None:
    root, _ = ws_with_backup
    code, out, err = run("backup", "now", ws=root, capsys=capsys)
    assert code == 0 and "131016 千代田区" in err
    copy = Path(out.strip())
    assert copy.parent == root / "backups" and copy.name.endswith("-manual.sqlite")
    assert not Path(f"{copy}-wal").exists() and not list(copy.parent.glob("*.partial"))
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert notes(copy) == ["after-backup", "kept"]
    code, out, _ = run("backup", "list", "--format", "json", ws=root, capsys=capsys)
    listed = json.loads(out)
    assert [row["label"] for row in listed][:1] == ["manual"] and len(listed) == 2


def test_backups_are_consistent_while_the_app_writes(workspace: Workspace) -> None:
    # Given a writer adding batches of 10 records, each batch one transaction
    stop = threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            workspace.inventory.apply([blanket(f"batch-{i}") for _ in range(10)], [])
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = []
        for _ in range(5):
            time.sleep(0.02)
            copies.append(write_backup(workspace.db_path, workspace.backups, "while-writing"))
    finally:
        stop.set()
        thread.join()
    # Then every copy holds whole batches only
    for copy in copies:
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            counts = dict(conn.execute("SELECT note, count(*) FROM inventory_item GROUP BY note").fetchall())
        assert set(counts.values()) <= {10}


def test_backups_rotate(workspace: Workspace) -> None:
    for _ in range(5):
        write_backup(workspace.db_path, workspace.backups, "manual", keep=3)
    assert len(list(workspace.backups.glob("*.sqlite"))) == 3


# -- daily ----------------------------------------------------------------------------------------------
def test_daily_backup_when_the_newest_is_older_than_a_day(workspace: Workspace) -> None:
    now = datetime.now(UTC)
    created = now - timedelta(days=3)
    # a workspace created minutes ago needs no daily copy yet
    assert backup_if_due(workspace.db_path, workspace.backups, now - timedelta(minutes=5)) is None
    first = backup_if_due(workspace.db_path, workspace.backups, created)
    assert first is not None and first.parent.name == "daily"
    assert backup_if_due(workspace.db_path, workspace.backups, created) is None  # one a day
    for i in range(KEEP_DAILY + 3):
        assert backup_if_due(workspace.db_path, workspace.backups, created, now=now + timedelta(days=i + 1, hours=1))
    assert len(list((workspace.backups / "daily").glob("*.sqlite"))) == KEEP_DAILY


def test_opening_makes_the_daily_backup_when_due(ws_with_backup) -> None:
    root, backup = ws_with_backup
    old = time.time() - 25 * 3600
    os.utime(backup, (old, old))
    Workspace.open(root).close()
    daily = list((root / "backups" / "daily").glob("*-daily.sqlite"))
    assert len(daily) == 1 and notes(daily[0]) == ["after-backup", "kept"]
    Workspace.open(root).close()
    assert len(list((root / "backups" / "daily").glob("*.sqlite"))) == 1


def test_every_import_is_preceded_by_a_backup(workspace: Workspace) -> None:
    workspace.inventory.add(blanket("before-import"))
    workspace.apply_import("inventory", "stock.csv", 1, [blanket("imported")], [])
    copies = list(workspace.backups.glob("*-pre-import-inventory.sqlite"))
    assert len(copies) == 1 and notes(copies[0]) == ["before-import"]


# -- restore ----------------------------------------------------------------------------------------------
def test_restore_puts_the_backup_back_and_keeps_the_replaced_database(ws_with_backup, capsys) -> None:
    root, backup = ws_with_backup
    code, _, err = run("restore", str(backup), "--yes", ws=root, capsys=capsys)
    assert code == 0, err
    assert notes(root / DB_NAME) == ["kept"]
    safety = list((root / "backups").glob("*-pre-restore.sqlite"))
    assert len(safety) == 1 and notes(safety[0]) == ["after-backup", "kept"]
    assert str(safety[0]) in err
    assert not [p for p in root.iterdir() if p.name.startswith(".restore")]
    ws = Workspace.open(root)  # and the workspace works as before
    assert [i.note for i in ws.inventory.list()] == ["kept"]
    ws.inventory.add(blanket("after-restore"))
    ws.close()
    with sqlite3.connect(root / DB_NAME) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_through_the_api_keeps_the_open_workspace_usable(make_workspace) -> None:
    ws = make_workspace("131016")
    ws.inventory.add(blanket("kept"))
    backup = ws.backup_now()
    ws.inventory.add(blanket("later"))
    with prepare_restore(ws, backup) as prepared:
        assert (prepared.facts.municipality, prepared.facts.inventory_lines) == ("131016", 1)
        prepared.apply()
    assert [i.note for i in ws.inventory.list()] == ["kept"]
    ws.inventory.add(blanket("after"))
    assert sorted(i.note for i in ws.inventory.list()) == ["after", "kept"]


def test_restore_refuses_another_municipalitys_backup_and_changes_nothing(ws_with_backup, make_workspace,
                                                                          capsys) -> None:
    root, _ = ws_with_backup
    other = make_workspace("434434")
    foreign = other.backup_now()
    before = digest(root / DB_NAME)
    code, out, err = run("restore", str(foreign), "--yes", ws=root, capsys=capsys)
    assert code == 2 and out == ""
    assert err == f"error: {foreign.name}: backup belongs to 434434 益城町, this workspace is 131016 千代田区\n"
    assert digest(root / DB_NAME) == before
    assert not list((root / "backups").glob("*pre-restore*"))
    assert not [p for p in root.iterdir() if p.name.startswith(".restore")]


@pytest.mark.parametrize(("backup_drill", "message"), [
    (True, "backup is of a drill workspace (訓練), this is a live workspace"),
    (False, "backup is of a live workspace, this is a drill workspace (訓練)"),
])
def test_restore_never_mixes_drill_and_live(make_workspace, capsys, backup_drill: bool, message: str) -> None:
    source = make_workspace("131016", drill=backup_drill)
    target = make_workspace("131016", drill=not backup_drill)
    copy = source.backup_now()
    target.close()
    code, _, err = run("restore", str(copy), "--yes", ws=target.root, capsys=capsys)
    assert code == 2 and message in err


def test_restore_refuses_files_that_are_not_sound_disastershare_backups(ws_with_backup, tmp_path, capsys) -> None:
    root, backup = ws_with_backup
    before = digest(root / DB_NAME)
    junk = tmp_path / "notes.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    plain = tmp_path / "plain.sqlite"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (x)")
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(backup.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, 7 * page):  # scribble over some b-tree pages
        data[offset + 8: offset + 40] = b"\xff" * 32
    damaged.write_bytes(bytes(data))
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(backup.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    cases = {junk: "is not a DisasterShare backup", plain: "is not a DisasterShare backup",
             damaged: "damaged", newer: "written by a newer DisasterShare (schema 9999)",
             tmp_path / "missing.sqlite": "no such file", root / DB_NAME: "own database"}
    for path, reason in cases.items():
        code, _, err = run("restore", str(path), "--yes", ws=root, capsys=capsys)
        assert code == 2 and reason in err and err.count("\n") == 1, (path.name, err)
    assert digest(root / DB_NAME) == before


def test_restore_upgrades_a_backup_of_an_older_schema(tmp_path: Path, capsys) -> None:
    root = tmp_path / "ws"
    Workspace.create(root, "131016").close()
    old = tmp_path / "old-backup.sqlite"
    engine = make_engine(old)
    migrations.upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(old) as conn:
        conn.execute("INSERT INTO workspace_info VALUES (1, '131016', 0, '2026-01-01 00:00:00', '0.0.1')")
        conn.execute("INSERT INTO inventory_item VALUES ('a5b2', '131016', 1, '2026-01-01 00:00:00', 0, "
                     "'S-BLANKET', 40, 0, '倉庫', 'ready', NULL, 'from-0001')")
    code, _, err = run("restore", str(old), "--yes", ws=root, capsys=capsys)
    assert code == 0 and "upgraded" in err
    ws = Workspace.open(root)
    assert migrations.current_revision(ws.engine) == migrations.head_revision()
    assert [(i.on_hand, i.note) for i in ws.inventory.list()] == [(40, "from-0001")]
    ws.close()


@pytest.fixture
def no_automatic_gc():
    """Commands run in-process leave their Workspace objects to the garbage collector, as it pleases."""
    gc.disable()
    yield
    gc.enable()


def test_restore_asks_first_unless_yes(ws_with_backup, capsys, no_automatic_gc) -> None:
    root, backup = ws_with_backup
    before = digest(root / DB_NAME)
    # not a terminal and no --yes: refused
    code, _, err = run("restore", str(backup), ws=root, stdin=io.StringIO("y\n"), capsys=capsys)
    assert code == 2 and "--yes" in err and digest(root / DB_NAME) == before
    # a terminal, answered no
    code, _, err = run("restore", str(backup), ws=root, stdin=Tty("n\n"), capsys=capsys)
    assert code == 2 and "131016 千代田区, live" in err and "cancelled; nothing was changed" in err
    assert digest(root / DB_NAME) == before
    # answered yes
    code, _, err = run("restore", str(backup), ws=root, stdin=Tty("y\n"), capsys=capsys)
    assert code == 0 and notes(root / DB_NAME) == ["kept"]


def test_restore_waits_for_other_connections_of_this_process(make_workspace) -> None:
    ws = make_workspace("131016")
    ws.inventory.add(blanket("kept"))
    backup = ws.backup_now()
    other = Workspace.open(ws.root)  # e.g. a second window still reading
    with other.engine.connect() as conn, prepare_restore(ws, backup) as prepared:
        conn.exec_driver_sql("SELECT count(*) FROM inventory_item").fetchall()
        with pytest.raises(DomainError, match="still open in another window"):
            prepared.apply()
    other.close()
    assert [i.note for i in ws.inventory.list()] == ["kept"]


def test_restore_is_refused_while_another_instance_has_the_workspace(ws_with_backup, capsys) -> None:
    root, backup = ws_with_backup
    code = "import sys; from disastershare.store.workspace import Workspace; Workspace.open(sys.argv[1]); " \
           "print('READY', flush=True); sys.stdin.readline()"
    holder = subprocess.Popen([sys.executable, "-c", code, str(root)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "READY"
        before = digest(root / DB_NAME)
        status, _, err = run("restore", str(backup), "--yes", ws=root, capsys=capsys)
        assert status == 2 and "in use by" in err and f"PID {holder.pid}" in err
        assert digest(root / DB_NAME) == before
    finally:
        holder.stdin.close()
        holder.wait(10)
