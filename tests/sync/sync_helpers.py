"""Helpers for sync tests: stocking workspaces, exporting, importing, dumping tables, crafting files."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from disastershare.demo import demo_records
from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import export_snapshot
from disastershare.sync.importer import ImportResult, import_snapshots
from disastershare.sync.keycard import own_keycard
from disastershare.sync.keys import encode_public, load_private_key, public_bytes
from disastershare.sync.partners import add_partner
from disastershare.sync.progress import drain

RECORD_TABLES = ("inventory_item", "staff_pool", "need", "local_resource_type")
LOG_TABLE = "snapshot_import"


def stock(workspace: Workspace, seed: int) -> None:
    items, pools, needs = demo_records(workspace.municipality, workspace.catalog(), seed=seed)
    workspace.apply_import("test", "test", 0, [*items, *pools, *needs], [])


def trust(workspace: Workspace, *partners: Workspace) -> None:
    for partner in partners:
        add_partner(workspace, own_keycard(partner))


def export(workspace: Workspace, out: Path | None = None) -> Path:
    return drain(export_snapshot(workspace, out)).path


def run_import(workspace: Workspace, *paths: Path) -> list[ImportResult]:
    return drain(import_snapshots(workspace, list(paths)))


def import_one(workspace: Workspace, path: Path) -> ImportResult:
    results = run_import(workspace, path)
    assert len(results) == 1
    return results[0]


def dump(workspace: Workspace, skip: tuple[str, ...] = (LOG_TABLE,)) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (sorted), the import log left out: 'logically unchanged' means equal dumps."""
    with sqlite3.connect(workspace.db_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables if t not in skip}


def records_dump(workspace: Workspace, owner: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(workspace.db_path) as conn:
        where = "WHERE owner = ?" if owner else ""
        args = (owner,) if owner else ()
        return {t: sorted(conn.execute(f"SELECT * FROM {t} {where}", args).fetchall()) for t in RECORD_TABLES}


def log_rows(workspace: Workspace) -> list[tuple[Any, ...]]:
    with sqlite3.connect(workspace.db_path) as conn:
        return conn.execute("SELECT file, owner, sequence, status, reason FROM snapshot_import ORDER BY id").fetchall()


# -- crafting files ---------------------------------------------------------------------------------
def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rezip(members: dict[str, bytes]) -> bytes:
    """A well-formed zip (CRCs recomputed) with exactly these members: an attacker's rebuilt file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), body)
    return buffer.getvalue()


def private_key(workspace: Workspace) -> Ed25519PrivateKey:
    return load_private_key(workspace.keys_dir)


def signed(manifest: dict[str, Any], payload: dict[str, bytes], key: Ed25519PrivateKey) -> bytes:
    """A snapshot built by hand around a manifest dict: the manifest is signed by `key` as given."""
    document = {
        "format": "disastershare-snapshot", "format_version": 1, "app_version": "test", "sequence": 1,
        "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "drill": False,
        "signer": encode_public(public_bytes(key.public_key())),
        "counts": {t: 0 for t in RECORD_TABLES},
        "members": {name: {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
                    for name, body in payload.items()},
        **manifest,
    }
    manifest_bytes = json.dumps(document).encode()
    return rezip({"manifest.json": manifest_bytes, "manifest.sig": key.sign(manifest_bytes), **payload})


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
