"""Power cuts and full disks: the database always holds the state before or after each transaction.

Kill test: a "zygote" subprocess imports the app once, then forks one worker per round (so 50 rounds fit in
seconds, not 50 interpreter start-ups). Each worker opens the workspace (taking over the lock the previous,
killed worker left behind), then edits inventory or runs big imports in a loop, logging "B <counter before>
<counter after>" before each transaction and "C <counter>" after it. The test SIGKILLs it at a random moment
and checks the file with plain sqlite3:
- PRAGMA integrity_check is ok;
- the per-owner revision counter equals the state before the last started transaction or after it (every
  transaction moves it by a known amount), and equals the highest revision stored (counter and rows commit
  together);
- every batch of records written in one transaction is all there or not at all, and a batch updated or
  deleted in one transaction shows one value, not a mix;
- every import is whole: all imported rows carry the same import's mark, the row count matches the number of
  logged imports, and every completed backup file is a sound database.

Full disk: RLIMIT_FSIZE makes writes fail with EFBIG in a subprocess (no privileges needed); where a tmpfs
can be mounted in a private mount namespace, a really full file system (ENOSPC) is tried as well.

Run the worker by hand: `python tests/store/test_crash_safety.py zygote`, then type `edit<TAB>WS<TAB>LOG`.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

BATCH = 5  # records per batch transaction
IMPORT_ROWS = 3000  # rows of the first big import; later imports change all of them and add IMPORT_ADDS
IMPORT_ADDS = 50
SHEET_ROWS = 5000  # the stock sheet of the full-disk tests: its write-ahead log needs far more than the room left
OWN = "131016"
EDIT_ROUNDS, IMPORT_ROUNDS = 30, 20
SEED = int(os.environ.get("DISASTERSHARE_CRASH_SEED", time.time_ns() % 1_000_000))

posix_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks workers (POSIX)")


# -- the worker (runs in forked children of the zygote) -----------------------------------------------------
def _worker(mode: str, root: Path, log: Path) -> None:
    from disastershare.store.workspace import Workspace

    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def note(text: str) -> None:
        os.write(fd, (text + "\n").encode())

    try:
        ws = Workspace.open(root)
        with sqlite3.connect(ws.db_path) as conn:
            row = conn.execute("SELECT revision FROM revision_counter WHERE owner = ?", (OWN,)).fetchone()
        counter = row[0] if row else 0
        note("READY")
        (_edit_loop if mode == "edit" else _import_loop)(ws, counter, note)
    except BaseException as exc:  # noqa: BLE001 - reported to the test through the log
        note(f"ERROR {exc!r}")
        os._exit(1)


def _item(note: str, on_hand: int = 10):
    from disastershare.core.records import InventoryItem, RecordMeta

    return InventoryItem(RecordMeta(OWN), "S-BLANKET", on_hand, note=note)


def _edit_loop(ws, counter: int, note) -> None:
    rng = random.Random(os.getpid())
    live = ws.inventory.list()
    batches: dict[str, list] = {}
    singles = []
    for record in live:
        if record.note.startswith("b"):
            batches.setdefault(record.note, []).append(record)
        elif record.note.startswith("s"):
            singles.append(record)
    n = counter + 1
    while True:
        op = rng.choice(("add", "update", "delete", "single-add", "single-update", "single-delete"))
        if op.startswith("single"):
            if op == "single-add" or not singles:
                note(f"B {counter} {counter + 1}")
                singles.append(ws.inventory.add(_item(f"s{n}")))
            elif op == "single-update":
                target = rng.randrange(len(singles))
                note(f"B {counter} {counter + 1}")
                singles[target] = ws.inventory.update(replace(singles[target], on_hand=n % 997 + 1))
            else:
                note(f"B {counter} {counter + 1}")
                ws.inventory.delete(singles.pop(rng.randrange(len(singles))).meta.id)
            counter += 1
        else:
            adds = [_item(f"b{n}", on_hand=1) for _ in range(BATCH)]
            changes = []
            if op != "add" and batches:
                key = rng.choice(sorted(batches))
                if op == "update":
                    changes = [replace(r, on_hand=n % 997 + 1) for r in batches[key]]
                else:
                    changes = [replace(r, meta=replace(r.meta, deleted=True)) for r in batches.pop(key)]
            note(f"B {counter} {counter + len(adds) + len(changes)}")
            written, changed = ws.inventory.apply(adds, changes)
            counter += len(adds) + len(changes)
            batches[f"b{n}"] = written
            if op == "update" and changed:
                batches[changed[0].note] = changed
        note(f"C {counter}")
        n += 1


def _import_loop(ws, counter: int, note) -> None:
    rows = [r for r in ws.inventory.list() if r.note.startswith("imp")]
    with sqlite3.connect(ws.db_path) as conn:
        k = conn.execute("SELECT count(*) FROM import_log WHERE kind = 'crash-test'").fetchone()[0] + 1
    while True:
        changes = [replace(r, on_hand=k % 997 + 1, note=f"imp{k}") for r in rows]
        adds = [_item(f"imp{k}", on_hand=k % 997 + 1) for _ in range(IMPORT_ADDS if rows else IMPORT_ROWS)]
        count = len(adds) + len(changes)
        note(f"B {counter} {counter + count}")
        ws.apply_import("crash-test", f"imp{k}", count, adds, changes)
        counter += count
        note(f"C {counter}")
        rows = [*changes, *adds]
        k += 1


def _zygote() -> None:
    import disastershare.core.records  # noqa: F401 - imported once here, inherited by every fork
    import disastershare.store.workspace  # noqa: F401

    for line in sys.stdin:
        mode, root, log = line.rstrip("\n").split("\t")
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            _worker(mode, Path(root), Path(log))
            os._exit(0)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"DONE {status}", flush=True)


# -- checking a killed workspace ------------------------------------------------------------------------------
@dataclass
class Round:
    mode: str
    log: list[str]

    @property
    def mid_transaction(self) -> bool:
        return bool(self.log) and self.log[-1].startswith("B ")

    def counter_range(self) -> set[int]:
        """The counter values allowed now: after the last commit, or after the transaction in flight."""
        started = [line for line in self.log if line.startswith(("B ", "C "))]
        if not started:
            return set()
        last = started[-1].split()
        return {int(last[1]), int(last[2])} if last[0] == "B" else {int(last[1])}


def check_database(db: Path, rnd: Round, start_counter: int) -> int:
    """Assert the invariants; returns the counter found."""
    uri = f"{db.as_uri()}?mode=ro"  # read-only: the next worker, not this check, recovers the WAL
    with sqlite3.connect(uri, uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        counter = conn.execute("SELECT revision FROM revision_counter WHERE owner = ?", (OWN,)).fetchone()
        counter = counter[0] if counter else 0
        allowed = rnd.counter_range() or {start_counter}
        assert counter in allowed, f"counter {counter} is neither before nor after a transaction: {rnd.log[-3:]}"
        highest = max(conn.execute(f"SELECT coalesce(max(revision), 0) FROM {t} WHERE owner = ?", (OWN,))
                      .fetchone()[0] for t in ("inventory_item", "staff_pool", "need"))
        assert highest == counter, "rows and the revision counter were not committed together"
        for note, count, values, deleted in conn.execute(
                "SELECT note, count(*), count(DISTINCT on_hand), count(DISTINCT deleted) FROM inventory_item "
                "WHERE note LIKE 'b%' GROUP BY note"):
            assert (count, values, deleted) == (BATCH, 1, 1), f"batch {note} is partly written"
        marks = conn.execute("SELECT DISTINCT note FROM inventory_item WHERE note LIKE 'imp%'").fetchall()
        imports = conn.execute("SELECT count(*), max(id) FROM import_log WHERE kind = 'crash-test'").fetchone()
        if imports[0]:
            last_source = conn.execute("SELECT source FROM import_log WHERE id = ?", (imports[1],)).fetchone()[0]
            assert marks == [(last_source,)], f"imported rows carry {marks}, last import was {last_source}"
            rows = conn.execute("SELECT count(*) FROM inventory_item WHERE note LIKE 'imp%'").fetchone()[0]
            assert rows == IMPORT_ROWS + IMPORT_ADDS * (imports[0] - 1)
        else:
            assert marks == []
    return counter


@pytest.fixture
def zygote():
    proc = subprocess.Popen([sys.executable, __file__, "zygote"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, bufsize=1)
    yield proc
    proc.stdin.close()
    proc.wait(10)


def _wait_ready(log: Path, timeout: float = 20) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines() if log.exists() else []
        if lines and lines[0] == "READY":
            return lines
        if lines and lines[0].startswith("ERROR"):
            pytest.fail(f"worker failed to start: {lines[0]}")
        time.sleep(0.002)
    pytest.fail("worker did not start")


@posix_only
@pytest.mark.slow
def test_sigkill_at_random_moments_never_leaves_a_half_transaction(zygote, tmp_path: Path) -> None:
    from disastershare.store.workspace import Workspace

    ws = Workspace.create(tmp_path / "ws", OWN)
    ws.close()
    rng = random.Random(SEED)
    modes = ["edit"] * EDIT_ROUNDS + ["import"] * IMPORT_ROUNDS
    rng.shuffle(modes)
    counter, mid, committed = 0, 0, 0
    started = time.monotonic()
    for i, mode in enumerate(modes):
        log = tmp_path / f"round-{i:02d}.log"
        zygote.stdin.write(f"{mode}\t{ws.root}\t{log}\n")
        pid = int(zygote.stdout.readline())
        _wait_ready(log)
        time.sleep(rng.uniform(0, 0.12) if mode == "edit" else rng.uniform(0.05, 0.9))
        os.kill(pid, signal.SIGKILL)
        status = zygote.stdout.readline().split()[1]
        rnd = Round(mode, log.read_text().splitlines())
        assert not [line for line in rnd.log if line.startswith("ERROR")], rnd.log[-1]
        assert os.WIFSIGNALED(int(status)), f"round {i}: the worker ended by itself ({rnd.log[-1:]})"
        counter = check_database(ws.db_path, rnd, counter)
        mid += rnd.mid_transaction
        committed += sum(line.startswith("C ") for line in rnd.log)
    elapsed = time.monotonic() - started
    # Every finished backup file is a sound database; an interrupted one never looks like a backup
    backups = sorted(ws.backups.rglob("*.sqlite"))
    for copy in backups:
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", copy.name
    partial = list(ws.backups.glob("*.partial"))
    # And the app opens the workspace afterwards and keeps working
    ws = Workspace.open(ws.root)
    ws.inventory.add(_item("after"))
    ws.close()
    print(f"\ncrash test seed={SEED}: {len(modes)} kills ({EDIT_ROUNDS} editing, {IMPORT_ROUNDS} importing), "
          f"{mid} mid-transaction, {committed} transactions committed, {len(partial)} interrupted backups "
          f"left as *.partial, {elapsed:.1f} s")
    assert mid >= 10, "too few kills landed inside a transaction to mean anything"
    assert len(partial) <= 1, "copies cut short by earlier kills are cleared by the next backup"


# -- full disk ------------------------------------------------------------------------------------------------
def _stock_sheet(path: Path, rows: int) -> Path:
    lines = ["品名,数量,保管場所,備考"] + [f"毛布,{i % 900 + 1},倉庫{i},行{i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _state(db: Path) -> tuple:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (conn.execute("SELECT count(*) FROM inventory_item").fetchone()[0],
                conn.execute("SELECT count(*) FROM import_log").fetchone()[0])


@pytest.fixture
def small_workspace(tmp_path: Path) -> Path:
    from disastershare.store.workspace import Workspace

    ws = Workspace.create(tmp_path / "ws", OWN)
    ws.apply_import("inventory", "first.csv", 1, [_item("first")], [])
    ws.close()
    for old in ws.backups.glob("*.sqlite"):
        old.unlink()
    return ws.root


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_write_failing_for_lack_of_space_says_so_and_leaves_the_database_intact(small_workspace: Path,
                                                                                  tmp_path: Path) -> None:
    # Given files may grow no further than the database is now plus a little (as on a nearly full disk)
    db = small_workspace / "workspace.sqlite"
    before = _state(db)
    sheet = _stock_sheet(tmp_path / "stock.csv", SHEET_ROWS)
    limit = db.stat().st_size + 64 * 1024
    code = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
        from disastershare.cli import main
        sys.exit(main(["--workspace", sys.argv[1], "inventory", "import", sys.argv[2]]))
    """)
    # When a big import is written
    done = subprocess.run([sys.executable, "-c", code, str(small_workspace), str(sheet)], capture_output=True,
                          text=True, timeout=120)
    # Then one clear line, exit code 2, and the database as it was
    last = done.stderr.strip().splitlines()[-1]
    assert done.returncode == 2, done.stderr
    assert last.startswith("error: ") and "disk" in last and "nothing was changed" in last, last
    assert "Traceback" not in done.stderr
    assert _state(db) == before
    assert not list((small_workspace / "backups").glob("*.partial"))
    # and once there is room again the same import goes through
    done = subprocess.run([sys.executable, "-m", "disastershare", "--workspace", str(small_workspace),
                           "inventory", "import", str(sheet)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _state(db) == (before[0] + SHEET_ROWS, before[1] + 1)


FULL_TMPFS = """
import contextlib, io, json, os, shutil, sqlite3, subprocess, sys
from pathlib import Path
mount, source, sheet, free_kb = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)], check=True)
ws = mount / "ws"
shutil.copytree(source, ws)
filler = mount / "filler"
fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
try:
    while True:
        os.write(fd, bytes(65536))
except OSError:
    pass
os.close(fd)
os.truncate(filler, max(0, filler.stat().st_size - free_kb * 1024))
from disastershare.cli import main
err = io.StringIO()
with contextlib.redirect_stderr(err):
    code = main(["--workspace", str(ws), "inventory", "import", sheet])
with sqlite3.connect(ws / "workspace.sqlite") as conn:
    check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    rows = conn.execute("SELECT count(*) FROM inventory_item").fetchone()[0]
partial = [p.name for p in (ws / "backups").glob("*.partial")]
filler.unlink()
again_err = io.StringIO()
with contextlib.redirect_stderr(again_err):
    again = main(["--workspace", str(ws), "inventory", "import", sheet])
print(json.dumps({"code": code, "err": err.getvalue(), "check": check, "rows": rows, "partial": partial,
                  "again": again, "again_err": again_err.getvalue()[-300:]}))
"""


def _private_mount_namespace() -> list[str] | None:
    """A command prefix that runs a program in its own mount namespace, or None where that is impossible."""
    if not sys.platform.startswith("linux") or not shutil.which("unshare") or not shutil.which("mount"):
        return None
    for prefix in (["unshare", "-m"], ["unshare", "-r", "-m"]):
        probe = subprocess.run([*prefix, "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"], capture_output=True)
        if probe.returncode == 0:
            return prefix
    return None


@pytest.mark.parametrize("where", ["in the safety backup", "in the import transaction"])
def test_a_full_file_system_says_so_and_leaves_the_database_intact(small_workspace: Path, tmp_path: Path,
                                                                  where: str) -> None:
    prefix = _private_mount_namespace()
    if prefix is None:
        pytest.skip("no private mount namespace with tmpfs here (needs root or user namespaces)")
    db = small_workspace / "workspace.sqlite"
    before = _state(db)
    # Room for the lock file and SQLite's shared-memory file only, or for the safety backup copy as well
    free_kb = 64 if where == "in the safety backup" else 64 + db.stat().st_size // 1024 + 96
    sheet = _stock_sheet(tmp_path / "stock.csv", SHEET_ROWS)
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run([*prefix, sys.executable, "-c", FULL_TMPFS, str(mount), str(small_workspace), str(sheet),
                           str(free_kb)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    last = result["err"].strip().splitlines()[-1]
    assert result["code"] == 2, result
    assert last.startswith("error: the disk is full") and "nothing was changed" in last, (where, last)
    assert (result["check"], result["rows"]) == ("ok", before[0])
    assert result["partial"] == []
    assert result["again"] == 0, result["again_err"]  # with room again the import goes through


if __name__ == "__main__" and sys.argv[1:] == ["zygote"]:
    _zygote()
