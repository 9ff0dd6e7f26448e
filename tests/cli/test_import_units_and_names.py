"""The import through the CLI as a new user meets it: units, pack sizes, learned names, chosen sheets."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.core.test_workbook_import import stock_workbook


@pytest.fixture
def ws(cli, tmp_path: Path) -> Path:
    assert cli("init", "--municipality", "131016").code == 0
    return tmp_path / "ws"


def _rows(ws: Path) -> int:
    with sqlite3.connect(ws / "workspace.sqlite") as conn:
        return conn.execute("SELECT count(*) FROM inventory_item").fetchone()[0]


def test_a_box_without_pack_size_refuses_the_file_and_writes_nothing(cli, ws, tmp_path):
    book = stock_workbook(tmp_path / "stock.xlsx")
    result = cli("inventory", "import", str(book))
    assert result.code == 2
    assert "sheet '第2倉庫' line 3: '毛布': 箱 cannot be counted in 枚 without the pack size" in result.err
    assert _rows(ws) == 0


def test_pack_size_and_map_complete_the_import_and_the_map_is_remembered(cli, ws, tmp_path):
    book = stock_workbook(tmp_path / "stock.xlsx")
    result = cli("inventory", "import", str(book), "--pack-size", "毛布:箱=10", "--map", "パン缶=S-FOOD-STAPLE")
    assert result.code == 0, result.err
    assert "2,400 本 × 0.5 L = 1,200 L" in result.err
    rows = cli("inventory", "list", "--format", "json").json()
    water = sorted((r["location"], r["on_hand"], r["expiry"]) for r in rows if r["resource"] == "S-WATER")
    assert water == [("第1倉庫", 1200, "2030-03-31"), ("第2倉庫", 600, "2029-03-31")]
    blankets = sorted((r["location"], r["on_hand"]) for r in rows if r["resource"] == "S-BLANKET")
    assert blankets == [("第1倉庫", 120), ("第2倉庫", 30)]
    learned = cli("catalog", "aliases", "--format", "json").json()
    assert [(a["name"], a["code"]) for a in learned] == [("パン缶", "S-FOOD-STAPLE")]
    assert cli("catalog", "aliases", "remove", "パン缶").code == 0
    assert cli("catalog", "aliases", "--format", "json").json() == []
    assert cli("catalog", "aliases", "remove", "パン缶").code == 2


def test_a_learned_name_is_used_by_the_next_import(cli, ws, tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("品名,数量\n防災ずきん,10\n", encoding="utf-8")
    assert cli("inventory", "import", str(sheet)).code == 2
    assert cli("catalog", "add", "HOOD", "--kind", "supply", "--name-ja", "頭巾", "--unit", "個").code == 0
    assert cli("catalog", "aliases", "add", "防災ずきん", "131016-HOOD").code == 0
    result = cli("inventory", "import", str(sheet))
    assert result.code == 0, result.err
    assert "a name this workspace has learned" in result.err


@pytest.mark.parametrize("bad", ["毛布", "毛布=NOPE", "=S-BLANKET"])
def test_bad_map_arguments_are_refused_in_one_line(cli, ws, tmp_path, bad):
    sheet = tmp_path / "s.csv"
    sheet.write_text("品名,数量\n毛布,1\n", encoding="utf-8")
    result = cli("inventory", "import", str(sheet), "--map", bad)
    assert result.code == 2 and "--map" in result.err and "Traceback" not in result.err
    assert _rows(ws) == 0


@pytest.mark.parametrize("bad", ["毛布箱=10", "毛布:箱=0", "毛布:箱=x", ":箱=3"])
def test_bad_pack_sizes_are_refused_in_one_line(cli, ws, tmp_path, bad):
    sheet = tmp_path / "s.csv"
    sheet.write_text("品名,数量,単位\n毛布,1,箱\n", encoding="utf-8")
    result = cli("inventory", "import", str(sheet), "--pack-size", bad)
    assert result.code == 2 and "--pack-size" in result.err
    assert _rows(ws) == 0


def test_sheet_choice(cli, ws, tmp_path):
    book = stock_workbook(tmp_path / "stock.xlsx")
    result = cli("inventory", "import", str(book), "--sheet", "第1倉庫", "--format", "json")
    assert result.code == 0, result.err
    plan = result.json()
    assert plan["adds"] == 5 and plan["problems"] == []
    assert "sheet '第2倉庫' not read: not chosen" in [n["message"] for n in plan["notes"]]
    missing = cli("inventory", "import", str(book), "--sheet", "倉庫X")
    assert missing.code == 2 and "no sheet named '倉庫X'" in missing.err


def test_catalog_find_by_reading_and_alias(cli, ws):
    assert [r["code"] for r in cli("catalog", "find", "もうふ", "--format", "json").json()][0] == "S-BLANKET"
    assert [r["code"] for r in cli("catalog", "find", "アルファ化米", "--format", "json").json()] == ["S-FOOD-STAPLE"]


def test_a_shift_jis_file_name_imports_and_prints(cli, ws, tmp_path):
    import os

    path = tmp_path / os.fsdecode("備蓄一覧.csv".encode("cp932"))
    path.write_text("品名,数量\n毛布,10\n", encoding="utf-8")
    result = cli("inventory", "import", str(path))
    assert result.code == 0, result.err
    assert "imported 備蓄一覧.csv" in result.err
