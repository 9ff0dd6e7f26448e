"""The workspace folder under attack: damaged or foreign databases, durable commits, backups that check what
they copy, settings that are not what they should be, and disks that are read-only or full.

Full and read-only disks are real: RLIMIT_FSIZE in a child process (no privileges needed), and, where a
private mount namespace is available (root or user namespaces), a tmpfs filled to the last few KB or
remounted read-only - the technique of test_crash_safety.py, whose namespace helper is reused.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text
from test_crash_safety import _private_mount_namespace

from disastershare.core.errors import DomainError
from disastershare.store.backup import backup_if_due, write_backup
from disastershare.store.db_health import DamagedDatabaseError, NotAWorkspaceError
from disastershare.store.workspace import DB_NAME, Workspace
from workspace_templates import stocked_closed_workspace

OWN = "131016"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stocked_closed_workspace(tmp_path_factory.mktemp("template") / "ws", OWN)


@pytest.fixture
def root(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "ws"
    shutil.copytree(template, copy)
    return copy


def files_of(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "workspace.lock" and not p.name.endswith("-shm")
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


def destroy_page(db: Path, table: str = "inventory_item") -> None:
    conn = sqlite3.connect(db)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    first = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    with db.open("r+b") as fh:
        fh.seek((first - 1) * page)
        fh.write(random.Random(5).randbytes(page))


# -- committed work survives a power cut ---------------------------------------------------------------
def test_every_app_connection_syncs_each_commit(workspace: Workspace) -> None:
    # WAL with synchronous=NORMAL may lose the last commits on power loss; FULL (2) syncs the WAL at each commit
    with workspace.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2
        assert conn.execute(text("PRAGMA fullfsync")).scalar() == 1  # macOS: flush the drive cache too
    reopened = Workspace.open(workspace.root)
    with reopened.engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2


# -- damaged and foreign databases ----------------------------------------------------------------------
@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + bytes(84), bytes(8192), b"{\"format\": 1}\n"])
def test_open_refuses_what_is_not_a_sound_workspace_and_leaves_the_file_as_it_was(root: Path,
                                                                                 content: bytes) -> None:
    db = root / DB_NAME
    db.write_bytes(content)
    with pytest.raises((DamagedDatabaseError, NotAWorkspaceError)):
        Workspace.open(root)
    assert db.read_bytes() == content
    assert not list((root / "backups").glob("*pre-migrate*"))  # opening did not "upgrade" it


def test_another_programs_database_gets_no_schema_written_into_it(root: Path) -> None:
    db = root / DB_NAME
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(NotAWorkspaceError, match="another program's database"):
        Workspace.open(root)
    assert db.read_bytes() == before
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["photos"]
    conn.close()


def test_a_database_cut_short_is_damaged_before_any_command_reads_it(root: Path) -> None:
    db = root / DB_NAME
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size - 4096)
    with pytest.raises(DamagedDatabaseError, match="cut short"):
        Workspace.open(root)


def test_a_backup_of_a_damaged_database_is_refused_and_rotates_nothing_out(root: Path) -> None:
    destroy_page(root / DB_NAME)
    sound = sorted((root / "backups").glob("*.sqlite"))
    # quick_check on the copy finds the damage; the error is also an sqlite3.DatabaseError (restore's
    # safety copy keeps a raw copy of a damaged database on exactly that error)
    with pytest.raises(DamagedDatabaseError) as refused:
        write_backup(root / DB_NAME, root / "backups", "manual", keep=1)
    assert isinstance(refused.value, sqlite3.DatabaseError)
    assert sorted((root / "backups").glob("*.sqlite")) == sound  # keep=1 would have removed the sound one
    assert not list((root / "backups").glob("*.partial"))
    assert backup_if_due(root / DB_NAME, root / "backups", None) is None  # the daily backup skips it too
    assert not (root / "backups" / "daily").exists() or not list((root / "backups" / "daily").iterdir())


def test_restore_opens_a_damaged_workspace_with_the_identity_of_its_newest_sound_backup(root: Path) -> None:
    (root / DB_NAME).write_bytes(bytes(4096))
    backup = next((root / "backups").glob("*.sqlite"))
    ws, problem = Workspace.open_for_restore(root, backup)
    try:
        assert problem and "not an SQLite database" in problem
        assert (ws.municipality, ws.drill) == (OWN, False)
    finally:
        ws.close()


def test_create_over_a_damaged_database_says_what_is_there(root: Path) -> None:
    (root / DB_NAME).write_bytes(bytes(4096))
    with pytest.raises(DomainError, match="already exists and is a damaged database"):
        Workspace.create(root, OWN)
    assert (root / DB_NAME).read_bytes() == bytes(4096)


# -- settings.json ------------------------------------------------------------------------------------
@pytest.mark.parametrize("content, expected", [
    ("{not json", {}), ("[1, 2]", {}), ("\"text\"", {}), ("[" * 100_000, {}),
    ("{\"language\": 5, \"report_font\": 7, \"contact_name\": \"山田\"}", {"contact_name": "山田"}),
    ("{\"language\": \"fr\"}", {}), ("{\"language\": \"en\"}", {"language": "en"}),
])
def test_settings_that_are_not_json_or_have_wrong_types_give_defaults(workspace: Workspace, content: str,
                                                                      expected: dict) -> None:
    workspace.settings_path.write_text(content, encoding="utf-8")
    assert workspace.settings() == expected
    assert workspace.language() == expected.get("language")


def test_saving_settings_keeps_a_hand_edited_file_that_was_not_json(workspace: Workspace) -> None:
    workspace.settings_path.write_text("{\"language\": \"en\",,}", encoding="utf-8")
    workspace.set_language("ja")
    assert json.loads(workspace.settings_path.read_text(encoding="utf-8")) == {"language": "ja"}
    assert (workspace.root / "settings.json.invalid").read_text(encoding="utf-8") == "{\"language\": \"en\",,}"


# -- full and read-only disks ---------------------------------------------------------------------------
COMMANDS = [["inventory", "list", "--format", "json"], ["partners", "list"], ["backup", "list"],
            ["inventory", "import", "{sheet}"], ["catalog", "aliases", "add", "もうふ二", "S-BLANKET"],
            ["backup", "now"], ["snapshot", "export"]]
READS = 3  # the first three only read

RUN = """
import contextlib, io, json, os, sys
ws, commands = sys.argv[1], json.loads(sys.argv[2])
if len(sys.argv) > 3:
    import resource
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), resource.RLIM_INFINITY))
from disastershare.cli import main
results = []
for argv in commands:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--workspace", ws, *argv])
        except BaseException as exc:
            import traceback
            traceback.print_exc(file=err)
            code = 99
    results.append({"code": code, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps(results))
"""

MOUNTED = """
import hashlib, json, os, shutil, subprocess, sys
from pathlib import Path
mount, source, mode, run, commands = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
ws = mount / "ws"
shutil.copytree(source, ws)
if mode == "read-only":
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
else:
    filler = mount / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, bytes(65536))
    except OSError:
        pass
    os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - 8 * 1024))  # room for the lock file, not for -shm
