"""shortfalls and match on real workspaces: JSON contract shapes, preferences, exit codes.

Partners' records normally arrive by snapshot import; here they are written straight into the workspace's
tables for another owner, which is all the engine sees of them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from disastershare.core.geo import haversine_km
from disastershare.core.records import InventoryItem, Need, RecordMeta, StaffPool
from disastershare.core.reference_data import shipped_registry
from disastershare.store.record_mapping import table_for, to_row
from disastershare.store.workspace import Workspace

HOME = "434434"  # 益城町
KUMAMOTO, FUKUOKA = "431001", "401307"  # 熊本市 10.2 km away, 福岡市 95.9 km away
KIKUYO, MIFUNE = "434043", "434418"  # 菊陽町 7.0 km, 御船町 9.7 km


def km(a: str, b: str) -> float:
    pa, pb = shipped_registry().get(a), shipped_registry().get(b)
    return haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace.create(tmp_path / "ws", HOME)
    yield workspace
    workspace.close()


def add_partner(ws: Workspace, record) -> None:
    """A partner's mirrored record, as snapshot import would leave it."""
    record.meta.revision, record.meta.updated_at = 1, datetime.now(UTC)
    with ws.engine.begin() as conn:
        conn.execute(insert(table_for(type(record)).__table__).values(**to_row(record)))


@pytest.fixture
def water(ws: Workspace) -> Workspace:
    """益城町 needs 500 L of water and has 100 blankets spare; 熊本市 offers 300 L, 福岡市 1000 L."""
    ws.needs.add(Need(RecordMeta(HOME), "S-WATER", 500))
    ws.inventory.add(InventoryItem(RecordMeta(HOME), "S-BLANKET", 120, reserved=20))
    add_partner(ws, InventoryItem(RecordMeta(KUMAMOTO), "S-WATER", 300))
    add_partner(ws, InventoryItem(RecordMeta(FUKUOKA), "S-WATER", 1000))
    add_partner(ws, Need(RecordMeta(FUKUOKA), "S-BLANKET", 30))
    return ws


def test_shortfalls_json_lists_own_and_partner_gaps(cli, water: Workspace) -> None:
    result = cli("shortfalls", "--format", "json")
    assert result.code == 0, result.err
    rows = {(r["municipality"], r["resource"]): r for r in result.json()}
    assert set(rows) == {(HOME, "S-WATER"), (FUKUOKA, "S-BLANKET")}
    home = rows[(HOME, "S-WATER")]
    assert {k: home[k] for k in ("municipality", "resource", "need", "available", "shortfall")} == {
        "municipality": HOME, "resource": "S-WATER", "need": 500, "available": 0, "shortfall": 500}
    assert home["unit"] == "L" and home["name"] == "益城町"


def test_shortfalls_all_and_filters(cli, water: Workspace) -> None:
    everything = cli("shortfalls", "--all", "--format", "json").json()
    assert {(r["municipality"], r["resource"], r["surplus"]) for r in everything} >= {
        (KUMAMOTO, "S-WATER", 300), (HOME, "S-BLANKET", 100)}
    only = cli("shortfalls", "--resource", "S-BLANKET", "--format", "json").json()
    assert [(r["municipality"], r["shortfall"]) for r in only] == [(FUKUOKA, 30)]
    by_pref = cli("shortfalls", "--by", "prefecture", "--format", "json").json()
    assert {(r["prefecture"], r["resource"], r["shortfall"]) for r in by_pref} == {
        ("熊本県", "S-WATER", 500), ("福岡県", "S-BLANKET", 30)}
    by_cat = cli("shortfalls", "--by", "category", "--format", "csv")
    assert by_cat.code == 0 and by_cat.out.splitlines()[0].startswith("municipality,name,category")


def test_shortfalls_table_is_readable(cli, water: Workspace) -> None:
    result = cli("shortfalls")
    assert result.code == 0 and "益城町" in result.out and "S-WATER" in result.out and "500" in result.out


def test_match_json_follows_the_contract_and_is_optimal(cli, water: Workspace) -> None:
    result = cli("match", "--format", "json")
    assert result.code == 0, result.err
    doc = result.json()
    assert set(doc) >= {"flows", "unmet", "total_cost"}
    flows = {(f["resource"], f["from"], f["to"]): f for f in doc["flows"]}
    # water: the nearer 熊本市 gives all 300, 福岡市 the remaining 200; blankets: 益城町's 100 spare cover 福岡's 30
    assert {k: f["quantity"] for k, f in flows.items()} == {
        ("S-WATER", KUMAMOTO, HOME): 300, ("S-WATER", FUKUOKA, HOME): 200, ("S-BLANKET", HOME, FUKUOKA): 30}
    assert all(set(f) >= {"resource", "from", "to", "quantity", "km"} for f in doc["flows"])
    assert flows[("S-WATER", KUMAMOTO, HOME)]["km"] == pytest.approx(km(KUMAMOTO, HOME), abs=1e-3)
    expected = 300 * km(KUMAMOTO, HOME) + 200 * km(FUKUOKA, HOME) + 30 * km(HOME, FUKUOKA)
    assert doc["total_cost"] == pytest.approx(expected, rel=1e-9)
    assert doc["unmet"] == []


def test_match_reports_unmet_and_honours_max_km(cli, water: Workspace) -> None:
    doc = cli("match", "--resource", "S-WATER", "--max-km", "50", "--format", "json").json()
    assert [(f["from"], f["quantity"]) for f in doc["flows"]] == [(KUMAMOTO, 300)]
    assert doc["unmet"] == [{"resource": "S-WATER", "municipality": HOME, "quantity": 200, "unit": "L",
                             "name": "益城町"}]
    assert doc["total_cost"] == pytest.approx(300 * km(KUMAMOTO, HOME), rel=1e-9)


