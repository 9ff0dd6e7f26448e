from __future__ import annotations

import csv
import random
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from disastershare.core.catalog import Catalog, ResourceKind
from disastershare.core.errors import DomainError
from disastershare.core.records import (
    Condition,
    InventoryItem,
    Need,
    NeedStatus,
    Priority,
    RecordMeta,
    StaffPool,
)
from disastershare.core.sheet_import import (
    ImportPlan,
    RawTable,
    parse_date,
    plan_inventory_import,
    plan_needs_import,
    read_table,
    run_to_end,
)

OWNER = "131016"
JA_HEADER = "品名,数量,自己使用分,保管場所,消費期限,備考"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "在庫"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def inventory(path: Path, catalog: Catalog, existing=(), owner: str = OWNER) -> ImportPlan:
    return run_to_end(plan_inventory_import(read_table(path), catalog, list(existing), owner))


def item(resource: str, on_hand: int, *, reserved: int = 0, location: str = "", expiry: date | None = None,
         note: str = "", owner: str = OWNER, deleted: bool = False) -> InventoryItem:
    meta = RecordMeta(owner=owner, revision=3, deleted=deleted)
    return InventoryItem(meta, resource, on_hand, reserved, location, Condition.READY, expiry, note)


def by_resource(plan: ImportPlan) -> dict[str, object]:
    return {r.resource: r for r in plan.adds}


# ---- encodings and formats ---------------------------------------------------------------------

CSV_TEXT = f"{JA_HEADER}\n毛布,120,10,第1倉庫,,①番棚\n飲料水（保存水）,1200,0,第1倉庫,2030-03-31,㈱水道\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16"])
def test_each_encoding_reads_the_same_table(tmp_path, catalog, encoding):
    path = write(tmp_path, "stock.csv", CSV_TEXT, encoding)
    table = read_table(path)
    assert table.rows[1] == ["毛布", "120", "10", "第1倉庫", "", "①番棚"]
    assert table.rows[2][5] == "㈱水道"
    plan = inventory(path, catalog)
    assert plan.ok, plan.problems
    assert by_resource(plan)["S-BLANKET"].note == "①番棚"


def test_cp932_is_not_mistaken_for_utf8(tmp_path):
    # cp932 bytes for 毛布 are not valid UTF-8; ① only exists in cp932, not in plain shift_jis.
    path = write(tmp_path, "sjis.csv", "品名,数量\n毛布①,5\n", "cp932")
    assert read_table(path).rows[1] == ["毛布①", "5"]


@pytest.mark.parametrize(("delimiter", "suffix"), [(",", "csv"), ("\t", "tsv"), (";", "csv"), ("\t", "txt")])
def test_delimiters_are_detected(tmp_path, catalog, delimiter, suffix):
    path = tmp_path / f"stock.{suffix}"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows([["品名", "数量", "備考"], ["毛布", "1,200", "a,b"],
                                                      ["タオル", "30", "c;d"]])
    plan = inventory(path, catalog)
    assert plan.ok, plan.problems
    assert {r.resource: r.on_hand for r in plan.adds} == {"S-BLANKET": 1200, "S-TOWEL": 30}


def test_quoted_cells_with_commas_and_newlines_keep_line_numbers(tmp_path, catalog):
    text = '品名,数量,備考\n毛布,"1,200","two\nlines"\nabc,5,\n'
    plan = inventory(write(tmp_path, "q.csv", text), catalog)
    assert by_resource(plan)["S-BLANKET"].on_hand == 1200
    assert by_resource(plan)["S-BLANKET"].note == "two\nlines"
    assert [p.line for p in plan.problems] == [4]


def test_xlsx_cells_are_converted_to_text(tmp_path, catalog):
    path = write_xlsx(tmp_path, "stock.xlsx", [
        ["令和8年度 備蓄一覧"],
        [],
        ["品名", "数量", "消費期限", "保管場所"],
        ["飲料水", 1200.0, datetime(2030, 3, 31), "本庁舎"],
        ["発電機", 3, None, 101],
    ])
    table = read_table(path)
    assert table.rows[2] == ["飲料水", "1200", "2030-03-31", "本庁舎"]
    assert table.rows[3][:2] == ["発電機", "3"] and table.rows[3][3] == "101"
    assert table.line_numbers == [1, 3, 4, 5]
    assert "在庫" in table.source
    plan = inventory(path, catalog)
    assert plan.ok, plan.problems
    assert by_resource(plan)["S-WATER"].expiry == date(2030, 3, 31)
    assert by_resource(plan)["E-GENERATOR"].location == "101"


