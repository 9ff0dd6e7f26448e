"""Expired stock in the report: on hand, but never 提供可能 (usable), and shown in its own 期限切れ column.

The report's day is its as-of date in Japan: 2026-11-23 01:00 JST is still 2026-11-22 in UTC, and a lot
expiring on 2026-11-22 has expired in Japan by then.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import load_workbook
from reportkit import OWN

from disastershare.core.records import Condition, InventoryItem, RecordMeta
from disastershare.reports.model import ReportData
from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace

AS_OF = datetime(2026, 11, 22, 16, 0, tzinfo=UTC)  # 2026-11-23 01:00 JST


def _milk(workspace: Workspace) -> ReportData:
    """One expired lot, one valid lot (expiring on the report day itself) and one damaged lot of the same milk."""
    workspace.inventory.apply([
        InventoryItem(RecordMeta(OWN), "S-MILK-LIQUID", 50, 0, "第2倉庫", expiry=date(2026, 11, 22)),
        InventoryItem(RecordMeta(OWN), "S-MILK-LIQUID", 30, 5, "本庁舎倉庫", expiry=date(2026, 11, 23)),
        InventoryItem(RecordMeta(OWN), "S-MILK-LIQUID", 10, 0, "本庁舎倉庫", condition=Condition.DAMAGED),
    ], [])
    return build_report_data(workspace, now=AS_OF)


def test_usable_is_the_valid_lot_only_and_agrees_with_the_shortfall(live_ws: Workspace) -> None:
    data = _milk(live_ws)
    milk = next(s for s in data.own_stock if s.resource.code == "S-MILK-LIQUID")
    assert (milk.on_hand, milk.reserved, milk.usable, milk.expired, milk.records) == (90, 5, 25, 50, 3)
    assert milk.earliest_expiry == date(2026, 11, 22)
    short = next(s for s in data.shortfalls if s.place.code == OWN and s.resource.code == "S-MILK-LIQUID")
    assert (short.need, short.available, short.shortfall) == (200, 25, 175)  # the same 25 as the stock line
    water = next(s for s in data.own_stock if s.resource.code == "S-WATER")
    assert (water.usable, water.expired) == (1300, 0)  # lots that expire later are untouched


def test_totals_carry_usable_and_expired(live_ws: Workspace) -> None:
    data = _milk(live_ws)
    total = next(t for t in data.resource_totals if t.resource.code == "S-MILK-LIQUID")
    assert (total.on_hand, total.usable, total.expired, total.holders) == (90 + 480, 25 + 480, 50, 2)
    kumamoto = next(p for p in data.prefecture_totals
                    if p.prefecture == "熊本県" and p.resource.code == "S-MILK-LIQUID")
    assert (kumamoto.on_hand, kumamoto.usable, kumamoto.expired, kumamoto.shortfall) == (90, 25, 50, 175)


def test_csv_and_xlsx_tables_have_an_expired_column(live_ws: Workspace, tmp_path: Path) -> None:
    data = _milk(live_ws)
    write_report(data, tmp_path / "r.csv")
    for table in ("stock", "totals", "prefecture_totals"):
        raw = (tmp_path / f"r-{table}.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(raw, newline="")))
        milk = [r for r in rows if r["品目コード"] == "S-MILK-LIQUID" and r.get("団体コード", OWN) == OWN
                and r.get("都道府県", "熊本県") == "熊本県"]
        assert milk[0]["期限切れ"] == "50", table
        assert milk[0]["提供可能数"] == ("505" if table == "totals" else "25"), table
    write_report(data, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["在庫"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    milk = next(dict(zip(header, r, strict=True)) for r in rows[1:]
                if r[header.index("品目コード")] == "S-MILK-LIQUID" and r[header.index("団体コード")] == OWN)
    assert (milk["在庫数"], milk["提供可能数"], milk["期限切れ"]) == (90, 25, 50)
