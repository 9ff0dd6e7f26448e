"""`snapshot import` on files that would hang it or eat the machine (issue 16, findings 7 and 8).

A FIFO (the open would block for ever), /dev/zero (read until memory runs out), a 94 MB zip directory of two
million entries: each is refused in one line, the good file beside it applies, the exit code says which
(2 nothing fine, 3 partly). The slow cases run the real command line in a child process with a timeout (a
regression fails instead of hanging the suite) and an address-space cap; the child reports its own peak
memory, which must stay under 300 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from disastershare.core.records import InventoryItem, RecordMeta
from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import export_snapshot
from disastershare.sync.keycard import own_keycard
from disastershare.sync.keys import generate_signing_key
from disastershare.sync.partners import add_partner
from disastershare.sync.progress import drain

A, B = "434434", "431001"
_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a regression dies of MemoryError, not the machine
from disastershare.cli import main
code = main(sys.argv[1:])
try:  # this process image's own peak (ru_maxrss would include the parent's, inherited through fork and exec)
    peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
sys.stderr.write(f"\\npeak-rss-kb {peak}\\n")
sys.exit(code)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and RLIMIT_AS are POSIX")


@pytest.fixture
def pair(tmp_path: Path):
    """B trusts A; A's snapshot #1 is in tmp_path/good/. Both workspaces closed again (their locks released),
    so child processes can open B."""
    a = Workspace.create(tmp_path / "a", A)
    b = Workspace.create(tmp_path / "b", B)
    try:
        generate_signing_key(a.keys_dir)
        generate_signing_key(b.keys_dir)
        a.inventory.add(InventoryItem(RecordMeta(A), "S-WATER", 120))
        add_partner(b, own_keycard(a))
        good = drain(export_snapshot(a, tmp_path / "good.dsnap")).path
    finally:
        a.close()
        b.close()
    return b.root, good


def _child(workspace: Path, *paths: Path) -> tuple[int, list[dict], str, int]:
    """Run `snapshot import --format json PATH...` in a child; (exit code, rows, stderr, peak RSS in MB)."""
    done = subprocess.run([sys.executable, "-c", _CHILD, "--workspace", str(workspace), "snapshot", "import",
                           "--format", "json", *map(str, paths)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    err, _, peak = done.stderr.rpartition("peak-rss-kb ")
    print(f"child peak RSS {int(peak) // 1024} MB for {[p.name for p in paths]}")
    return done.returncode, json.loads(done.stdout or "[]"), err.strip(), int(peak) // 1024


def test_a_fifo_is_refused_without_blocking(pair, tmp_path: Path) -> None:
    b, good = pair
    fifo = tmp_path / "pipe.dsnap"
    os.mkfifo(fifo)
    code, rows, err, peak = _child(b, fifo)
    assert code == 2 and err.count("\n") == 0 and "not a regular file" in err and "Traceback" not in err
    assert rows[0]["status"] == "refused" and peak < 300
    # a FIFO with a snapshot name inside a folder is reported, and the good file beside it applies
    folder = tmp_path / "usb"
    folder.mkdir()
    os.mkfifo(folder / "000-pipe.dsnap")
    (folder / good.name).write_bytes(good.read_bytes())
    code, rows, err, _ = _child(b, folder)
    assert code == 3 and [r["status"] for r in rows] == ["refused", "applied"], err


def test_dev_zero_is_refused_without_reading_it(pair) -> None:
    b, good = pair
    code, rows, err, peak = _child(b, Path("/dev/zero"), good)
    assert code == 3, err
    assert [(r["file"], r["status"]) for r in rows] == [("/dev/zero", "refused"), (str(good), "applied")]
    assert "not a regular file" in rows[0]["reason"] and peak < 300


def test_a_two_million_entry_directory_is_refused_in_bounded_memory(pair, tmp_path: Path) -> None:
    b, good = pair
    entry = b"PK\x01\x02" + bytes(24) + b"\x01\x00" + bytes(16) + b"a"  # 46-byte header, name length 1, "a"
    directory = entry * 2_000_000
    end = b"PK\x05\x06" + bytes(4) + b"\xff\xff\xff\xff" + len(directory).to_bytes(4, "little") + bytes(6)
    for suffix in (".dsnap", ".dsbundle"):
        huge = tmp_path / f"huge{suffix}"
        huge.write_bytes(directory + end)
        code, rows, err, peak = _child(b, huge, good)
        assert code == 3, err
        assert rows[0]["status"] == "refused" and "directory" in rows[0]["reason"], rows[0]
        assert rows[1]["status"] in ("applied", "up_to_date") and peak < 300


def test_one_line_errors_for_a_single_bad_file(cli, pair, tmp_path: Path) -> None:
    """In-process: a damaged version field and a Shift_JIS name; exit codes 2 and 3, no traceback."""
    b, good = pair
    data = bytearray(good.read_bytes())
    at = data.index(b"PK\x01\x02")
    data[at + 6:at + 8] = b"\xff\x00"
    bad = tmp_path / "version.dsnap"
    bad.write_bytes(bytes(data))
    alone = cli("snapshot", "import", str(bad), ws=b)
    assert alone.code == 2 and alone.err.count("\n") == 1 and "zip file version" in alone.err
    sjis = tmp_path / os.fsdecode("熊本_在庫".encode("cp932") + b".dsnap")
    sjis.write_bytes(good.read_bytes())
    both = cli("snapshot", "import", str(bad), str(sjis), "--format", "json", ws=b)
    assert both.code == 3, both.err
    assert [Path(r["file"]).name for r in both.json()] == ["version.dsnap", "熊本_在庫.dsnap"]
