"""Every time in a report is in the workspace's time zone (setting time_zone, default Asia/Tokyo), and says
which zone: the PDF, the workbook, the CSV files and the suggested file name agree."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reportkit import NOW, pdf_text

from disastershare.core.errors import DomainError
from disastershare.reports import times
from disastershare.reports.numbering import suggested_name
from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace

# NOW is 01:30 UTC: 10:30 in Japan, 01:30 in London (GMT in November). 熊本市 was heard from 2 hours
# before (23:30 UTC the day before: 08:30 JST), its rows were updated 3 hours before (22:30 UTC: 07:30 JST).


def _outputs(workspace: Workspace, tmp_path: Path) -> tuple[str, dict, list[dict], str]:
    data = build_report_data(workspace, now=NOW)
    write_report(data, tmp_path / "r.pdf")
    write_report(data, tmp_path / "r.xlsx")
    write_report(data, tmp_path / "r.csv")
    book = load_workbook(tmp_path / "r.xlsx")
    about = {row[0]: row[1] for row in book["報告について"].iter_rows(values_only=True)}
    fresh = list(csv.DictReader(io.StringIO((tmp_path / "r-freshness.csv").read_text(encoding="utf-8-sig"))))
    return pdf_text(tmp_path / "r.pdf"), about, fresh, suggested_name(data)


def test_default_zone_is_japan_everywhere(live_ws: Workspace, tmp_path: Path) -> None:
    pdf, about, fresh, name = _outputs(live_ws, tmp_path)
    assert "10:30 JST（UTC+09:00）" in pdf and "2026-11-23 10:30 JST 時点" in pdf  # summary and page headers
    assert "JST (UTC+09:00) Asia/Tokyo" in pdf  # 報告について
    assert about["作成日時 (JST)"] == datetime(2026, 11, 23, 10, 30)
    kumamoto = next(r for r in fresh if r["市区町村"] == "熊本市")
    assert kumamoto["最新スナップショット作成 (JST)"] == "2026-11-23 08:30"
    assert "2026-11-23 07:30" in (tmp_path / "r-stock.csv").read_text(encoding="utf-8-sig")
    assert name.endswith("_20261123-1030.pdf")
    for utc in ("01:30", "23:30", "22:30"):  # no time slipped through in UTC
        assert utc not in pdf and utc not in str(fresh), utc


def test_another_zone_setting_moves_every_time_and_its_label(live_ws: Workspace, tmp_path: Path) -> None:
    live_ws.save_settings({**live_ws.settings(), "time_zone": "Europe/London"})
    pdf, about, fresh, name = _outputs(live_ws, tmp_path)
    assert "01:30 GMT（UTC+00:00）" in pdf and "2026-11-23 01:30 GMT 時点" in pdf and "JST" not in pdf
    assert about["作成日時 (GMT)"] == datetime(2026, 11, 23, 1, 30)
    assert about["タイムゾーン"] == "GMT (UTC+00:00) Europe/London"
    kumamoto = next(r for r in fresh if r["市区町村"] == "熊本市")
    assert kumamoto["最新スナップショット作成 (GMT)"] == "2026-11-22 23:30"
    stock = (tmp_path / "r-stock.csv").read_text(encoding="utf-8-sig")
    assert "更新日時 (GMT)" in stock and "2026-11-22 22:30" in stock
    assert name.endswith("_20261123-0130.pdf")


def test_zone_names_and_the_fallback_without_a_tz_database(monkeypatch: pytest.MonkeyPatch) -> None:
    assert str(times.zone_named(None)) == "Asia/Tokyo"
    with pytest.raises(DomainError, match="unknown time zone 'Mars/Base'"):
        times.zone_named("Mars/Base")
    assert str(times.report_zone({"time_zone": "Mars/Base"})) == "Asia/Tokyo"  # a hand-edited typo: logged

    def no_database(name: str):
        raise times.ZoneInfoNotFoundError(name)

    monkeypatch.setattr(times, "ZoneInfo", no_database)  # Windows without the tzdata wheel
    zone = times.zone_named("Asia/Tokyo")
    assert zone is times.FIXED_JST and times.zone_text(NOW.astimezone(zone)) == "JST (UTC+09:00)"