def test_xlsx_rows_keep_sheet_row_numbers(tmp_path, catalog):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B3"], sheet["C3"] = "品名", "数量"
    sheet["B6"], sheet["C6"] = "謎の物資", 2
    path = tmp_path / "offset.xlsx"
    book.save(path)
    plan = inventory(path, catalog)
    assert [p.line for p in plan.problems] == [6]


def test_xlsx_is_detected_by_content_not_suffix(tmp_path, catalog):
    path = write_xlsx(tmp_path, "stock.xlsx", [["品名", "数量"], ["毛布", 7]])
    renamed = path.rename(tmp_path / "stock.csv")
    assert by_resource(inventory(renamed, catalog))["S-BLANKET"].on_hand == 7


# ---- header styles -----------------------------------------------------------------------------


def test_english_header(tmp_path, catalog):
    text = "Item,On hand,Reserved,Storage,Expiry,Remarks,Unit\nBlankets,40,5,Depot A,,,pcs\nS-MASK,900,0,,,,\n"
    plan = inventory(write(tmp_path, "en.csv", text), catalog)
    assert plan.ok, plan.problems
    blankets = by_resource(plan)["S-BLANKET"]
    assert (blankets.on_hand, blankets.reserved, blankets.location) == (40, 5, "Depot A")
    assert by_resource(plan)["S-MASK"].on_hand == 900


def test_title_and_blank_rows_above_header(tmp_path, catalog):
    text = "令和8年4月1日現在 備蓄物資一覧,,\n,,\n\n作成：防災課,,\n品名,数量（枚）,備考\n毛布,10,\n軍手,5,\n"
    path = write(tmp_path, "titled.csv", text)
    plan = inventory(path, catalog)
    assert by_resource(plan)["S-BLANKET"].on_hand == 10
    assert [(p.line, p.message, p.suggestion) for p in plan.problems] == [(7, "unknown resource '軍手'", None)]
    assert plan.rows_read == 2


def test_header_with_unit_hints_and_full_width_spelling(tmp_path, catalog):
    text = "物資名,備蓄数（個）,ＱＴＹ,保管 場所\n毛布,12,99,倉庫\n"
    plan = inventory(write(tmp_path, "hints.csv", text), catalog)
    assert by_resource(plan)["S-BLANKET"].on_hand == 12  # the first quantity column wins
    assert by_resource(plan)["S-BLANKET"].location == "倉庫"


def test_code_column_is_trusted_before_name_column(tmp_path, catalog):
    text = "品名,品目コード,数量\n毛布（特大）,S-TARP,3\nタオル,,4\n"
    plan = inventory(write(tmp_path, "codes.csv", text), catalog)
    assert {r.resource: r.on_hand for r in plan.adds} == {"S-TARP": 3, "S-TOWEL": 4}


def test_no_recognisable_header(tmp_path, catalog):
    path = write(tmp_path, "noheader.csv", "毛布,10\nタオル,5\n")
    with pytest.raises(DomainError, match="no recognisable header"):
        plan_inventory_import(read_table(path), catalog, [], OWNER)  # raised at call, not at next()


def test_header_below_the_scanned_rows_is_not_found(tmp_path, catalog):
    path = write(tmp_path, "deep.csv", "x\n" * 40 + "品名,数量\n毛布,1\n")
    with pytest.raises(DomainError, match="deep.csv"):
        plan_inventory_import(read_table(path), catalog, [], OWNER)


# ---- cell values -------------------------------------------------------------------------------


def test_full_width_digits_and_units_in_quantity_cells(tmp_path, catalog):
    text = "品名,数量,単位\n毛布,１，２００,枚\nタオル,120枚,\n発電機,５台,\n飲料水,30 L,\n"
    plan = inventory(write(tmp_path, "units.csv", text), catalog)
    assert plan.ok, plan.problems
    assert {r.resource: r.on_hand for r in plan.adds} == {
        "S-BLANKET": 1200, "S-TOWEL": 120, "E-GENERATOR": 5, "S-WATER": 30}


