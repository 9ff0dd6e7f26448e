"""A damaged workspace folder: every command ends in one sentence (exit 2), no traceback, nothing changed.

The damage is done to real files the way disks, crashes and people do it: a database cut short, zeroed or
overwritten with noise, a page in the middle destroyed, an empty or another program's database in its place,
the folder being a file, paths longer than the OS or SQLite take, settings.json that is not JSON, keys/,
backups/ or outbox/ replaced by files.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from disastershare.store.workspace import DB_NAME
from workspace_templates import stocked_closed_workspace

OWN = "131016"
# Commands that open the workspace, reading or writing (the attack tried these).
COMMANDS = [
    ("inventory", "list"), ("inventory", "import", "{stock}"), ("inventory", "export", "{out}/inv.csv"),
    ("needs", "list"), ("snapshot", "export"), ("snapshot", "import", "{stock}"), ("snapshot", "log"),
    ("keycard", "export", "{out}/me.dskey"), ("partners", "list"), ("backup", "now"), ("backup", "list"),
    ("report", "--out", "{out}/r.zip"), ("shortfalls",), ("match",), ("requests", "list"), ("catalog", "aliases"),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stocked_closed_workspace(tmp_path_factory.mktemp("template") / "ws", OWN)


@pytest.fixture
def ws(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(template, root)
    return root


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "out").mkdir()
    stock = tmp_path / "stock.csv"
    stock.write_text("品名,数量,保管場所\n毛布,10,倉庫\n", encoding="utf-8")
    return {"stock": str(stock), "out": str(tmp_path / "out")}


def state(root: Path) -> dict[str, str]:
    """Every file of the workspace and its content hash (the lock and SQLite's scratch files aside)."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.name == "workspace.lock" or path.name.endswith("-shm") or (
                path.name.endswith("-wal") and path.stat().st_size == 0):
            continue
        found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "/"
    return found


def one_sentence(result) -> str:
    lines = result.err.strip().splitlines()
    assert result.code == 2, (result.code, result.err[-600:])
    assert "Traceback" not in result.err
    assert lines and lines[-1].startswith("error: "), result.err
    assert len([line for line in lines if not line.startswith("note: ")]) == 1, result.err
    return lines[-1]


