"""Shortfalls and offerable surpluses: what counts as available, what may be offered, how aggregates add up."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from disastershare.core.catalog import Catalog
from disastershare.core.records import Condition, InventoryItem, Need, NeedStatus, RecordMeta, StaffPool
from disastershare.core.reference_data import shipped_registry
from disastershare.core.shortfalls import (
    POSITION_COLUMNS,
    Period,
    Picture,
    aggregate,
    positions,
    shortfall_rows,
    shortfalls,
    surpluses,
)

TODAY = date(2026, 11, 3)
HOME, KUMAMOTO, FUKUOKA = "434434", "431001", "401307"  # 益城町, 熊本市 (熊本県); 福岡市 (福岡県)


def item(owner: str, resource: str, on_hand: int, reserved: int = 0, **kw) -> InventoryItem:
    return InventoryItem(RecordMeta(owner), resource, on_hand, reserved, **kw)


def need(owner: str, resource: str, quantity: int, status: NeedStatus = NeedStatus.OPEN) -> Need:
    return Need(RecordMeta(owner), resource, quantity, status=status)


def staff(owner: str, resource: str, headcount: int, start: date | None = None, end: date | None = None,
          max_days: int | None = None) -> StaffPool:
    return StaffPool(RecordMeta(owner), resource, headcount, start, end, max_days)


def picture(catalog: Catalog, inventory=(), pools=(), needs=()) -> Picture:
    return Picture(list(inventory), list(pools), list(needs), catalog, shipped_registry(), HOME)


def row(table, municipality: str, resource: str) -> dict:
    found = table[(table["municipality"] == municipality) & (table["resource"] == resource)]
    assert len(found) == 1
    return found.iloc[0].to_dict()


def test_shortfall_is_open_need_minus_own_usable_stock(catalog: Catalog) -> None:
    # Given 益城町 holds 120 blankets with 20 reserved and asks for 300, plus a met and a cancelled need
    pic = picture(catalog, [item(HOME, "S-BLANKET", 120, 20)],
                  needs=[need(HOME, "S-BLANKET", 250), need(HOME, "S-BLANKET", 50, NeedStatus.PARTLY_MET),
                         need(HOME, "S-BLANKET", 999, NeedStatus.MET),
                         need(HOME, "S-BLANKET", 999, NeedStatus.CANCELLED)])
    # When positions are computed
    blankets = row(positions(pic, TODAY), HOME, "S-BLANKET")
    # Then only open and partly met needs count, and reserved stock is not available
    assert (blankets["need"], blankets["available"], blankets["shortfall"], blankets["surplus"]) == (300, 100, 200, 0)
    assert (blankets["name"], blankets["prefecture"], blankets["unit"], blankets["category"]) == (
        "益城町", "熊本県", "枚", "shelter")


def test_surplus_is_usable_stock_beyond_own_needs_for_partners_too(catalog: Catalog) -> None:
    pic = picture(catalog, [item(KUMAMOTO, "S-WATER", 1000, 100)], needs=[need(KUMAMOTO, "S-WATER", 600)])
    water = row(positions(pic, TODAY), KUMAMOTO, "S-WATER")
    assert (water["available"], water["shortfall"], water["surplus"]) == (900, 0, 300)


def test_expired_supplies_and_damaged_items_are_neither_available_nor_offered(catalog: Catalog) -> None:
    pic = picture(catalog, [
        item(KUMAMOTO, "S-WATER", 500, expiry=date(2026, 11, 2)),  # expired yesterday
        item(KUMAMOTO, "S-WATER", 70, expiry=TODAY),  # still good today
        item(KUMAMOTO, "S-WATER", 30),
        item(KUMAMOTO, "E-GENERATOR", 4, condition=Condition.DAMAGED),
        item(KUMAMOTO, "E-GENERATOR", 2, condition=Condition.NEEDS_CHECK),
    ])
    table = positions(pic, TODAY)
    assert row(table, KUMAMOTO, "S-WATER")["surplus"] == 100
    assert row(table, KUMAMOTO, "E-GENERATOR")["available"] == 2
    # the day after, the 70 have expired too
    assert row(positions(pic, date(2026, 11, 4)), KUMAMOTO, "S-WATER")["available"] == 30


def test_deleted_records_are_ignored(catalog: Catalog) -> None:
    gone = item(KUMAMOTO, "S-WATER", 500)
    gone = replace(gone, meta=replace(gone.meta, deleted=True))
    pic = picture(catalog, [gone, item(KUMAMOTO, "S-WATER", 5)])
    assert row(positions(pic, TODAY), KUMAMOTO, "S-WATER")["available"] == 5


def test_staff_count_only_for_a_period_their_window_covers(catalog: Catalog) -> None:
    period = Period.of_days(date(2026, 11, 5), 7)  # 5th..11th
    pic = picture(catalog, pools=[
        staff(FUKUOKA, "P-PHN", 3, date(2026, 11, 1), date(2026, 11, 30)),  # covers
        staff(FUKUOKA, "P-PHN", 5, date(2026, 11, 6), date(2026, 11, 30)),  # starts too late
        staff(FUKUOKA, "P-PHN", 7, None, date(2026, 11, 10)),  # ends too early
        staff(FUKUOKA, "P-PHN", 2),  # no window: always
    ])
    nurses = row(positions(pic, TODAY, period), FUKUOKA, "P-PHN")
    assert (nurses["available"], nurses["surplus"]) == (5, 5)


def test_staff_offered_only_if_the_period_fits_their_maximum_dispatch_days(catalog: Catalog) -> None:
    # Given 5 nurses who may go out for at most 3 days and 4 without limit; a 7-day period
    period = Period.of_days(date(2026, 11, 5), 7)
    pools = [staff(FUKUOKA, "P-PHN", 5, max_days=3), staff(FUKUOKA, "P-PHN", 4)]
    # When the municipality itself needs 3: the 5 that cannot leave cover that, the other 4 can be offered
    table = positions(picture(catalog, pools=pools, needs=[need(FUKUOKA, "P-PHN", 3)]), TODAY, period)
    nurses = row(table, FUKUOKA, "P-PHN")
    assert (nurses["available"], nurses["dispatchable"], nurses["shortfall"], nurses["surplus"]) == (9, 4, 0, 4)
    # When it needs 7: 2 more than the stay-at-home pool, so 4 - 2 = 2 can be offered
    table = positions(picture(catalog, pools=pools, needs=[need(FUKUOKA, "P-PHN", 7)]), TODAY, period)
    assert row(table, FUKUOKA, "P-PHN")["surplus"] == 2
    # For a 3-day period all 9 may leave
    table = positions(picture(catalog, pools=pools), TODAY, Period.of_days(date(2026, 11, 5), 3))
    assert row(table, FUKUOKA, "P-PHN")["surplus"] == 9


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Period(date(2026, 11, 5), date(2026, 11, 4))


def test_empty_picture_gives_an_empty_table_with_the_documented_columns(catalog: Catalog) -> None:
    table = positions(picture(catalog), TODAY)
    assert list(table.columns) == POSITION_COLUMNS and len(table) == 0
    assert shortfall_rows(table) == []


def _kumamoto_and_fukuoka(catalog: Catalog) -> Picture:
    return picture(catalog, [item(KUMAMOTO, "S-BLANKET", 500), item(FUKUOKA, "S-TARP", 40)],
                   needs=[need(HOME, "S-BLANKET", 300), need(FUKUOKA, "S-BLANKET", 80), need(HOME, "S-TARP", 25)])


def test_prefecture_aggregate_adds_shortfalls_without_netting_surpluses(catalog: Catalog) -> None:
    table = positions(_kumamoto_and_fukuoka(catalog), TODAY)
    by_pref = aggregate(table, "prefecture").set_index(["prefecture", "resource"])
    kumamoto_blankets = by_pref.loc[("熊本県", "S-BLANKET")]
    # 熊本市's 500 spare blankets do not hide 益城町's 300 gap
    assert (kumamoto_blankets["shortfall"], kumamoto_blankets["surplus"]) == (300, 500)
    assert kumamoto_blankets["municipalities_short"] == 1
    assert by_pref.loc[("福岡県", "S-BLANKET")]["shortfall"] == 80


def test_group_aggregate_uses_the_given_mapping_and_leaves_others_out(catalog: Catalog) -> None:
    table = positions(_kumamoto_and_fukuoka(catalog), TODAY)
    groups = {HOME: "九州A", FUKUOKA: "九州A"}
    by_group = aggregate(table, "group", groups).set_index(["group", "resource"])
    assert by_group.loc[("九州A", "S-BLANKET")]["shortfall"] == 380
    assert by_group.loc[("九州A", "S-BLANKET")]["surplus"] == 0  # 熊本市 is not in the group
    assert set(by_group.index.get_level_values("group")) == {"九州A"}


def test_category_aggregate_sums_types_and_lists_their_units(catalog: Catalog) -> None:
    table = positions(_kumamoto_and_fukuoka(catalog), TODAY)
    home = aggregate(table, "category").set_index(["municipality", "category"]).loc[(HOME, "shelter")]
    assert (home["shortfall"], home["resources_short"], home["units"]) == (325, 2, "枚")


def test_shortfall_rows_follow_the_cli_contract(catalog: Catalog) -> None:
    table = positions(_kumamoto_and_fukuoka(catalog), TODAY)
    rows = shortfall_rows(table)
    assert {(r["municipality"], r["resource"], r["shortfall"]) for r in rows} == {
        (HOME, "S-BLANKET", 300), (FUKUOKA, "S-BLANKET", 80), (HOME, "S-TARP", 25)}
    assert all({"municipality", "resource", "need", "available", "shortfall"} <= r.keys() for r in rows)
    assert all(type(r["need"]) is int for r in rows)
    assert len(shortfall_rows(table, everything=True)) == len(table) == 5
    assert set(shortfalls(table)["municipality"]) == {HOME, FUKUOKA}
    assert set(surpluses(table)["municipality"]) == {KUMAMOTO, FUKUOKA}


def test_unknown_grouping_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="unknown grouping"):
        aggregate(positions(picture(catalog), TODAY), "galaxy")  # type: ignore[arg-type]
