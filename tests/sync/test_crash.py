"""SIGKILL during an import leaves every owner's records old or new, never mixed, and the database sound.

Real subprocesses run the real command line; the parent kills them with SIGKILL, then opens the workspace.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sync_helpers import export, import_one, records_dump, run_import, stock, trust

from disastershare.core.reference_data import shipped_registry
from disastershare.store.workspace import Workspace
from disastershare.sync.bundle import write_bundle
from disastershare.sync.import_session import PAUSE_ENV
from disastershare.sync.keycard import KeyCard
from disastershare.sync.keys import public_bytes
from disastershare.sync.partners import add_partner
from disastershare.sync.snapshot_writer import build_snapshot

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

A, B = "434434", "431001"


def _import_process(workspace: Path, snapshot: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "disastershare", "--workspace", str(workspace), "snapshot",
                             "import", str(snapshot)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})}, text=True)


def _integrity(workspace: Path) -> str:
    with sqlite3.connect(workspace / "workspace.sqlite") as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_killed_inside_the_transaction_keeps_the_old_state(make_workspace, tmp_path: Path) -> None:
    # Given B holds A's snapshot #1, and A has since changed (snapshot #2)
    a, b = make_workspace(A, seed=1), make_workspace(B, seed=2)
    trust(b, a)
    assert import_one(b, export(a, tmp_path)).status == "applied"
    stock(a, seed=3)
    second = export(a, tmp_path)
    old = records_dump(b)
    b.close()
    # When an import of #2 is killed after writing its rows, before committing
    process = _import_process(b.root, second, {PAUSE_ENV: "60"})
    assert process.stderr is not None
    line = process.stderr.readline()
    assert "paused inside the import transaction" in line, line + process.stderr.read()
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    # Then B shows the old state, sound, and the same import then succeeds
    assert _integrity(b.root) == "ok"
    reopened = Workspace.open(b.root)
    assert records_dump(reopened) == old
    result = import_one(reopened, second)
    assert result.status == "applied"
    assert records_dump(reopened, A) == records_dump(a, A)
    reopened.close()


def _big_partner_set(b: Workspace, tmp_path: Path, partners: int, rows_each: int) -> tuple[Path, dict]:
    """`partners` municipalities with their own keys, trusted by B, each a large snapshot, in one bundle."""
    codes = [m.code for m in shipped_registry() if m.code not in (A, B)][:partners]
    rng = random.Random(4)
    snapshots, expected = [], {}
    for code in codes:
        key = Ed25519PrivateKey.generate()
        m = shipped_registry().require(code)
        add_partner(b, KeyCard(code, m.prefecture, m.name, public_bytes(key.public_key())))
        rows = [[str(uuid.UUID(int=rng.getrandbits(128))), code, i + 1, "2024-06-01 09:00:00.000000", False,
                 "S-WATER", rng.randint(0, 5000), 0, f"倉庫{i % 7}", "ready", None, ""] for i in range(rows_each)]
        snapshot = build_snapshot(code, 1, False, {"inventory_item": rows}, key)
        snapshots.append((snapshot.name, snapshot.data))
        expected[code] = sorted(tuple(r[:4]) + (0,) + tuple(r[5:]) for r in rows)
    return write_bundle(tmp_path / "big.dsbundle", snapshots), expected


def _check_each_owner_old_or_new(root: Path, expected: dict) -> int:
    """Every owner's mirrored rows are none (old) or exactly its snapshot (new); returns how many are new."""
    with sqlite3.connect(root / "workspace.sqlite") as conn:
        new = 0
        for code, rows in expected.items():
            found = sorted(conn.execute("SELECT * FROM inventory_item WHERE owner = ?", (code,)).fetchall())
            sequence = conn.execute("SELECT last_sequence FROM partner WHERE code = ?", (code,)).fetchone()[0]
            stored = conn.execute("SELECT count(*) FROM stored_snapshot WHERE owner = ?", (code,)).fetchone()[0]
            assert found in ([], rows), f"{code}: {len(found)} rows, neither old (0) nor new ({len(rows)})"
            assert (sequence == 1) == bool(found) == bool(stored)
            new += bool(found)
    return new


@pytest.mark.slow
def test_killed_between_and_inside_batches_every_owner_is_old_or_new(make_workspace, tmp_path: Path) -> None:
    """The import writes queued snapshots in batches (a flush every 50,000 rows, a commit every 0.5 s). The
    test hook pauses after each flush and says so; killing during the n-th pause, or shortly after it,
    must leave each owner's rows old or new, whichever side of a commit the kill fell."""
    b = make_workspace(B, seed=2)
    bundle, expected = _big_partner_set(b, tmp_path, partners=48, rows_each=2500)
    b.close()
    rng = random.Random(7)
    seen = []
    for run, pauses in enumerate((1, 2, 2, 3)):
        root = tmp_path / f"run-{run}"
        shutil.copytree(b.root, root)  # every run starts from B before the import
        process = _import_process(root, bundle, {PAUSE_ENV: "0.3"})
        assert process.stderr is not None
        for _ in range(pauses):
            line = process.stderr.readline()
            assert "paused" in line, line + process.stderr.read()
        time.sleep(rng.uniform(0.0, 0.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert _integrity(root) == "ok"
        seen.append(_check_each_owner_old_or_new(root, expected))
    assert any(0 < new < len(expected) for new in seen), seen  # some kills fell between two batches
    reopened = Workspace.open(root)
    results = run_import(reopened, bundle)
    assert {r.status.value for r in results} <= {"applied", "up_to_date"}
    reopened.close()
    assert _check_each_owner_old_or_new(root, expected) == len(expected)