def test_match_honours_never_pairs(cli, water: Workspace) -> None:
    doc = cli("match", "--resource", "S-WATER", "--never", f"{KUMAMOTO}:{HOME}", "--format", "json").json()
    assert [(f["from"], f["quantity"]) for f in doc["flows"]] == [(FUKUOKA, 500)]
    doc = cli("match", "--never", f"{KUMAMOTO}:*,{HOME}:*", "--format", "json").json()
    assert {(f["from"], f["quantity"]) for f in doc["flows"]} == {(FUKUOKA, 500)}
    assert doc["unmet"][0]["municipality"] == FUKUOKA  # 益城町 keeps its blankets


def test_mutual_aid_preference_changes_the_proposal(cli, ws: Workspace) -> None:
    # 益城町 needs 100 blankets; 菊陽町 (7.0 km) and 御船町 (9.7 km) each offer 100.
    ws.needs.add(Need(RecordMeta(HOME), "S-BLANKET", 100))
    add_partner(ws, InventoryItem(RecordMeta(KIKUYO), "S-BLANKET", 100))
    add_partner(ws, InventoryItem(RecordMeta(MIFUNE), "S-BLANKET", 100))
    assert 0.8 * km(MIFUNE, HOME) > km(KIKUYO, HOME) > 0.7 * km(MIFUNE, HOME)

    def sender(*extra: str) -> str:
        doc = cli("match", "--format", "json", *extra).json()
        assert len(doc["flows"]) == 1
        return doc["flows"][0]["from"]

    assert sender() == KIKUYO
    assert sender("--prefer-mutual-aid", MIFUNE) == KIKUYO  # 9.7 x 0.8 = 7.75 km still beats 7.0
    assert sender("--prefer-mutual-aid", MIFUNE, "--mutual-aid-factor", "0.7") == MIFUNE  # 6.8 km


def test_staff_are_offered_only_for_a_period_within_their_dispatch_limit(cli, ws: Workspace) -> None:
    ws.needs.add(Need(RecordMeta(HOME), "P-PHN", 2))
    add_partner(ws, StaffPool(RecordMeta(KUMAMOTO), "P-PHN", 4, date(2026, 11, 1), date(2026, 11, 30), 3))
    three = cli("match", "--date", "2026-11-05", "--days", "3", "--format", "json").json()
    assert [(f["from"], f["quantity"]) for f in three["flows"]] == [(KUMAMOTO, 2)]
    seven = cli("match", "--date", "2026-11-05", "--days", "7", "--format", "json").json()
    assert seven["flows"] == [] and seven["unmet"][0]["quantity"] == 2


def test_expired_and_reserved_stock_is_not_offered(cli, ws: Workspace) -> None:
    ws.needs.add(Need(RecordMeta(HOME), "S-WATER", 100))
    add_partner(ws, InventoryItem(RecordMeta(KUMAMOTO), "S-WATER", 80, reserved=50))
    add_partner(ws, InventoryItem(RecordMeta(KUMAMOTO), "S-WATER", 500, expiry=date(2026, 1, 1)))
    doc = cli("match", "--date", "2026-06-01", "--format", "json").json()
    assert [(f["from"], f["quantity"]) for f in doc["flows"]] == [(KUMAMOTO, 30)]
    assert doc["unmet"][0]["quantity"] == 70


def test_match_csv_and_table_show_flows_unmet_and_total(cli, water: Workspace) -> None:
    csv_out = cli("match", "--max-km", "50", "--format", "csv")
    assert csv_out.code == 0
    lines = csv_out.out.splitlines()
    assert lines[0] == "row,resource,from,from_name,to,to_name,quantity,unit,km,weight,cost"
    assert [line.split(",")[0] for line in lines[1:]] == ["flow", "unmet", "unmet", "total"]
    table = cli("match", "--max-km", "50")
    assert table.code == 0
    assert "Transfers:" in table.out and "Unmet:" in table.out and "Total cost:" in table.out


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("shortfalls", "--resource", "S-NOPE"), "unknown resource code 'S-NOPE'"),
        (("match", "--resource", "S-NOPE"), "unknown resource code 'S-NOPE'"),
        (("match", "--never", "431001"), "FROM:TO"),
        (("match", "--never", "431002:434434"), "check digit"),
        (("match", "--prefer-mutual-aid", "12"), "6 digits"),
        (("match", "--mutual-aid-factor", "1.5"), "mutual-aid factor"),
        (("match", "--max-km", "-3"), "maximum distance"),
        (("match", "--date", "yesterday"), "not a date"),
        (("shortfalls", "--days", "0"), "at least 1"),
    ],
)
def test_user_errors_exit_2_with_one_line(cli, water: Workspace, args: tuple[str, ...], reason: str) -> None:
    result = cli(*args, "--format", "json")
    assert result.code == 2
    assert reason in result.err and len(result.err.strip().splitlines()) == 1
    assert result.out == ""


def test_help_documents_the_objective_and_weights(cli) -> None:
    result = cli("match", "--help")
    assert result.code == 0
    for words in ("km x weight", "haversine", "6371.0088", "--mutual-aid-factor", "0.8", "min-cost maximum flow"):
        assert words in result.out


def test_an_empty_workspace_has_nothing_to_report(cli, ws: Workspace) -> None:
    assert cli("shortfalls", "--format", "json").json() == []
    assert cli("match", "--format", "json").json()["flows"] == []