def test_a_unit_cell_contradicting_the_unit_column_is_a_problem(tmp_path, catalog):
    text = "品名,数量,単位\nタオル,120枚,箱\n飲料水,30 L,本\n"
    plan = inventory(write(tmp_path, "units.csv", text), catalog)
    assert [(p.line, p.code) for p in plan.problems] == [(2, "unit_conflict"), (3, "unit_conflict")]
    assert plan.adds == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-31", date(2026, 12, 31)),
        ("2026/12/31", date(2026, 12, 31)),
        ("2026/1/5", date(2026, 1, 5)),
        ("2026.01.05", date(2026, 1, 5)),
        ("2026年12月31日", date(2026, 12, 31)),
        ("２０２６年１２月３１日", date(2026, 12, 31)),
        ("令和8年12月31日", date(2026, 12, 31)),
        ("令和 8 年 12 月 31 日", date(2026, 12, 31)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("㋿8年1月2日", date(2026, 1, 2)),
        ("R8.12.31", date(2026, 12, 31)),
        ("r8/12/31", date(2026, 12, 31)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("H30.1.1", date(2018, 1, 1)),
        ("2026-12-31 00:00:00", date(2026, 12, 31)),
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "31/12/2026", "来年", "R8.13.1", "2026-13", "X50.1.1", "R8"])
def test_bad_dates_are_refused(text):
    with pytest.raises(DomainError, match="date"):
        parse_date(text)


def test_bad_date_is_a_row_problem(tmp_path, catalog):
    text = "品名,数量,消費期限\n飲料水,10,2026-02-30\n毛布,5,\n"
    plan = inventory(write(tmp_path, "d.csv", text), catalog)
    assert [(p.line, "2026-02-30" in p.message) for p in plan.problems] == [(2, True)]
    assert [r.resource for r in plan.adds] == ["S-BLANKET"]


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [("-5", "negative"), ("△5", "negative"), ("多数", "not a number"), ("1.5", "whole"), ("", "empty")],
)
def test_bad_quantity_is_a_row_problem(tmp_path, catalog, cell, fragment):
    text = f"品名,数量,備考\n毛布,{cell},x\nタオル,3,\n"
    plan = inventory(write(tmp_path, "q.csv", text), catalog)
    assert len(plan.problems) == 1
    assert plan.problems[0].line == 2 and fragment in plan.problems[0].message
    assert not plan.ok
    assert [r.resource for r in plan.adds] == ["S-TOWEL"]


def test_rule_violations_are_row_problems(tmp_path, catalog):
    text = ("品名,数量,自己使用分,消費期限,状態\n"
            "毛布,5,9,,\n"  # reserved > on hand
            "発電機,2,0,2030-01-01,\n"  # expiry on equipment
            "タオル,3,0,,壊れてる\n"  # unknown condition
            "保健師,2,1,,\n"  # staff have no reserved count
            "投光器,1,0,,要点検\n")
    plan = inventory(write(tmp_path, "rules.csv", text), catalog)
    assert [p.line for p in plan.problems] == [2, 3, 4, 5]
    assert "cannot exceed" in plan.problems[0].message
    assert "expiry" in plan.problems[1].message
    assert "condition" in plan.problems[2].message
    assert "reserved" in plan.problems[3].message
    assert [(r.resource, r.condition) for r in plan.adds] == [("E-FLOODLIGHT", Condition.NEEDS_CHECK)]


def test_repeated_bad_cells_are_each_reported(tmp_path, catalog):
    text = "品名,数量,自己使用分\n" + "毛布,多数,0\n" * 3 + "タオル,5,▲1\n"
    plan = inventory(write(tmp_path, "rep.csv", text), catalog)
    assert [p.line for p in plan.problems] == [2, 3, 4, 5]
    assert len({p.message for p in plan.problems[:3]}) == 1
    assert plan.problems[3].message == "reserved quantity '▲1' cannot be negative"


def test_unknown_names_carry_a_suggestion(tmp_path, catalog):
    text = "品名,数量\n発電器,2\nInfant formula,5\nzzz,1\n"
    plan = inventory(write(tmp_path, "names.csv", text), catalog)
    first = plan.problems[0]
    assert (first.line, first.message, first.suggestion) == (2, "unknown resource '発電器'", "E-GENERATOR 発電機")
    assert first.candidates[0] == "E-GENERATOR"
    assert "several resource types" in plan.problems[1].message
    assert plan.problems[2].suggestion is None
    assert plan.summary() == "0 to add, 0 to change, 0 unchanged, 3 problems"


