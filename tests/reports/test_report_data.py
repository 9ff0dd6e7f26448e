"""ReportData from a workspace: stock per municipality, shortfalls and transfers from the core engines,
partner freshness, scopes and the prefecture view."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from reportkit import FUKUOKA, KUMAMOTO, NOW, OWN, YATSUSHIRO

from disastershare.core.errors import DomainError
from disastershare.reports.report_data import build_report_data
from disastershare.reports.sources import DispatchFigure, ShortfallFigure, TransferFigure
from disastershare.store.workspace import Workspace


def test_cover_facts_are_in_jst_with_the_drill_flag_and_the_partners_included(drill_ws: Workspace) -> None:
    data = build_report_data(drill_ws, now=NOW)
    meta = data.meta
    assert meta.generated_at.utcoffset() == timedelta(hours=9) and meta.generated_at.hour == 10
    assert meta.drill and meta.subject.label == "熊本県 益城町"
    assert [p.code for p in meta.partners] == [FUKUOKA, KUMAMOTO, YATSUSHIRO]


def test_stock_sums_records_per_municipality_and_resource_own_first(drill_ws: Workspace) -> None:
    data = build_report_data(drill_ws, now=NOW)
    own_water = next(s for s in data.own_stock if s.resource.code == "S-WATER")
    assert (own_water.on_hand, own_water.reserved, own_water.usable, own_water.records) == (1500, 200, 1300, 2)
    assert own_water.earliest_expiry == date(2026, 12, 31)
    assert own_water.resource.name_ja == "飲料水（保存水）"
    assert [s.place.code for s in data.stock][:5] == [OWN] * 4 + [FUKUOKA]  # own first, then by code
    assert {s.place.code for s in data.partner_stock} == {KUMAMOTO, FUKUOKA}
    staff = next(s for s in data.own_stock if s.resource.kind == "staff")
    assert (staff.resource.code, staff.on_hand) == ("P-PHN", 4)


def test_shortfalls_and_proposed_transfers_come_from_the_core_engines(drill_ws: Workspace) -> None:
    data = build_report_data(drill_ws, now=NOW)
    short = {(s.place.code, s.resource.code): (s.need, s.available, s.shortfall) for s in data.shortfalls}
    assert short == {(OWN, "S-BLANKET"): (900, 340, 560), (OWN, "S-MILK-LIQUID"): (200, 0, 200)}
    flows = {(t.resource.code, t.origin.code, t.destination.code): t for t in data.transfers}
    blankets = flows[("S-BLANKET", KUMAMOTO, OWN)]
    assert blankets.quantity == 560 and blankets.status == "proposed" and 5 < blankets.km < 30
    assert flows[("S-MILK-LIQUID", FUKUOKA, OWN)].quantity == 200
    assert [s.resource.code for s in data.top_shortfalls(1)] == ["S-MILK-LIQUID"]  # 100 % short ranks first


def test_partner_freshness_flags_partners_silent_for_a_day_or_never_heard_from(drill_ws: Workspace) -> None:
    data = build_report_data(drill_ws, now=NOW)
    fresh = {f.place.code: (f.last_sequence, f.stale) for f in data.freshness}
    assert fresh == {FUKUOKA: (2, True), KUMAMOTO: (7, False), YATSUSHIRO: (None, True)}


def test_scopes_select_whose_data_the_report_holds(drill_ws: Workspace) -> None:
    own = build_report_data(drill_ws, now=NOW, scope="own")
    assert {s.place.code for s in own.stock} == {OWN} and not own.freshness and not own.meta.partners
    assert not own.has_prefecture_view
    prefecture = build_report_data(drill_ws, now=NOW, scope="prefecture")
    assert {s.place.code for s in prefecture.stock} == {OWN, KUMAMOTO}
    assert FUKUOKA not in {f.place.code for f in prefecture.freshness}
    with pytest.raises(DomainError, match="scope"):
        build_report_data(drill_ws, now=NOW, scope="nation")


def test_prefecture_view_totals_per_prefecture_and_per_municipality(drill_ws: Workspace) -> None:
    data = build_report_data(drill_ws, now=NOW)
    assert data.has_prefecture_view
    totals = {(p.prefecture, p.resource.code): (p.municipalities, p.on_hand, p.shortfall)
              for p in data.prefecture_totals}
    assert totals[("熊本県", "S-WATER")] == (2, 6500, 0)
    assert totals[("熊本県", "S-BLANKET")] == (2, 2340, 560)
    assert totals[("福岡県", "S-TARP")] == (1, 800, 0)
    towns = {m.place.code: m for m in data.municipality_totals}
    assert towns[OWN].resource_types == 4 and towns[OWN].shortfall_resources == 2
    assert towns[YATSUSHIRO].records == 0 and towns[YATSUSHIRO].last_heard is None
    by_resource = {t.resource.code: t for t in data.resource_totals}
    assert (by_resource["S-BLANKET"].on_hand, by_resource["S-BLANKET"].holders) == (2340, 2)


def test_figures_passed_in_are_used_as_given(drill_ws: Workspace) -> None:
    data = build_report_data(
        drill_ws, now=NOW, shortfalls=[ShortfallFigure(KUMAMOTO, "S-WATER", 9000, 4000, 5000)],
        transfers=[TransferFigure("S-WATER", FUKUOKA, KUMAMOTO, 100, 90.5, "committed")],
        dispatches=[DispatchFigure("P-PHN", OWN, KUMAMOTO, "熊本市役所", 2, date(2026, 11, 20), date(2026, 11, 27))],
        request_counts={"requested": 3, "accepted": 1})
    assert [(s.place.name, s.shortfall) for s in data.shortfalls] == [("熊本市", 5000)]
    assert [(t.status, t.km) for t in data.transfers] == [("committed", 90.5)]
    assert data.dispatches[0].until == date(2026, 11, 27) and data.dispatches[0].work_type.name_ja == "保健師"
    assert {r.status: r.count for r in data.requests} == {"accepted": 1, "requested": 3}
