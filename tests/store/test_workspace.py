from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from disastershare.core.errors import DomainError
from disastershare.store.workspace import DB_NAME, Workspace


def test_create_lays_out_the_workspace_folder(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", "131016")
    names = {p.name for p in ws.root.iterdir()}
    assert {DB_NAME, "keys", "inbox", "outbox", "backups", "settings.json"} <= names
    assert ws.municipality == "131016" and ws.drill is False
    with sqlite3.connect(ws.db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM municipality").fetchone()[0] == 1916


def test_drill_flag_survives_reopening(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "drill", "434434", drill=True).close()
    assert Workspace.open(tmp_path / "drill").drill is True


@pytest.mark.parametrize("code", ["131017", "12345", "999997", "abcdef"])
def test_create_refuses_bad_codes_and_leaves_nothing_behind(tmp_path: Path, code: str) -> None:
    with pytest.raises(DomainError):
        Workspace.create(tmp_path / "ws", code)
    assert not (tmp_path / "ws").exists()


def test_create_refuses_to_overwrite_an_existing_workspace(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "ws", "131016").close()
    with pytest.raises(DomainError, match="already exists"):
        Workspace.create(tmp_path / "ws", "011002")
    assert Workspace.open(tmp_path / "ws").municipality == "131016"


def test_open_missing_workspace_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="disastershare init --municipality"):
        Workspace.open(tmp_path / "nothing")


def test_language_setting_round_trips_and_refuses_unknown(workspace: Workspace) -> None:
    assert workspace.language() is None
    workspace.set_language("en")
    assert json.loads(workspace.settings_path.read_text(encoding="utf-8"))["language"] == "en"
    with pytest.raises(DomainError):
        workspace.set_language("fr")
    assert workspace.language() == "en"


def test_backup_now_is_a_consistent_sqlite_copy(workspace: Workspace) -> None:
    copy = workspace.backup_now()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT municipality FROM workspace_info").fetchone()[0] == "131016"
