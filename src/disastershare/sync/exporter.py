"""Exporting: the workspace's own signed snapshot, and bundles of every snapshot it holds.

Both are generators yielding (done, total) and returning their result, so a Qt worker can drive them
with a progress bar and the CLI drains them.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.store import mirror
from disastershare.store.workspace import Workspace
from disastershare.sync.bundle import write_bundle
from disastershare.sync.container import RefusedError
from disastershare.sync.keys import load_private_key
from disastershare.sync.partners import list_partners
from disastershare.sync.payload import decode_table, encode_table
from disastershare.sync.progress import Progress
from disastershare.sync.snapshot_format import (
    BUNDLE_SUFFIX,
    FORBIDDEN_TEXT,
    FORMAT_VERSION,
    MAX_INT,
    TABLES,
    ColumnKind,
    column_names,
)
from disastershare.sync.snapshot_writer import SnapshotFile, build_snapshot

_UPDATED_AT = 3  # position in every table's columns (snapshot_format._META)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    owner: str
    sequence: int
    counts: dict[str, int]
    size: int
    manifest_sha256: str


@dataclass(frozen=True, slots=True)
class BundleResult:
    path: Path
    snapshots: list[str]  # member names, own first
    size: int


def _destination(workspace: Workspace, out: Path | None, name: str) -> Path:
    if out is None:
        workspace.outbox.mkdir(exist_ok=True)
        return workspace.outbox / name
    if out.is_dir():
        return out / name
    if not out.parent.is_dir():
        raise DomainError(f"folder {out.parent} does not exist")
    return out


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        raise DomainError(f"cannot write {path}: {exc.strerror or exc}") from None


def _canonical(table: str, rows: list[tuple]) -> list[list]:
    """updated_at in the one text form the format allows (rows written by other tools may lack microseconds),
    and text without the control and bidi characters partners refuse (snapshot_format.FORBIDDEN_TEXT): a
    note pasted with a stray U+202E must not make every partner refuse every later snapshot of ours. The
    workspace keeps the text as typed; only the snapshot carries the cleaned copy."""
    out = [list(r) for r in rows]
    texts = [i for i, c in enumerate(TABLES[table]) if c.kind is ColumnKind.TEXT]
    for row in out:
        stamp = row[_UPDATED_AT]
        if isinstance(stamp, str) and len(stamp) != 26:
            row[_UPDATED_AT] = datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M:%S.%f")
        for i in texts:
            if isinstance(row[i], str) and FORBIDDEN_TEXT.search(row[i]):
                row[i] = FORBIDDEN_TEXT.sub("", row[i])
    return out


def _check_as_partners_will(owner: str, tables: dict[str, list[list]]) -> None:
    """Refuse to export what every partner would refuse (a date in 9999, stock summing past 10^12): one clear
    line now, instead of a snapshot refused everywhere. The same checks as the import, on the same bytes."""
    for table, rows in tables.items():
        if rows:
            try:
                decode_table(table, encode_table(table, rows), owner, len(rows), FORMAT_VERSION)
            except RefusedError as refusal:
                raise DomainError(f"cannot export: own records fail the partners' checks ({refusal}); "
                                  "correct them and export again (nothing was exported)") from None


# -- the highest sequence ever used, outside the database ---------------------------------------------
SEQUENCE_FILE = "snapshot_sequence"  # in keys/: a restored database must not rewind the numbering


def _sequence_path(workspace: Workspace) -> Path:
    return workspace.keys_dir / SEQUENCE_FILE


def used_sequence(workspace: Workspace) -> int:
    """The highest own sequence recorded beside the key (0 if none yet). Restoring a backup brings back an
    older own_snapshot table; this file is not in the backup, so the numbering never goes back."""
    path = _sequence_path(workspace)
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return 0
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if not text.isdigit() or len(text) > 17:
        raise DomainError(f"{path} is damaged (it must hold the highest snapshot number used, e.g. 42); "
                          "put the number of the newest snapshot you sent there and export again")
    return int(text)


def _record_sequence(workspace: Workspace, sequence: int) -> None:
    """Written atomically (temporary file, fsync, rename) before the database commits the export."""
    path = _sequence_path(workspace)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("w", encoding="ascii") as fh:
            fh.write(f"{sequence}\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise DomainError(f"cannot record the snapshot number in {path}: {exc.strerror or exc}; "
                          "nothing was exported") from None
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def new_own_snapshot(workspace: Workspace, now: datetime | None = None) -> SnapshotFile:
    """Take the next sequence number, read own records, sign them and keep the file, in one transaction.

    The sequence is committed before any file is written outside the database: a crash then leaves
    a gap in the numbers, never two different files with one number (partners would see a fork).
    """
    try:
        private = load_private_key(workspace.keys_dir)
    except (OSError, ValueError):
        raise DomainError("this workspace has no usable signing key (keys/signing_key.pem)") from None
    owner = workspace.municipality
    with workspace.engine.begin() as conn:
        mirror.begin_immediate(conn)
        sequence = max(mirror.next_own_sequence(conn), used_sequence(workspace) + 1)
        if sequence > MAX_INT:
            raise DomainError(f"snapshot number {sequence:,} is beyond what partners accept ({MAX_INT:,})")
        tables = {t: _canonical(t, mirror.read_owner_rows(conn, t, owner, column_names(t))) for t in TABLES}
        _check_as_partners_will(owner, tables)
        snapshot = build_snapshot(owner, sequence, workspace.drill, tables, private, now or datetime.now(UTC))
        _record_sequence(workspace, sequence)
        mirror.record_own_snapshot(conn, sequence, snapshot.manifest.created_at, snapshot.name,
                                   snapshot.manifest_sha256, sum(len(r) for r in tables.values()))
        mirror.MirrorWriter(conn).store_snapshots(
            [(owner, sequence, snapshot.manifest_sha256, snapshot.name, snapshot.data)])
    return snapshot


def export_snapshot(workspace: Workspace, out: Path | None = None,
                    now: datetime | None = None) -> Progress[ExportResult]:
    """Write a new own snapshot into outbox/ (or `out`: a folder, or a file path)."""
    yield 0, 2
    snapshot = new_own_snapshot(workspace, now)
    yield 1, 2
    path = _destination(workspace, out, snapshot.name)
    _write(path, snapshot.data)
    yield 2, 2
    m = snapshot.manifest
    return ExportResult(path, m.owner, m.sequence, dict(m.counts), len(snapshot.data), snapshot.manifest_sha256)


def export_bundle(workspace: Workspace, out: Path | None = None,
                  now: datetime | None = None) -> Progress[BundleResult]:
    """A fresh own snapshot plus each enabled partner's latest applied one, verbatim, in one file."""
    yield 0, 3
    own = new_own_snapshot(workspace, now)
    yield 1, 3
    owners = [p.code for p in list_partners(workspace) if p.enabled and p.last_sequence is not None]
    with workspace.engine.connect() as conn:
        members = [(own.name, own.data), *mirror.stored_snapshots(conn, owners)]
    yield 2, 3
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    path = _destination(workspace, out, f"bundle-{workspace.municipality}-{stamp:%Y%m%d-%H%M%S}{BUNDLE_SUFFIX}")
    try:
        write_bundle(path, members, stamp)
    except OSError as exc:
        raise DomainError(f"cannot write {path}: {exc.strerror or exc}") from None
    yield 3, 3
    return BundleResult(path, [name for name, _ in members], path.stat().st_size)