def test_near_matches_are_reported_on_the_plan(tmp_path, catalog):
    plan = inventory(write(tmp_path, "near.csv", "品名,数量\n段ボールペッド,4\n"), catalog)
    assert plan.ok
    assert plan.near_matches == {"段ボールペッド": "E-BED"}


def test_skipped_rows(tmp_path, catalog):
    text = "品名,数量\n毛布,1\n,\n,,,\n合計,1\n※ 数量は4月1日時点\n,7\n品名,数量\n"
    plan = inventory(write(tmp_path, "skip.csv", text), catalog)
    assert [r.resource for r in plan.adds] == ["S-BLANKET"]
    assert [(p.line, p.message) for p in plan.problems] == [(7, "quantity given without a resource name")]


# ---- bad files ---------------------------------------------------------------------------------


def _refused(path: Path, fragment: str) -> None:
    with pytest.raises(DomainError) as err:
        read_table(path)
    assert fragment in str(err.value)
    assert path.name in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path):
    _refused(tmp_path / "nope.csv", "not found")


def test_empty_file(tmp_path):
    _refused(write(tmp_path, "empty.csv", ""), "empty")


def test_file_of_blank_lines(tmp_path):
    _refused(write(tmp_path, "blank.csv", "\n\r\n  \n,,,\n"), "empty")


def test_binary_file(tmp_path):
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _refused(path, "binary")


def test_undecodable_text(tmp_path):
    path = tmp_path / "mojibake.csv"
    path.write_bytes(b"abc,\x81\x20,\x82\x0a")  # invalid in UTF-8 and in cp932 (bad trail bytes)
    _refused(path, "neither UTF-8 nor Shift_JIS")


def test_pdf_renamed_csv(tmp_path):
    path = tmp_path / "stock.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    _refused(path, "PDF")


def test_old_xls(tmp_path):
    path = tmp_path / "stock.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    _refused(path, "save it as .xlsx or CSV")


def test_password_protected_xlsx(tmp_path):
    path = tmp_path / "locked.xlsx"  # encrypted OOXML is stored in an OLE compound file
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    _refused(path, "password")


def test_opendocument_spreadsheet(tmp_path):
    path = tmp_path / "stock.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    _refused(path, "OpenDocument")


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "stock.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    _refused(path, "ZIP archive")


def test_damaged_zip(tmp_path):
    path = tmp_path / "stock.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 10)
    _refused(path, "damaged")


# ---- merging against existing records ----------------------------------------------------------


def test_same_key_rows_are_summed(tmp_path, catalog):
    text = (f"{JA_HEADER}\n毛布,100,10,第1倉庫,,棚A\n毛布,50,5,第１倉庫,,棚B\n毛布,7,0,第2倉庫,,\n"
            "飲料水,10,0,第1倉庫,2030-01-01,\n飲料水,20,0,第1倉庫,2031-01-01,\n")
    plan = inventory(write(tmp_path, "dup.csv", text), catalog)
    assert plan.ok, plan.problems
    got = sorted((r.resource, r.location, r.on_hand, r.reserved, r.note) for r in plan.adds)
    assert got == [
        ("S-BLANKET", "第1倉庫", 150, 15, "棚A / 棚B"),  # location compared after NFKC
        ("S-BLANKET", "第2倉庫", 7, 0, ""),
        ("S-WATER", "第1倉庫", 10, 0, ""),
        ("S-WATER", "第1倉庫", 20, 0, ""),
    ]
    assert len({r.meta.id for r in plan.adds}) == 4
    assert all(r.meta.owner == OWNER and r.meta.id for r in plan.adds)


