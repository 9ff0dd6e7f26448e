"""Exporting: the workspace's own signed snapshot, and bundles of every snapshot it holds.

Both are generators yielding (done, total) and returning their result, so a Qt worker can drive them
with a progress bar and the CLI drains them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.store import mirror
from disastershare.store.workspace import Workspace
from disastershare.sync.bundle import write_bundle
from disastershare.sync.keys import load_private_key
from disastershare.sync.partners import list_partners
from disastershare.sync.progress import Progress
from disastershare.sync.snapshot_format import BUNDLE_SUFFIX, TABLES, column_names
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


def _canonical(rows: list[tuple]) -> list[list]:
    """updated_at in the one text form the format allows (rows written by other tools may lack microseconds)."""
    out = [list(r) for r in rows]
    for row in out:
        stamp = row[_UPDATED_AT]
        if isinstance(stamp, str) and len(stamp) != 26:
            row[_UPDATED_AT] = datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M:%S.%f")
    return out


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
        sequence = mirror.next_own_sequence(conn)
        tables = {t: _canonical(mirror.read_owner_rows(conn, t, owner, column_names(t))) for t in TABLES}
        snapshot = build_snapshot(owner, sequence, workspace.drill, tables, private, now or datetime.now(UTC))
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
