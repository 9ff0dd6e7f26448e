"""The workbook, read back with openpyxl: typed cells, frozen header, filters, widths, the report sheet."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from reportkit import NOW, OWN

from disastershare.reports.model import ReportData
from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace


def _sheet_rows(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_one_sheet_per_table_with_typed_cells_frozen_header_and_filter(drill_data: ReportData,
                                                                       tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(drill_data, path)
    book = load_workbook(path)
    assert book.sheetnames == ["報告について", "分類別合計", "不足", "移送", "職員派遣", "要請", "データ鮮度",
                               "都道府県別", "団体別", "在庫"]
    stock = book["在庫"]
    assert stock.freeze_panes == "A2"
    assert stock.auto_filter.ref == f"A1:{stock.cell(1, stock.max_column).column_letter}{len(drill_data.stock) + 1}"
    rows = _sheet_rows(stock)
    assert len(rows) == len(drill_data.stock)
    water = next(r for r in rows if r["団体コード"] == OWN and r["品目コード"] == "S-WATER")
    assert water["品目"] == "飲料水（保存水）" and water["訓練"] == "訓練"
    assert isinstance(water["在庫数"], int) and water["在庫数"] == 1500 and water["提供可能数"] == 1300
    assert isinstance(water["最短期限"], datetime) and water["最短期限"].date() == date(2026, 12, 31)
    assert isinstance(water["更新日時 (JST)"], datetime)
    fresh = _sheet_rows(book["データ鮮度"])
    assert {r["市区町村"]: r["要確認"] for r in fresh} == {"福岡市": "はい", "熊本市": "いいえ", "八代市": "はい"}
    transfers = _sheet_rows(book["移送"])
    assert isinstance(transfers[0]["距離 km"], float)


def test_column_widths_count_full_width_characters_twice(drill_data: ReportData, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(drill_data, path)
    sheet = load_workbook(path)["在庫"]
    headers = [c.value for c in sheet[1]]
    name_col = sheet.cell(1, headers.index("品目") + 1).column_letter
    # 主食（アルファ化米・パン缶・クラッカー等） is not in this workspace; 乳児用液体ミルク (8 full-width) is
    assert sheet.column_dimensions[name_col].width >= 2 * len("乳児用液体ミルク")
    code_col = sheet.cell(1, headers.index("団体コード") + 1).column_letter
    assert sheet.column_dimensions[code_col].width < sheet.column_dimensions[name_col].width


def test_report_sheet_describes_source_time_and_partners(drill_data: ReportData, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(drill_data, path)
    about = {r[0]: r[1] for r in load_workbook(path)["報告について"].iter_rows(values_only=True)}
    assert about["作成団体"] == "熊本県 益城町 (434434)"
    assert about["作成日時 (JST)"] == datetime(2026, 11, 23, 10, 30)
    assert about["和暦"] == "令和8年11月23日"
    assert about["ワークスペース"] == drill_data.meta.workspace
    assert about["含まれる連携先 (3)"] is None or about["含まれる連携先 (3)"] == ""
    assert about["431001"] == "熊本県 熊本市" and about["在庫"] == len(drill_data.stock)
    assert "訓練" in about["訓練"]


def test_english_workbook_and_a_live_workspace_has_no_drill_column(live_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(build_report_data(live_ws, now=NOW), path, language="en")
    book = load_workbook(path)
    assert book.sheetnames[0] == "report" and "Stock" in book.sheetnames
    headers = [c.value for c in book["Stock"][1]]
    assert headers[0] == "Code" and "Drill" not in headers
    names = {r["Resource"] for r in _sheet_rows(book["Stock"])}
    assert "Drinking water" in names and "Blankets" in names


def test_every_part_of_the_package_is_well_formed_xml(drill_data: ReportData, tmp_path: Path) -> None:
    import zipfile
    from xml.etree import ElementTree

    path = tmp_path / "report.xlsx"
    write_report(drill_data, path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert {"[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"} <= set(names)
        for name in names:
            ElementTree.fromstring(archive.read(name))  # raises on malformed XML
        book = archive.read("xl/workbook.xml").decode()
    assert "_xlnm.Print_Titles" in book and "_xlnm._FilterDatabase" in book
    sheet = load_workbook(path)["在庫"]
    assert sheet.print_title_rows == "$1:$1" and "DRILL" in sheet.oddHeader.center.text