def files():
    return {str(p.relative_to(ws)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(ws.rglob("*"))
            if p.is_file() and p.name != "workspace.lock"}
before = files()
done = subprocess.run([sys.executable, "-c", run, str(ws), commands], capture_output=True, text=True)
print(json.dumps({"results": json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else None,
                  "stderr": done.stderr[-2000:], "unchanged": files() == before,
                  "left": sorted(set(files()) - set(before))}))
"""


def _commands(tmp_path: Path) -> str:
    sheet = tmp_path / "stock.csv"
    sheet.write_text("品名,数量,保管場所\n毛布,10,倉庫\n", encoding="utf-8")
    return json.dumps([[part.format(sheet=sheet) for part in argv] for argv in COMMANDS])


def _check(results: list[dict], reason: str) -> None:
    for argv, result in zip(COMMANDS[:READS], results, strict=False):
        assert result["code"] == 0, (argv, result["err"][-800:])
    assert [row["on_hand"] for row in json.loads(results[0]["out"])] == [40]  # stock can still be looked at
    for argv, result in zip(COMMANDS[READS:], results[READS:], strict=True):
        lines = result["err"].strip().splitlines()
        assert result["code"] == 2 and "Traceback" not in result["err"], (argv, result["err"][-800:])
        assert lines[-1].startswith("error: ") and reason in lines[-1] and "nothing was changed" in lines[-1], \
            (argv, lines[-1])


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_disk_too_full_for_sqlites_shared_memory_file_still_shows_stock(root: Path, tmp_path: Path) -> None:
    # Given files may not grow past 16 KB: the lock file fits, SQLite's 32 KB -shm file does not (it used to
    # fail every command at PRAGMA journal_mode=WAL with a traceback)
    before = files_of(root)
    done = subprocess.run([sys.executable, "-c", RUN, str(root), _commands(tmp_path), str(16 * 1024)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    # Then reading commands work, writing ones say the disk is full, and nothing changed
    _check(json.loads(done.stdout.strip().splitlines()[-1]), "full")
    assert files_of(root) == before
    # and with room again everything works as before
    assert Workspace.open(root).read_only is None


@pytest.mark.parametrize("mode, reason", [("read-only", "read-only medium"), ("full", "full")])
def test_a_real_read_only_or_full_file_system(template: Path, tmp_path: Path, mode: str, reason: str) -> None:
    prefix = _private_mount_namespace()
    if prefix is None:
        pytest.skip("no private mount namespace with tmpfs here (needs root or user namespaces)")
    mount = tmp_path / "mnt"
    mount.mkdir()
    done = subprocess.run([*prefix, sys.executable, "-c", MOUNTED, str(mount), str(template), mode,
                           textwrap.dedent(RUN), _commands(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["results"] is not None, report["stderr"]
    _check(report["results"], reason)
    assert report["unchanged"] and report["left"] == [], report  # not even a half-made -shm is left behind
