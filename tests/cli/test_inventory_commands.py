from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

SHEET = "備蓄品一覧（令和8年11月）\n\n品名,数量,保管場所,期限\n毛布（災害用）,１，２００枚,第一倉庫,\n" \
        "飲料水,3000,第一倉庫,2029/3/31\n発電機,5台,本庁舎,\n保健師,4,健康推進課,\n"


def table_counts(ws: Path) -> dict[str, int]:
    with sqlite3.connect(ws / "workspace.sqlite") as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("inventory_item", "staff_pool", "need", "import_log")}


@pytest.fixture
def ws(cli, tmp_path: Path) -> Path:
    assert cli("init", "--municipality", "131016").code == 0
    return tmp_path / "ws"


def test_dry_run_prints_the_plan_and_writes_nothing(cli, ws: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "stock.csv"
    sheet.write_bytes(SHEET.encode("cp932"))
    result = cli("inventory", "import", str(sheet), "--dry-run")
    assert result.code == 0, result.err
    assert "4 to add" in result.out and "S-BLANKET" in result.out and "1,200" in result.out
    assert table_counts(ws) == {"inventory_item": 0, "staff_pool": 0, "need": 0, "import_log": 0}


def test_import_then_list_json_matches_the_contract(cli, ws: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "stock.csv"
    sheet.write_bytes(SHEET.encode("utf-8-sig"))
    assert cli("inventory", "import", str(sheet)).code == 0
    rows = {r["resource"]: r for r in cli("inventory", "list", "--format", "json").json()}
    assert rows["S-BLANKET"]["on_hand"] == 1200 and rows["S-BLANKET"]["unit"] == "枚"
    assert rows["S-WATER"]["expiry"] == "2029-03-31"
    assert rows["P-PHN"]["kind"] == "staff" and rows["P-PHN"]["on_hand"] == 4
    assert {"municipality", "resource", "kind", "on_hand", "reserved", "unit"} <= rows["E-GENERATOR"].keys()
    # importing the same file again changes nothing
    again = cli("inventory", "import", str(sheet))
    assert again.code == 0 and "0 to add, 0 to change, 4 unchanged" in again.out


def test_a_changed_quantity_is_a_change_not_an_add(cli, ws: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "stock.csv"
    sheet.write_text("品名,数量,保管場所\n毛布,100,倉庫\n", encoding="utf-8")
    cli("inventory", "import", str(sheet))
    sheet.write_text("品名,数量,保管場所\n毛布,80,倉庫\n", encoding="utf-8")
    result = cli("inventory", "import", str(sheet))
    assert "0 to add, 1 to change" in result.out
    assert [r["on_hand"] for r in cli("inventory", "list", "--format", "json").json()] == [80]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (bytes(range(256)) * 4, "binary"),
        ("名前だけ,住所\nあ,い\n".encode(), "no recognisable header"),
    ],
)
def test_bad_files_are_refused_with_a_reason_and_change_nothing(cli, ws: Path, tmp_path: Path,
                                                                content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    result = cli("inventory", "import", str(bad))
    assert result.code == 2 and reason in result.err and "Traceback" not in result.err
    assert table_counts(ws)["inventory_item"] == 0


@pytest.mark.parametrize("quantity", ["-5", "abc", "△10"])
def test_bad_quantities_refuse_the_whole_file(cli, ws: Path, tmp_path: Path, quantity: str) -> None:
    sheet = tmp_path / "stock.csv"
    sheet.write_text(f"品名,数量\n毛布,100\n飲料水,{quantity}\n", encoding="utf-8")
    result = cli("inventory", "import", str(sheet))
    assert result.code == 2 and "line 3" in result.err
    assert table_counts(ws) == {"inventory_item": 0, "staff_pool": 0, "need": 0, "import_log": 0}


def test_unmatched_rows_are_listed_with_suggestion_and_can_be_skipped_deliberately(cli, ws: Path,
                                                                                   tmp_path: Path) -> None:
    sheet = tmp_path / "stock.csv"
    sheet.write_text("品名,数量\n毛布,100\n発電器,3\n謎の物体,1\n", encoding="utf-8")
    refused = cli("inventory", "import", str(sheet), "--format", "json")
    assert refused.code == 2
    problems = refused.json()["problems"]
    assert [p["line"] for p in problems] == [3, 4]
    assert "E-GENERATOR" in problems[0]["suggestion"]
    assert table_counts(ws)["inventory_item"] == 0
    skipped = cli("inventory", "import", str(sheet), "--skip-invalid")
    assert skipped.code == 0
    assert table_counts(ws)["inventory_item"] == 1


def test_export_csv_has_bom_and_imports_back_unchanged(cli, ws: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "stock.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    cli("inventory", "import", str(sheet))
    out = tmp_path / "export.csv"
    assert cli("inventory", "export", str(out)).code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "毛布".encode() in raw
    again = cli("inventory", "import", str(out))
    assert again.code == 0 and "0 to add, 0 to change, 4 unchanged" in again.out


def test_export_xlsx_has_typed_cells_and_frozen_header(cli, ws: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "stock.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    cli("inventory", "import", str(sheet))
    out = tmp_path / "export.xlsx"
    assert cli("inventory", "export", str(out)).code == 0
    book = load_workbook(out)
    sheet_ = book.active
    assert sheet_.freeze_panes == "A2"
    header = [c.value for c in sheet_[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet_.iter_rows(min_row=2)]
    water = next(r for r in rows if r["品目コード"] == "S-WATER")
    assert water["数量"] == 3000 and isinstance(water["数量"], int)
    assert water["期限"].year == 2029
    assert cli("inventory", "import", str(out)).out.count("4 unchanged") == 1


def test_export_with_unknown_suffix_is_refused(cli, ws: Path, tmp_path: Path) -> None:
    result = cli("inventory", "export", str(tmp_path / "stock.pdf"))
    assert result.code == 2 and ".csv or .xlsx" in result.err
    assert not (tmp_path / "stock.pdf").exists()


def test_needs_import_and_list(cli, ws: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "needs.csv"
    sheet.write_text("品名,数量,必要日,優先度\n毛布,800,2026/12/01,高\n保健師,3,2026/12/02,\n", encoding="utf-8")
    assert cli("needs", "import", str(sheet)).code == 0
    rows = {r["resource"]: r for r in cli("needs", "list", "--format", "json").json()}
    assert rows["S-BLANKET"]["quantity"] == 800 and rows["S-BLANKET"]["priority"] == "high"
    assert rows["P-PHN"]["needed_by"] == "2026-12-02" and rows["P-PHN"]["status"] == "open"
    csv_out = cli("needs", "list", "--format", "csv").out.splitlines()
    assert csv_out[0].startswith("municipality,resource") and len(csv_out) == 3