def damage(db: Path, how: str) -> None:
    size = db.stat().st_size
    if how == "truncated":
        with db.open("r+b") as fh:
            fh.truncate(size // 2)
    elif how == "truncated-header":
        with db.open("r+b") as fh:
            fh.truncate(50)
    elif how == "zeroed":
        db.write_bytes(bytes(size))
    elif how == "random":
        db.write_bytes(random.Random(7).randbytes(size))
    elif how == "keycard-over-it":  # what `keycard export workspace.sqlite` used to do
        db.write_text(json.dumps({"format": "disastershare-keycard"}), encoding="utf-8")


DAMAGE = ["truncated", "truncated-header", "zeroed", "random", "keycard-over-it"]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_database_is_one_sentence_for_every_command(cli, ws: Path, files, how: str, command) -> None:
    # Given the database file was damaged
    damage(ws / DB_NAME, how)
    before = state(ws)
    # When any command opens the workspace
    result = cli(*(part.format(**files) for part in command), ws=ws)
    # Then one sentence says the database is damaged and how to get it back, and nothing changed
    line = one_sentence(result)
    assert "damaged" in line and "disastershare restore" in line, line
    assert state(ws) == before
    assert list(Path(files["out"]).iterdir()) == []


@pytest.mark.parametrize("how", ["empty", "foreign"])
@pytest.mark.parametrize("command", [("inventory", "list"), ("backup", "now"), ("snapshot", "export"),
                                     ("partners", "list"), ("init", "--municipality", OWN)], ids=" ".join)
def test_an_empty_or_foreign_database_is_refused_and_never_written_into(cli, ws: Path, how: str, command) -> None:
    # Given an empty file, or another program's database, in the database's place
    db = ws / DB_NAME
    db.unlink()
    if how == "empty":
        db.write_bytes(b"")
    else:
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('shopping list')")
        conn.commit()
        conn.close()
    before = db.read_bytes()
    # When a command opens it (or init is asked to create a workspace there)
    line = one_sentence(cli(*command, ws=ws))
    # Then it is refused as not a DisasterShare workspace, and the file is exactly as it was
    assert "not a DisasterShare workspace" in line, line
    assert db.read_bytes() == before
    assert not list((ws / "backups").glob("*pre-migrate*"))


def test_a_half_created_database_is_refused_with_what_to_do(cli, ws: Path) -> None:
    # Given a database whose creation was cut off after the schema and before the identity
    with sqlite3.connect(ws / DB_NAME) as conn:
        conn.execute("DELETE FROM workspace_info")
    conn.close()
    before = state(ws)
    line = one_sentence(cli("inventory", "list", ws=ws))
    assert "never finished being created" in line and "init" in line
    assert state(ws) == before


def _destroy_page(db: Path, table: str) -> None:
    conn = sqlite3.connect(db)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    with db.open("r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(random.Random(3).randbytes(page))


def test_damage_met_halfway_through_a_command_is_one_sentence(cli, ws: Path, files) -> None:
    # Given the header is sound but the stock table's page is destroyed (found only when it is read)
    _destroy_page(ws / DB_NAME, "inventory_item")
    before = state(ws)
    for command in (("inventory", "list"), ("inventory", "import", files["stock"]), ("shortfalls",)):
        line = one_sentence(cli(*command, ws=ws))
        assert "damaged" in line and "malformed" in line, line
    assert state(ws) == before
    assert cli("partners", "list", ws=ws).code == 0  # what does not touch the damage still works


def test_backup_now_refuses_to_copy_a_damaged_database_and_keeps_the_sound_backups(cli, ws: Path) -> None:
    # Given a damaged page and one sound backup
    _destroy_page(ws / DB_NAME, "inventory_item")
    backups = sorted((ws / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    # When a backup is asked for
    line = one_sentence(cli("backup", "now", ws=ws))
    # Then SQLite's quick check of the copy refuses it, and no damaged copy joins (and rotates out) the sound one
    assert "damaged" in line and "nothing was changed" in line, line
    assert sorted((ws / "backups").rglob("*.sqlite")) == backups
    assert not list((ws / "backups").rglob("*.partial"))


@pytest.mark.parametrize("how", ["zeroed", "truncated", "keycard-over-it", "page"])
def test_restore_puts_a_sound_backup_over_a_damaged_database(cli, ws: Path, how: str) -> None:
    backup = next((ws / "backups").glob("*.sqlite"))
    outside = ws.parent / "sound-copy.sqlite"
    shutil.copy(backup, outside)
    if how == "page":
        _destroy_page(ws / DB_NAME, "inventory_item")
    else:
        damage(ws / DB_NAME, how)
    # When the backup is restored
    result = cli("restore", str(outside), "--yes", ws=ws)
    # Then the workspace works again with the backup's data, and the damaged file is kept aside
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    listed = cli("inventory", "list", "--format", "json", ws=ws)
    assert [row["on_hand"] for row in listed.json()] == [40]
    assert list((ws / "backups").glob("*pre-restore*"))


def test_a_workspace_path_that_is_a_file_is_one_sentence(cli, tmp_path: Path) -> None:
    spot = tmp_path / "not-a-folder"
    spot.write_text("hello", encoding="utf-8")
    for command in (("init", "--municipality", OWN), ("inventory", "list"), ("backup", "now")):
        line = one_sentence(cli(*command, ws=spot))
        assert "is a file, not a workspace folder" in line, line
    assert spot.read_text(encoding="utf-8") == "hello"


@pytest.mark.parametrize("shape", ["one name of 300 bytes", "900 bytes in all"])
def test_a_path_too_long_is_one_sentence_and_creates_nothing(cli, tmp_path: Path, shape: str) -> None:
    # 900 bytes of short names: fine for Linux (4,096), too long for SQLite (512 with its "-journal")
    long = tmp_path / ("n" * 300) if shape.startswith("one") else tmp_path.joinpath(*["d" * 150] * 6)
    for command in (("init", "--municipality", OWN), ("inventory", "list"), ("snapshot", "export"),
                    ("backup", "now"), ("report", "--out", str(tmp_path / "r.zip"))):
        line = one_sentence(cli(*command, ws=long))
        assert "too long" in line, line
        assert len(line) < 300  # the path is shortened in the sentence
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text", ["{not json", "[\"language\", 5]", "{\"language\": 5, \"report_font\": 7}",
                                  "[" * 100_000])
def test_settings_that_are_not_json_or_of_wrong_types_never_stop_a_command(cli, ws: Path, tmp_path: Path,
                                                                         text: str) -> None:
    (ws / "settings.json").write_text(text, encoding="utf-8")
    result = cli("report", "--out", str(tmp_path / "r.zip"), ws=ws)
    assert result.code == 0, result.err
    assert (tmp_path / "r.zip").is_file()
    assert (ws / "settings.json").read_text(encoding="utf-8") == text  # reading never rewrites it


@pytest.mark.parametrize("folder", ["backups", "outbox"])
def test_a_file_where_a_workspace_folder_belongs_is_one_sentence_and_nothing_changes(cli, ws: Path, files,
                                                                                   folder: str) -> None:
    shutil.rmtree(ws / folder)
    (ws / folder).write_text("in the way", encoding="utf-8")
    before = state(ws)
    command = ("snapshot", "export") if folder == "outbox" else ("inventory", "import", files["stock"])
    line = one_sentence(cli(*command, ws=ws))
    assert folder in line and ("is a file" in line or "in the way" in line), line
    assert state(ws) == before  # no stock imported, no snapshot number taken
    assert cli("backup" if folder == "backups" else "snapshot", "now" if folder == "backups" else "log",
               ws=ws).code == (2 if folder == "backups" else 0)
    assert cli("inventory", "list", ws=ws).code == 0  # looking at stock is not blocked by the stray file


def test_init_over_a_folder_in_the_database_place_says_what_is_there(cli, ws: Path) -> None:
    (ws / DB_NAME).unlink()
    (ws / DB_NAME).mkdir()
    line = one_sentence(cli("init", "--municipality", OWN, ws=ws))
    assert "already exists and is not a DisasterShare workspace" in line, line
    line = one_sentence(cli("inventory", "list", ws=ws))
    assert "is not a file" in line, line