def test_add_change_unchanged_and_untouched(tmp_path, catalog):
    blanket = item("S-BLANKET", 100, reserved=10, location="第1倉庫", note="棚A")
    towel = item("S-TOWEL", 30, location="第1倉庫")
    mask = item("S-MASK", 500, location="第1倉庫")  # not in the file: left alone
    gone = item("S-TARP", 9, location="第1倉庫", deleted=True)  # deleted: never matched
    theirs = item("E-BED", 4, location="第1倉庫", owner="012025")
    text = (f"{JA_HEADER}\n毛布,120,10,第1倉庫,,棚A\nタオル,30,0,第1倉庫,,\n"
            "ブルーシート,9,0,第1倉庫,,\n段ボールベッド,4,0,第1倉庫,,\n")
    plan = inventory(write(tmp_path, "merge.csv", text), catalog, [blanket, towel, mask, gone, theirs])
    assert plan.ok, plan.problems
    assert plan.unchanged == 1
    assert sorted(r.resource for r in plan.adds) == ["E-BED", "S-TARP"]
    assert all(r.meta.id not in (gone.meta.id, theirs.meta.id) for r in plan.adds)
    [(old, new)] = plan.changes
    assert old is blanket and old.on_hand == 100  # the existing record is not mutated
    assert (new.on_hand, new.reserved, new.note, new.meta.id, new.meta.revision) == (120, 10, "棚A", old.meta.id, 3)
    assert new.meta is not old.meta
    assert plan.summary() == "2 to add, 1 to change, 1 unchanged, 0 problems"
    assert plan.rows_read == 4


def test_fields_without_a_column_keep_stored_values(tmp_path, catalog):
    stored = item("S-BLANKET", 100, reserved=10, note="keep me")
    stored.condition = Condition.NEEDS_CHECK
    plan = inventory(write(tmp_path, "min.csv", "品名,数量\n毛布,100\n"), catalog, [stored])
    assert (plan.unchanged, plan.changes, plan.adds) == (1, [], [])
    plan = inventory(write(tmp_path, "min2.csv", "品名,数量\n毛布,60\n"), catalog, [stored])
    [(_, new)] = plan.changes
    assert (new.on_hand, new.reserved, new.note, new.condition) == (60, 10, "keep me", Condition.NEEDS_CHECK)


def test_change_that_breaks_a_rule_is_a_problem(tmp_path, catalog):
    stored = item("S-BLANKET", 100, reserved=80)
    plan = inventory(write(tmp_path, "low.csv", "品名,数量\nタオル,1\n毛布,50\n"), catalog, [stored])
    assert [p.line for p in plan.problems] == [3]
    assert "cannot exceed" in plan.problems[0].message
    assert plan.changes == []


def test_expiry_is_part_of_the_key(tmp_path, catalog):
    stored = item("S-WATER", 10, location="倉庫", expiry=date(2030, 3, 31))
    text = "品名,数量,保管場所,賞味期限\n飲料水,12,倉庫,令和12年3月31日\n飲料水,5,倉庫,2031-03-31\n"
    plan = inventory(write(tmp_path, "exp.csv", text), catalog, [stored])
    assert [(o.on_hand, n.on_hand) for o, n in plan.changes] == [(10, 12)]
    assert [(r.on_hand, r.expiry) for r in plan.adds] == [(5, date(2031, 3, 31))]


# ---- staff -------------------------------------------------------------------------------------


def test_staff_rows_become_staff_pools(tmp_path, catalog):
    stored = StaffPool(RecordMeta(owner=OWNER), "P-PHN", 2, contact_section="健康課")
    text = "職種,派遣可能人数,担当課\n保健師,3,健康課\n保健師,1,健康課\n避難所運営,10,総務課\n毛布,5,倉庫\n"
    plan = inventory(write(tmp_path, "staff.csv", text), catalog, [stored])
    assert plan.ok, plan.problems
    [(old, new)] = plan.changes
    assert old is stored and isinstance(new, StaffPool) and new.headcount == 4
    kinds = {r.resource: type(r) for r in plan.adds}
    assert kinds == {"P-SHELTER": StaffPool, "S-BLANKET": InventoryItem}
    shelter = next(r for r in plan.adds if r.resource == "P-SHELTER")
    assert (shelter.headcount, shelter.contact_section) == (10, "総務課")
    assert catalog.require("P-SHELTER").kind is ResourceKind.STAFF


def test_staff_rows_refuse_expiry(tmp_path, catalog):
    plan = inventory(write(tmp_path, "s.csv", "資格,人数,期限\n保健師,2,2027-01-01\n"), catalog)
    assert [p.line for p in plan.problems] == [2] and "expiry" in plan.problems[0].message


# ---- needs -------------------------------------------------------------------------------------


