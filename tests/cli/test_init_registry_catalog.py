from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from disastershare.store.workspace import Workspace


def test_init_creates_workspace_with_signing_key(cli, tmp_path: Path) -> None:
    result = cli("init", "--municipality", "131016")
    assert result.code == 0, result.err
    assert "131016 東京都千代田区" in result.out
    assert (tmp_path / "ws" / "keys" / "signing_key.pem").exists()
    assert Workspace.open(tmp_path / "ws").drill is False


def test_init_drill_marks_the_workspace(cli, tmp_path: Path) -> None:
    assert cli("init", "--municipality", "434434", "--drill").code == 0
    assert Workspace.open(tmp_path / "ws").drill is True


@pytest.mark.parametrize(
    ("code", "reason"),
    [("131017", "wrong check digit (expected 131016)"), ("13101", "must be 6 digits"),
     ("999997", "not in the registry")],
)
def test_init_refuses_bad_codes_in_one_line_and_creates_nothing(cli, tmp_path: Path, code: str, reason: str) -> None:
    result = cli("init", "--municipality", code)
    assert result.code == 2
    assert reason in result.err and result.err.count("\n") == 1 and "Traceback" not in result.err
    assert not (tmp_path / "ws").exists()


def test_init_twice_is_refused(cli) -> None:
    assert cli("init", "--municipality", "131016").code == 0
    again = cli("init", "--municipality", "011002")
    assert again.code == 2 and "already exists" in again.err


def test_registry_show_and_find_work_without_a_workspace(cli) -> None:
    shown = cli("registry", "show", "434434", "--format", "json")
    assert shown.code == 0
    assert shown.json()[0]["name"] == "益城町" and shown.json()[0]["kana"] == "ましきまち"
    found = cli("registry", "find", "マシキ", "--format", "json").json()
    assert found[0]["code"] == "434434"  # starts with ましき; さいたま市北区 (…ましきたく) comes later
    table = cli("registry", "find", "千代田")
    assert "131016" in table.out and "千代田区" in table.out


def test_registry_show_unknown_code_is_a_user_error(cli) -> None:
    result = cli("registry", "show", "131017")
    assert result.code == 2 and "check digit" in result.err


def test_catalog_list_json_and_csv(cli) -> None:
    rows = cli("catalog", "list", "--format", "json").json()
    assert len(rows) == 55
    assert {"code", "kind", "name_ja", "name_en", "unit"} <= rows[0].keys()
    staff = cli("catalog", "list", "--kind", "staff", "--format", "csv").out.splitlines()
    assert staff[0] == "code,kind,name_ja,name_en,unit,category"
    assert all(",staff," in line for line in staff[1:]) and len(staff) == 15


def test_catalog_add_local_type_is_prefixed(cli) -> None:
    cli("init", "--municipality", "131016")
    result = cli("catalog", "add", "boat", "--kind", "equipment", "--name-ja", "救命ボート", "--unit", "艇")
    assert result.code == 0 and "131016-BOAT" in result.out
    codes = [r["code"] for r in cli("catalog", "list", "--format", "json").json()]
    assert "131016-BOAT" in codes


def test_commands_needing_a_workspace_say_how_to_create_one(cli) -> None:
    result = cli("inventory", "list")
    assert result.code == 2 and "disastershare init --municipality" in result.err


def test_module_entry_point_prints_version() -> None:
    done = subprocess.run([sys.executable, "-m", "disastershare", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("disastershare ")


def test_unknown_command_is_exit_code_2(cli) -> None:
    assert cli("frobnicate").code == 2
