"""Shortfalls and offerable surpluses per municipality and resource type (pandas), with aggregates.

One table, the *positions*, holds a row per municipality x resource type that has any stock or open need,
own and partners' alike (partners' mirrored records are ordinary records with another owner):

  municipality, name, prefecture   who (name and prefecture from the registry; "" if unknown)
  resource, kind, category, unit   what (from the catalog; "" for a partner's local type not known here)
  need         open needs: quantity of needs whose status is open or partly_met (the quantity still asked)
  incoming     the part of those needs covered by requests to partners (core.requests.incoming_of: asked and
               waiting, or accepted, until returned; a decline or cancellation gives the gap back)
  committed    promised or sent to partners' requests and not back yet (core.requests.committed_of); staff
               requests count only if their period overlaps the period asked
  available    what the municipality itself can use: on hand - reserved of items neither damaged nor expired
               (expired: expiry date before `as_of`); for staff, the headcount of pools whose availability
               window covers the whole period asked; minus `committed`, at least 0
  dispatchable the part of `available` that may be sent away: all of it for supplies and equipment; for staff,
               only pools whose maximum dispatch days are at least the period's length; minus `committed`
  shortfall    max(need - incoming - available, 0)
  surplus      what can be offered: dispatchable - (the need, less incoming, not already covered by stock that
               cannot be sent), at least 0. For supplies and equipment this is max(available - need + incoming, 0).

Shortfall and surplus exclude each other, so a municipality is a receiver or a sender per resource, not both.
Aggregates add municipal shortfalls and surpluses up; they never net one town's surplus against another's gap,
because stock does not move until a transfer is agreed (netting is the matcher's job).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

import pandas as pd

from disastershare.core.catalog import Catalog
from disastershare.core.expiry import available_quantity, is_usable
from disastershare.core.records import InventoryItem, Need, NeedStatus, StaffPool
from disastershare.core.registry import Registry
from disastershare.core.requests import RequestView, committed_quantities, incoming_quantities

QUANTITIES = ["need", "available", "dispatchable", "shortfall", "surplus", "incoming", "committed"]
POSITION_COLUMNS = ["municipality", "name", "prefecture", "resource", "kind", "category", "unit", *QUANTITIES]
OPEN_STATUSES = frozenset({NeedStatus.OPEN, NeedStatus.PARTLY_MET})
Grouping = Literal["municipality", "prefecture", "group", "category"]
GROUPINGS: tuple[str, ...] = ("municipality", "prefecture", "group", "category")


@dataclass(frozen=True, slots=True)
class Period:
    """Days staff would be dispatched, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def of_days(cls, start: date, days: int = 1) -> Period:
        return cls(start, start + timedelta(days=days - 1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Picture:
    """Everything the shortfall and matching engine reads: every owner's live records and reference data."""

    inventory: Sequence[InventoryItem]
    staff: Sequence[StaffPool]
    needs: Sequence[Need]
    catalog: Catalog
    registry: Registry
    home: str | None = None  # the workspace's own municipality, if any
    requests: Sequence[RequestView] = ()  # every request known, as both sides' records tell it


def positions(picture: Picture, as_of: date, period: Period | None = None) -> pd.DataFrame:
    """The positions table (columns POSITION_COLUMNS, documented above), sorted by municipality, resource.

    period defaults to the single day as_of. Deleted records (tombstones) are ignored.
    """
    period = period or Period(as_of, as_of)
    # municipality, resource, need, available, dispatchable, incoming, committed
    rows: list[tuple[str, str, int, int, int, int, int]] = []
    for item in picture.inventory:
        if not is_usable(item, as_of):  # deleted, damaged or expired (the rule reports and listings share)
            continue
        usable = available_quantity(item, as_of)
        rows.append((item.meta.owner, item.resource, 0, usable, usable, 0, 0))
    for pool in picture.staff:
        if pool.meta.deleted or not _covers(pool, period):
            continue
        sendable = pool.max_dispatch_days is None or period.days <= pool.max_dispatch_days
        rows.append((pool.meta.owner, pool.resource, 0, pool.headcount, pool.headcount if sendable else 0, 0, 0))
    for need in picture.needs:
        if not need.meta.deleted and need.status in OPEN_STATUSES:
            rows.append((need.meta.owner, need.resource, need.quantity, 0, 0, 0, 0))
    window = (period.start, period.end)
    rows += [(who, res, 0, 0, 0, q, 0) for (who, res), q in incoming_quantities(picture.requests, window).items()]
    rows += [(who, res, 0, 0, 0, 0, q) for (who, res), q in committed_quantities(picture.requests, window).items()]
    frame = pd.DataFrame(rows, columns=["municipality", "resource", "need", "available", "dispatchable", "incoming",
                                        "committed"])
    frame = frame.groupby(["municipality", "resource"], as_index=False, sort=True).sum()
    frame["available"] = (frame["available"] - frame["committed"]).clip(lower=0)
    frame["dispatchable"] = (frame["dispatchable"] - frame["committed"]).clip(lower=0)
    uncovered = (frame["need"] - frame["incoming"]).clip(lower=0)
    frame["shortfall"] = (uncovered - frame["available"]).clip(lower=0)
    kept_at_home = frame["available"] - frame["dispatchable"]
    frame["surplus"] = (frame["dispatchable"] - (uncovered - kept_at_home).clip(lower=0)).clip(lower=0)
    _describe(frame, picture.catalog, picture.registry)
    return frame[POSITION_COLUMNS].astype({q: "int64" for q in QUANTITIES})


def _covers(pool: StaffPool, period: Period) -> bool:
    return ((pool.available_from is None or pool.available_from <= period.start)
            and (pool.available_to is None or pool.available_to >= period.end))


def _describe(frame: pd.DataFrame, catalog: Catalog, registry: Registry) -> None:
    """Add names from the registry and kind/category/unit from the catalog, in place."""
    places = {c: registry.get(c) for c in frame["municipality"].unique()}
    frame["name"] = frame["municipality"].map(lambda c: places[c].name if places[c] else "")
    frame["prefecture"] = frame["municipality"].map(lambda c: places[c].prefecture if places[c] else "")
    types = {c: catalog.get(c) for c in frame["resource"].unique()}
    frame["kind"] = frame["resource"].map(lambda c: types[c].kind.value if types[c] else "")
    frame["category"] = frame["resource"].map(lambda c: types[c].category if types[c] else "")
    frame["unit"] = frame["resource"].map(lambda c: types[c].unit if types[c] else "")


def shortfalls(table: pd.DataFrame) -> pd.DataFrame:
    """Rows with a shortfall, largest first within each resource."""
    return table[table["shortfall"] > 0].sort_values(["resource", "shortfall"], ascending=[True, False])


def surpluses(table: pd.DataFrame) -> pd.DataFrame:
    """Rows with something to offer."""
    return table[table["surplus"] > 0]


def aggregate(table: pd.DataFrame, by: Grouping, groups: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Sum need, available, dispatchable, shortfall and surplus by one dimension.

    municipality: the positions unchanged.  prefecture / group: one row per prefecture (or agreement group,
    from `groups`, a mapping municipality code -> group name; municipalities outside it are left out) and
    resource, with `municipalities_short` counting those with a shortfall.  category: one row per municipality
    and resource category, with `resources_short` counting the types short and `units` listing the units added
    up (a category mixes units, e.g. blankets and tarpaulins, so its sums are indicative only).
    """
    if by == "municipality":
        return table
    short = (table["shortfall"] > 0).astype("int64")
    if by in ("prefecture", "group"):
        frame = table.assign(municipalities_short=short)
        if by == "group":
            frame = frame.assign(group=frame["municipality"].map(groups or {})).dropna(subset=["group"])
        keys = [by, "resource", "kind", "category", "unit"]
        return frame.groupby(keys, as_index=False, sort=True)[[*QUANTITIES, "municipalities_short"]].sum()
    if by == "category":
        frame = table.assign(resources_short=short)
        keys = ["municipality", "name", "prefecture", "category"]
        summed = frame.groupby(keys, as_index=False, sort=True)[[*QUANTITIES, "resources_short"]].sum()
        units = frame.groupby(keys, sort=True)["unit"].agg(lambda u: ",".join(sorted(set(u) - {""})))
        return summed.assign(units=units.to_numpy())
    raise ValueError(f"unknown grouping {by!r}; expected one of {', '.join(GROUPINGS)}")


def shortfall_rows(table: pd.DataFrame, by: Grouping = "municipality", groups: Mapping[str, str] | None = None,
                   everything: bool = False) -> list[dict[str, Any]]:
    """JSON-ready rows for `disastershare shortfalls`: rows with a shortfall (all rows if everything).

    by=municipality gives the contract shape {"municipality", "resource", "need", "available", "shortfall"}
    plus name, prefecture, kind, category, unit, dispatchable and surplus.
    """
    frame = aggregate(table, by, groups)
    if not everything:
        frame = frame[frame["shortfall"] > 0]
    return [{k: (int(v) if k in QUANTITIES or k.endswith("_short") else v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")]