def test_needs_plan(tmp_path, catalog):
    open_need = Need(RecordMeta(owner=OWNER), "S-WATER", 100, date(2026, 8, 1), Priority.NORMAL)
    met_need = Need(RecordMeta(owner=OWNER), "S-BLANKET", 50, None, status=NeedStatus.MET)
    text = ("物資名,必要数,必要日,優先度,備考\n"
            "飲料水,150,2026/8/1,緊急,\n"
            "毛布,50,,中,\n"
            "保健師,2,R8.8.3,高,\n"
            "保健師,1,R8.8.3,低,夜間\n"
            "タオル,0,,,\n"
            "マスク,10,,そこそこ,\n")
    plan = run_to_end(plan_needs_import(read_table(write(tmp_path, "needs.csv", text)), catalog,
                                        [open_need, met_need], OWNER))
    assert plan.kind == "needs"
    [(old, new)] = plan.changes
    assert old is open_need and (new.quantity, new.priority) == (150, Priority.HIGH)
    adds = {r.resource: r for r in plan.adds}
    assert set(adds) == {"S-BLANKET", "P-PHN"}  # a met need is history: same key is a new need
    assert adds["S-BLANKET"].meta.id != met_need.meta.id
    assert (adds["P-PHN"].quantity, adds["P-PHN"].priority, adds["P-PHN"].needed_by) == (
        3, Priority.HIGH, date(2026, 8, 3))
    assert adds["P-PHN"].note == "夜間" and adds["P-PHN"].status is NeedStatus.OPEN
    assert [p.line for p in plan.problems] == [6, 7]
    assert "at least 1" in plan.problems[0].message and "priority" in plan.problems[1].message


def test_needs_default_priority_and_english_header(tmp_path, catalog):
    text = "Resource,Qty,Due,Priority\nBlankets,5,2026-09-01,\nTowels,3,,LOW\n"
    plan = run_to_end(plan_needs_import(read_table(write(tmp_path, "n.csv", text)), catalog, [], OWNER))
    assert {r.resource: r.priority for r in plan.adds} == {"S-BLANKET": Priority.NORMAL, "S-TOWEL": Priority.LOW}


# ---- progress and scale ------------------------------------------------------------------------


def test_progress_is_reported_and_plan_returned(tmp_path, catalog):
    body = "\n".join("毛布,1" for _ in range(4500))
    gen = plan_inventory_import(read_table(write(tmp_path, "p.csv", "品名,数量\n" + body)), catalog, [], OWNER)
    steps = []
    while True:
        try:
            steps.append(next(gen))
        except StopIteration as stop:
            plan = stop.value
            break
    assert steps == [(2000, 4500), (4000, 4500), (4500, 4500)]
    assert plan.adds[0].on_hand == 4500 and plan.rows_read == 4500


def test_run_to_end_works_on_plain_generators():
    def gen():
        yield 1
        yield 2
        return "done"

    assert run_to_end(gen()) == "done"


def test_raw_table_can_be_built_directly(catalog):
    table = RawTable([["品名", "数量"], ["毛布", "3"]], [5, 6], "pasted")
    assert run_to_end(plan_inventory_import(table, catalog, [], OWNER)).adds[0].on_hand == 3


@pytest.mark.slow
def test_a_long_sheet_plans_completely(tmp_path, catalog):
    # Speed is measured in bench/bench_inventory_import.py (200,000 rows); here only completeness.
    rnd = random.Random(20260401)
    types = list(catalog)
    lines = ["令和8年度 備蓄物資・人員一覧", "", "品名,数量（個）,自己使用分,保管場所,消費期限,備考"]
    for i in range(20_000):
        rtype = rnd.choice(types)
        expiry = f"2027/{rnd.randint(1, 12)}/1" if rtype.kind is ResourceKind.SUPPLY else ""
        reserved = "" if rtype.kind is ResourceKind.STAFF else str(rnd.randint(0, 5))
        lines.append(f'{rtype.name_ja},"{rnd.randint(5, 5000):,}",{reserved},倉庫{i % 40},{expiry},')
    path = write(tmp_path, "big.csv", "\r\n".join(lines), "cp932")
    plan = inventory(path, catalog)
    assert plan.ok, plan.problems[:5]
    assert plan.rows_read == 20_000
    staff = sum(1 for r in plan.adds if isinstance(r, StaffPool))
    assert staff == sum(1 for t in types if t.kind is ResourceKind.STAFF)
