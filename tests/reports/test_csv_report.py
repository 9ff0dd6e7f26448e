"""CSV files read back: a BOM, one file per table with the right row counts, the optional HXL row."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from disastershare.reports.model import ReportData
from disastershare.reports.output import write_report

TABLES = ["report", "totals", "shortfalls", "transfers", "dispatch", "requests", "freshness", "prefecture_totals",
          "municipality_totals", "stock"]


def _rows(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Japanese Windows needs the BOM to read UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_dot_csv_writes_one_file_per_table_beside_the_name(drill_data: ReportData, tmp_path: Path) -> None:
    written = write_report(drill_data, tmp_path / "kumamoto.csv")
    assert [p.name for p in written] == [f"kumamoto-{t}.csv" for t in TABLES]
    assert not (tmp_path / "kumamoto.csv").exists()
    stock = _rows((tmp_path / "kumamoto-stock.csv").read_bytes())
    assert len(stock) == 1 + len(drill_data.stock)
    header = stock[0]
    assert header[:4] == ["訓練", "団体コード", "都道府県", "市区町村"]
    water = next(r for r in stock if r[header.index("品目コード")] == "S-WATER" and r[1] == "434434")
    assert water[header.index("在庫数")] == "1500" and water[header.index("最短期限")] == "2026-12-31"
    shortfalls = _rows((tmp_path / "kumamoto-shortfalls.csv").read_bytes())
    assert len(shortfalls) == 1 + len(drill_data.shortfalls)
    freshness = _rows((tmp_path / "kumamoto-freshness.csv").read_bytes())
    assert [r[-1] for r in freshness[1:]] == ["はい", "いいえ", "はい"]  # 要確認: never TRUE / FALSE
    about_rows = _rows((tmp_path / "kumamoto-report.csv").read_bytes())
    about = dict(about_rows)
    assert about_rows[0] == ["項目", "内容"]
    assert about["作成日時 (JST)"] == "2026-11-23 10:30" and about["和暦"] == "令和8年11月23日"
    assert about["タイムゾーン"] == "JST (UTC+09:00) Asia/Tokyo" and about["報告番号"] == "第1報"
    assert about["訓練"].startswith("この報告は訓練用") and about["431001"] == "熊本県 熊本市"
    assert about["対象範囲"] == "自団体と全連携先" and about["在庫"] == str(len(drill_data.stock))
    assert not any(cell.startswith("#") for row in stock for cell in row)  # HXL tags only when asked for
    assert "HXL" not in " ".join(about)


def test_hxl_adds_a_second_header_row_of_hashtags(drill_data: ReportData, tmp_path: Path) -> None:
    write_report(drill_data, tmp_path / "r.csv", hxl=True)
    stock = _rows((tmp_path / "r-stock.csv").read_bytes())
    assert stock[1][:4] == ["#meta+drill", "#adm2+code", "#adm1+name", "#adm2+name"]
    assert {"#item+code", "#item+name", "#value+on_hand", "#date+expiry"} <= set(stock[1])
    assert all(tag.startswith("#") for tag in stock[1])
    assert len(stock) == 2 + len(drill_data.stock)
    transfers = _rows((tmp_path / "r-transfers.csv").read_bytes())
    assert "#adm2+code+origin" in transfers[1] and "#adm2+code+dest" in transfers[1]
    about = dict(_rows((tmp_path / "r-report.csv").read_bytes()))
    explained = about["2行目のタグ行（HXL）"]  # the description says in words what that row is
    assert "人道支援データ交換用のタグ行" in explained and "Humanitarian Exchange Language" in explained


def test_zip_holds_the_same_files(drill_data: ReportData, tmp_path: Path) -> None:
    written = write_report(drill_data, tmp_path / "report.zip", language="en")
    assert written == [tmp_path / "report.zip"]
    with zipfile.ZipFile(written[0]) as archive:
        assert archive.namelist() == [f"report-{t}.csv" for t in TABLES]
        stock = _rows(archive.read("report-stock.csv"))
    assert stock[0][:2] == ["Drill", "Code"] and len(stock) == 1 + len(drill_data.stock)
    assert "Drinking water" in {r[stock[0].index("Resource")] for r in stock[1:]}
