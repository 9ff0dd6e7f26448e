"""Where exports may write: never over the workspace's own files, a folder is a folder, and --force to overwrite.

`keycard export FILE` and `snapshot export --out PATH` run for real against a workspace;
the refusals are checked on the files themselves (the database still opens and restores, nothing new
appeared, no snapshot number was used up).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from disastershare.store.workspace import DB_NAME, Workspace
from disastershare.sync.keys import generate_signing_key

OWN = "131016"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "ws"
    ws = Workspace.create(root, OWN)
    generate_signing_key(ws.keys_dir)
    ws.backup_now("manual")
    ws.close()
    return root


@pytest.fixture
def ws(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(template, root)
    return root


def digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "workspace.lock" and not p.name.endswith(("-shm", "-wal"))}


def refused(result) -> str:
    assert result.code == 2, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    return lines[0]



INTERNAL = [DB_NAME, f"{DB_NAME}-wal", "keys/signing_key.pem", "keys/new.dskey", "backups/x.dsnap", "backups/",
            "keys/", "settings.json", "workspace.lock"]


@pytest.mark.parametrize("inside", INTERNAL)
@pytest.mark.parametrize("command", [("keycard", "export"), ("snapshot", "export", "--out")], ids=" ".join)
def test_exports_never_write_over_the_workspace_own_files(cli, ws: Path, command, inside: str) -> None:
    before = digest(ws)
    target = f"{ws}/{inside}"
    # Even --force does not make the workspace's own files a place to write
    line = refused(cli(*command, target, "--force", ws=ws))
    assert "part of the workspace itself" in line, line
    assert digest(ws) == before
    # and the workspace still opens and its backup still restores
    assert cli("inventory", "list", ws=ws).code == 0
    backup = next((ws / "backups").glob("*.sqlite"))
    assert cli("restore", str(backup), "--yes", ws=ws).code == 0


@pytest.mark.parametrize("link", ["symlink", "hard link"])
def test_a_link_to_the_database_is_the_database(cli, ws: Path, tmp_path: Path, link: str) -> None:
    alias = tmp_path / "innocent.dskey"
    (os.symlink if link == "symlink" else os.link)(ws / DB_NAME, alias)
    before = digest(ws)
    line = refused(cli("keycard", "export", str(alias), "--force", ws=ws))
    assert "part of the workspace itself" in line
    assert digest(ws) == before


def test_snapshot_export_refused_takes_no_snapshot_number(cli, ws: Path, tmp_path: Path) -> None:
    refused(cli("snapshot", "export", "--out", str(ws / DB_NAME), ws=ws))
    refused(cli("snapshot", "export", "--out", str(tmp_path / "missing") + "/", ws=ws))
    result = cli("snapshot", "export", "--out", str(tmp_path), ws=ws)
    assert result.code == 0, result.err
    assert "(sequence 1," in result.out  # the refusals used up no number


@pytest.mark.parametrize("command", [("keycard", "export"), ("snapshot", "export", "--out")], ids=" ".join)
def test_a_missing_folder_with_a_trailing_slash_is_refused_not_written_as_a_file(cli, ws: Path, tmp_path: Path,
                                                                                 command) -> None:
    line = refused(cli(*command, f"{tmp_path}/missing/", ws=ws))
    assert "does not exist" in line and "missing" in line, line
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("slash", ["/", ""])
def test_a_folder_gets_the_default_file_name_inside_it(cli, ws: Path, tmp_path: Path, slash: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert cli("keycard", "export", f"{out}{slash}", ws=ws).code == 0
    assert (out / f"{OWN}.dskey").is_file()
    result = cli("snapshot", "export", "--out", f"{out}{slash}", ws=ws)
    assert result.code == 0, result.err
    assert [p.suffix for p in out.iterdir() if p.suffix == ".dsnap"] == [".dsnap"]


def test_a_file_in_the_way_of_a_folder_is_refused(cli, ws: Path, tmp_path: Path) -> None:
    (tmp_path / "flat").write_text("x", encoding="utf-8")
    line = refused(cli("keycard", "export", f"{tmp_path}/flat/", ws=ws))
    assert "is a file, not a folder" in line
    line = refused(cli("keycard", "export", f"{tmp_path}/flat/card.dskey", ws=ws))
    assert "is a file, not a folder" in line


@pytest.mark.parametrize("command, name", [(("keycard", "export"), "card.dskey"),
                                           (("snapshot", "export", "--out"), "mine.dsnap")],
                         ids=["keycard", "snapshot"])
def test_an_existing_file_is_overwritten_only_with_force(cli, ws: Path, tmp_path: Path, command, name: str) -> None:
    target = tmp_path / name
    target.write_text("precious", encoding="utf-8")
    line = refused(cli(*command, str(target), ws=ws))
    assert "already exists" in line and "--force" in line, line
    assert target.read_text(encoding="utf-8") == "precious"
    result = cli(*command, str(target), "--force", ws=ws)
    assert result.code == 0, result.err
    assert target.read_bytes() != b"precious"


def test_the_own_key_card_may_be_exported_again_over_itself_but_not_over_another(cli, ws: Path, tmp_path: Path,
                                                                               template: Path) -> None:
    card = tmp_path / "card.dskey"
    assert cli("keycard", "export", str(card), ws=ws).code == 0
    assert cli("keycard", "export", str(card), ws=ws).code == 0  # the same key again: nothing is lost
    other = tmp_path / "other"
    shutil.copytree(template, other)
    shutil.rmtree(other / "keys")
    (other / "keys").mkdir()
    generate_signing_key(other / "keys")
    line = refused(cli("keycard", "export", str(card), ws=other))  # another key's card is not replaced silently
    assert "--force" in line


def test_writing_into_inbox_outbox_or_the_workspace_folder_itself_is_fine(cli, ws: Path) -> None:
    for place in (ws / "outbox", ws / "inbox", ws):
        assert cli("snapshot", "export", "--out", str(place), ws=ws).code == 0
    assert cli("keycard", "export", str(ws / "outbox" / "me.dskey"), ws=ws).code == 0
    with sqlite3.connect(ws / DB_NAME) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
