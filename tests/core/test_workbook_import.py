"""A real-looking stock workbook, read whole: units, pack sizes, two warehouses, month-only 和暦, totals."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from disastershare.core.catalog import Catalog, ResourceKind, ResourceType
from disastershare.core.import_fixes import ImportFixes
from disastershare.core.sheet_import import plan_inventory_import, read_tables, run_to_end

OWNER = "131016"


def stock_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "第1倉庫"
    first["A1"] = "令和8年4月1日現在 備蓄品一覧（防災課）"
    first.merge_cells("A1:E1")
    first.append([])
    first.append(["品名", "数量", "単位", "賞味期限", "備考"])
    first.append(["保存水（500ml）", "2,400", "本", "令和12年3月", ""])
    first.append(["簡易トイレ", 1500, "回分", None, "凝固剤付き"])
    first.append(["簡易トイレ", 20, "台", None, ""])
    first.append(["アルファ化米", 600, "食", datetime.datetime(2031, 1, 31), ""])  # a real Excel date
    first.append(["もうふ", "120枚", None, None, ""])
    first.append(["合計", 4640, None, None, ""])
    second = book.create_sheet("第2倉庫")
    second.append(["品名", "数量", "単位", "期限"])
    second.append(["保存水 2L×6本", 50, "ケース", "R11.3"])
    second.append(["毛布", 3, "箱", None])
    second.append(["パン缶", "48", "", "令和元年5月"])
    hidden = book.create_sheet("集計用")
    hidden.sheet_state = "hidden"
    hidden.append(["品名", "数量"])
    hidden.append(["毛布", 999])
    book.create_sheet("メモ").append(["この表は防災課が管理しています"])
    book.save(path)
    return path


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return stock_workbook(tmp_path / "備蓄品一覧.xlsx")


def _plan(book: Path, catalog: Catalog, fixes: ImportFixes | None = None):
    return run_to_end(plan_inventory_import(read_tables(book), catalog, [], OWNER, fixes))


def test_every_figure_and_date_of_the_workbook(book, catalog):
    plan = _plan(book, catalog)
    # the one row that cannot be counted: a box of blankets with no pack size
    assert [(p.sheet, p.line, p.code, p.unit) for p in plan.problems] == [("第2倉庫", 3, "pack_size", "箱")]
    got = {(r.resource, r.location, r.expiry): r.on_hand for r in plan.adds}
    assert got == {
        ("S-WATER", "第1倉庫", datetime.date(2030, 3, 31)): 1200,  # 2,400 本 × 0.5 L
        ("S-TOILET-BAG", "第1倉庫", None): 1500,  # 回分 decides: portable toilet bags
        ("E-TOILET-BOX", "第1倉庫", None): 20,  # 台 decides: assembled toilets
        ("S-FOOD-STAPLE", "第1倉庫", datetime.date(2031, 1, 31)): 600,
        ("S-BLANKET", "第1倉庫", None): 120,  # もうふ found by reading
        ("S-WATER", "第2倉庫", datetime.date(2029, 3, 31)): 600,  # 50 ケース × 6 本 × 2 L
        ("S-FOOD-STAPLE", "第2倉庫", datetime.date(2019, 5, 31)): 48,  # 令和元年5月
    }
    notes = [n.text() for n in plan.notes]
    assert "'保存水（500ml）': 2,400 本 × 0.5 L = 1,200 L" in notes
    assert "'保存水 2L×6本': 50 ケース × 6 本 × 2 L = 600 L" in notes
    assert "令和12年3月 read as 2030-03-31 (the last day of that month)" in notes
    assert "sheet '集計用' not read: it is hidden" in notes
    assert "sheet 'メモ' not read: no recognisable header" in notes
    assert "「保存水（500ml）」: 2,400 本 × 0.5 L = 1,200 L" in [n.text("ja") for n in plan.notes]


def test_the_pack_size_given_by_the_officer_completes_the_import(book, catalog):
    fixes = ImportFixes()
    fixes.set_pack_size("毛布", "箱", 10)
    plan = _plan(book, catalog, fixes)
    assert plan.ok
    assert {(r.resource, r.location): r.on_hand for r in plan.adds if r.resource == "S-BLANKET"} == {
        ("S-BLANKET", "第1倉庫"): 120, ("S-BLANKET", "第2倉庫"): 30}


def test_chosen_sheets_only(book, catalog):
    plan = run_to_end(plan_inventory_import(read_tables(book, ["第2倉庫"]), catalog, [], OWNER))
    assert {r.location for r in plan.adds} == {"第2倉庫"}
    assert "sheet '第1倉庫' not read: not chosen" in [n.text() for n in plan.notes]


def test_skipped_and_corrected_rows(book, catalog):
    fixes = ImportFixes()
    fixes.skip("第2倉庫", 3, "no pack size at hand")
    fixes.set_cell("第1倉庫", 4, "expiry", "2030-04-30")
    plan = _plan(book, catalog, fixes)
    assert plan.ok
    assert plan.skipped_rows == [("第2倉庫", 3, "no pack size at hand")]
    water = [r for r in plan.adds if r.resource == "S-WATER" and r.location == "第1倉庫"]
    assert water[0].expiry == datetime.date(2030, 4, 30)
    assert "1 skipped" in plan.summary()


def test_a_partners_local_type_never_captures_my_names(tmp_path, catalog):
    partner_type = ResourceType("432041-WATER", ResourceKind.STAFF, "飲料水", "Water crew", "人", "local", "432041")
    mine = catalog.with_types([partner_type]).owned_by(OWNER)
    path = tmp_path / "s.csv"
    path.write_text("品名,数量\n飲料水,300\n", encoding="utf-8")
    plan = run_to_end(plan_inventory_import(read_tables(path), mine, [], OWNER))
    assert [(r.resource, r.on_hand) for r in plan.adds] == [("S-WATER", 300)]
    assert "432041-WATER" not in mine


def test_notes_merged_past_the_partners_limit_are_refused_at_import(tmp_path, catalog):
    rows = "".join(f"毛布,1,{chr(0x4E00 + i) * 900}\n" for i in range(5))  # 5 distinct 900-character notes
    path = tmp_path / "notes.csv"
    path.write_text("品名,数量,備考\n" + rows, encoding="utf-8")
    plan = run_to_end(plan_inventory_import(read_tables(path), catalog, [], OWNER))
    assert [p.code for p in plan.problems] == ["merged_too_long"]
    assert plan.adds == []


def test_an_unconvertible_row_is_never_counted_as_the_catalog_unit(tmp_path, catalog):
    path = tmp_path / "box.csv"
    path.write_text("品名,数量,単位\n毛布,3,箱\n", encoding="utf-8")
    plan = run_to_end(plan_inventory_import(read_tables(path), catalog, [], OWNER))
    assert plan.adds == []
    problem = plan.problems[0]
    assert (problem.code, problem.name, problem.unit) == ("pack_size", "毛布", "箱")
    assert "入数" in problem.text("ja")


def test_a_conversion_that_is_not_a_whole_number_is_a_problem(tmp_path, catalog):
    path = tmp_path / "odd.csv"
    path.write_text("品名,数量,単位\n保存水（500ml）,3,本\n", encoding="utf-8")
    plan = run_to_end(plan_inventory_import(read_tables(path), catalog, [], OWNER))
    assert [p.code for p in plan.problems] == ["not_whole"]
    assert "3 本 × 0.5 L = 1.5 L" in plan.problems[0].message


def test_a_pack_size_column_is_read(tmp_path, catalog):
    path = tmp_path / "packs.csv"
    path.write_text("品名,数量,単位,入数\n毛布,4,箱,10\nマスク,2,箱,50\n", encoding="utf-8")
    plan = run_to_end(plan_inventory_import(read_tables(path), catalog, [], OWNER))
    assert plan.ok, plan.problems
    assert {r.resource: r.on_hand for r in plan.adds} == {"S-BLANKET": 40, "S-MASK": 100}


def test_a_giant_csv_cell_is_refused_in_one_sentence(tmp_path):
    from disastershare.core.errors import DomainError

    path = tmp_path / "giant.csv"
    path.write_text("品名,数量\n" + "毛布" + "x" * 200_000 + ",1\n", encoding="utf-8")
    with pytest.raises(DomainError, match="longer than 131,072 characters"):
        read_tables(path)


def test_an_edit_past_the_partners_text_limit_is_refused(catalog):
    from disastershare.core.errors import ValidationError
    from disastershare.core.limits import MAX_TEXT_CHARS
    from disastershare.core.records import InventoryItem, RecordMeta, validate_inventory_item

    item = InventoryItem(RecordMeta(OWNER), "S-BLANKET", 1, note="x" * MAX_TEXT_CHARS)
    validate_inventory_item(item, catalog)
    item.note += "x"
    with pytest.raises(ValidationError, match="longer than 4,000 characters"):
        validate_inventory_item(item, catalog)
