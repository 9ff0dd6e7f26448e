"""Putting a backup back (the backups themselves are written by store/backup.py).

`prepare_restore(...).apply()`: check a backup (SQLite integrity, DisasterShare identity, same municipality,
  drill or live, schema not newer), save the current database, then swap the file atomically.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alembic.script import ScriptDirectory

from disastershare.core.errors import DomainError
from disastershare.core.reference_data import shipped_registry
from disastershare.paths import migrations_dir
from disastershare.store import migrations
from disastershare.store.backup import SIDE_FILES, disk_error, remove_with_side_files, write_backup

if TYPE_CHECKING:
    from disastershare.store.workspace import Workspace

log = logging.getLogger(__name__)



# -- restore --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BackupFacts:
    path: Path
    municipality: str
    drill: bool
    schema: str | None
    taken_at: datetime  # the file's modification time, local
    inventory_lines: int  # own, not deleted


@dataclass(frozen=True, slots=True)
class RestoreOutcome:
    restored: BackupFacts
    safety_copy: Path  # the database as it was just before the restore
    migrated: bool


def prepare_restore(workspace: Workspace, backup: Path) -> PreparedRestore:
    """Copy the backup next to the database and check it; nothing in the workspace changes yet."""
    backup = Path(backup)
    if not backup.is_file():
        raise DomainError(f"{backup}: no such file")
    if backup.resolve() == workspace.db_path.resolve():
        raise DomainError(f"{backup} is this workspace's own database, not a backup")
    staging = workspace.root / f".restore-{os.getpid()}.sqlite"
    remove_with_side_files(staging)
    try:
        shutil.copyfile(backup, staging)
        wal = backup.with_name(backup.name + "-wal")
        if wal.is_file() and wal.stat().st_size:  # a copy of a live database: its last commits are in the WAL
            shutil.copyfile(wal, staging.with_name(staging.name + "-wal"))
        facts = _inspect(staging, backup)
        _refuse_mismatch(facts, workspace)
    except BaseException as exc:
        remove_with_side_files(staging)
        if isinstance(exc, OSError):
            raise disk_error(exc, workspace.root) or DomainError(f"{backup}: {exc.strerror}") from exc
        raise
    return PreparedRestore(workspace, facts, staging)


class PreparedRestore:
    """A checked backup waiting beside the database. apply() swaps it in; discard() (or `with`) drops it."""

    def __init__(self, workspace: Workspace, facts: BackupFacts, staging: Path) -> None:
        self.workspace = workspace
        self.facts = facts
        self._staging: Path | None = staging

    def __enter__(self) -> PreparedRestore:
        return self

    def __exit__(self, *_exc) -> None:
        self.discard()

    def discard(self) -> None:
        if self._staging is not None:
            remove_with_side_files(self._staging)
            self._staging = None

    def apply(self) -> RestoreOutcome:
        if self._staging is None:
            raise DomainError("this restore was already applied or discarded")
        ws = self.workspace
        safety = _safety_copy(ws)
        ws.engine.dispose()  # every pooled connection of this workspace: the file is about to change
        _quiesce(ws.db_path)
        for suffix in SIDE_FILES:  # none should be left; a stray one would be applied to the new file
            Path(f"{ws.db_path}{suffix}").unlink(missing_ok=True)
        os.replace(self._staging, ws.db_path)
        self._staging = None
        _fsync_folder(ws.root)
        migrated = migrations.migrate_if_needed(ws.engine, ws.db_path, ws.backups) is not None
        ws.invalidate_catalog()
        ws.invalidate_registry()
        return RestoreOutcome(self.facts, safety, migrated)


def _safety_copy(ws: Workspace) -> Path:
    try:
        return write_backup(ws.db_path, ws.backups, "pre-restore")
    except sqlite3.DatabaseError as exc:  # too damaged for the backup API: keep the raw files instead
        log.warning("restore: current database is damaged (%s); keeping a raw copy", exc)
        target = ws.backups / f"{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}-pre-restore.sqlite.damaged"
        for suffix in ("", "-wal"):
            if Path(f"{ws.db_path}{suffix}").is_file():
                shutil.copyfile(f"{ws.db_path}{suffix}", f"{target}{suffix}")
        return target


def _inspect(staging: Path, original: Path) -> BackupFacts:
    name = original.name
    try:
        with contextlib.closing(sqlite3.connect(staging)) as conn:
            check = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if check != ["ok"]:
                problems = [line for row in check for line in row.splitlines() if not line.startswith("***")]
                raise DomainError(f"{name} is damaged (SQLite integrity check: {(problems or check)[0][:100]}"
                                  f"{f' and {len(problems) - 1} more problems' if len(problems) > 1 else ''}); "
                                  "choose another backup")
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            info = (conn.execute("SELECT municipality, drill FROM workspace_info WHERE id = 1").fetchone()
                    if {"workspace_info", "alembic_version"} <= tables else None)
            if info is None:
                raise DomainError(f"{name} is not a DisasterShare backup (no workspace identity in it)")
            schema = _one(conn, "SELECT version_num FROM alembic_version")
            lines = _one(conn, "SELECT count(*) FROM inventory_item WHERE owner = ? AND deleted = 0", info[0])
            conn.execute("PRAGMA journal_mode=DELETE")  # folds any copied WAL in: one self-contained file
    except sqlite3.DatabaseError as exc:
        raise DomainError(f"{name} is not a DisasterShare backup ({exc})") from exc
    known = {s.revision for s in ScriptDirectory(str(migrations_dir())).walk_revisions()}
    if schema is not None and schema not in known:
        raise DomainError(f"{name} was written by a newer DisasterShare (schema {schema}); please update the app")
    taken = datetime.fromtimestamp(original.stat().st_mtime).astimezone()
    return BackupFacts(original, str(info[0]), bool(info[1]), schema, taken, int(lines or 0))


def _one(conn: sqlite3.Connection, sql: str, *params):
    row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


def _refuse_mismatch(facts: BackupFacts, workspace: Workspace) -> None:
    name = facts.path.name
    if facts.municipality != workspace.municipality:
        raise DomainError(f"{name}: backup belongs to {describe(facts.municipality)}, "
                          f"this workspace is {describe(workspace.municipality)}")
    if facts.drill != workspace.drill:
        kinds = ("a drill workspace (訓練)", "a live workspace")
        theirs, ours = (kinds[0], kinds[1]) if facts.drill else (kinds[1], kinds[0])
        raise DomainError(f"{name}: backup is of {theirs}, this is {ours}; drill and live data never mix")


def describe(code: str) -> str:
    found = shipped_registry().get(code)
    return f"{code} {found.name}" if found else code


def _quiesce(db_path: Path) -> None:
    """Fold the WAL into the file and leave WAL mode, so nothing beside the file belongs to it any more.

    That needs every other connection closed. Workspaces nobody refers to any more may still hold pooled
    connections until the garbage collector finalizes their engines (commands run in-process), so collect once
    before concluding that a window still has the database open.
    """
    mode = _leave_wal(db_path)
    if mode == "busy":
        gc.collect()
        mode = _leave_wal(db_path)
    if mode not in ("delete", "damaged"):
        raise DomainError("the workspace database is still open in another window of this program; "
                          "close it and try again (nothing was changed)")


def _leave_wal(db_path: Path) -> str:
    try:
        with contextlib.closing(sqlite3.connect(db_path, timeout=1.0, isolation_level=None)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.DatabaseError as exc:  # OperationalError, or a file that is no database at all (NOTADB)
        if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return "busy"
        # a damaged database: the safety copy holds what could be saved, carry on
        log.warning("restore: current database could not be checkpointed: %s", exc)
        return "damaged"
    return "delete" if mode == "delete" else "busy"


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # no directory handles for fsync on Windows; os.replace is durable there
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
