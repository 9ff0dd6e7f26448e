"""What the analysis views show, computed without Qt: bars per resource, map points and lines, the plan.

The views get plain values from here (ResourceBar, MapPoint, MapLine), so the charts stay drawing code only
and these functions can be tested and benchmarked on their own.

Severity (the bar chart's order and height) is the shortfall as a percentage of the need, because resource
types are counted in different units (litres of water, blankets, staff): percentages compare across them,
while the absolute shortfall is written next to each bar with its unit. A resource's severity is the higher
of its two percentages (own municipality, partners together); ties go to the larger own shortfall.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

import numpy as np
import pandas as pd

from disastershare.core.catalog import Catalog
from disastershare.core.geo import haversine_km
from disastershare.core.matching_model import Flow, MatchResult, Preferences
from disastershare.core.registry import Municipality, Registry
from disastershare.core.requests import RequestView, committed_of
from disastershare.core.shortfalls import positions
from disastershare.store.picture import load_picture
from disastershare.store.workspace import Workspace
from disastershare.sync.history import stock_series
from disastershare.sync.partners import Agreement, list_partners


@dataclass(frozen=True, slots=True)
class CommittedTransfer:
    """A request a supplier has committed to (accepted, dispatched): drawn as a solid line on the map."""

    resource: str
    sender: str
    receiver: str
    quantity: int


@dataclass(frozen=True)
class AnalysisData:
    """One consistent reading of a workspace: positions (core.shortfalls) plus what the views look up."""

    positions: pd.DataFrame
    catalog: Catalog
    registry: Registry
    home: str
    partners: tuple[str, ...] = ()
    preferences: Preferences = field(default_factory=Preferences)
    committed: tuple[CommittedTransfer, ...] = ()

    def places(self) -> list[str]:
        """Municipalities to draw: home, partners, and anyone with a position; only those in the registry."""
        return list(self._geometry)

    @cached_property
    def _geometry(self) -> dict[str, tuple[Municipality, float]]:
        """Each place with its registry entry and its distance from home in km (worked out once per reading)."""
        codes = dict.fromkeys([self.home, *self.partners, *self.positions["municipality"].unique().tolist()])
        home = self.registry.get(self.home)
        placed = {}
        for code in codes:
            m = self.registry.get(code)
            if m is not None:
                placed[code] = (m, haversine_km(home.lat, home.lon, m.lat, m.lon) if home else math.nan)
        return placed

    def place_name(self, code: str) -> str:
        found = self.registry.get(code)
        return f"{found.prefecture}{found.name}" if found else code

    def resource_label(self, code: str, language: str) -> str:
        """'毛布 [枚]': name in the UI language, then the unit the quantities are counted in."""
        rtype = self.catalog.get(code)
        if rtype is None:
            return code
        return f"{rtype.name(language)} [{rtype.unit}]" if rtype.unit else rtype.name(language)

    def unit(self, code: str) -> str:
        rtype = self.catalog.get(code)
        return rtype.unit if rtype else ""


@dataclass(frozen=True, slots=True)
class ResourceBar:
    resource: str
    own_need: int
    own_shortfall: int
    partner_need: int
    partner_shortfall: int

    @property
    def own_percent(self) -> float:
        return 100.0 * self.own_shortfall / self.own_need if self.own_need else 0.0

    @property
    def partner_percent(self) -> float:
        return 100.0 * self.partner_shortfall / self.partner_need if self.partner_need else 0.0

    @property
    def severity(self) -> float:
        return max(self.own_percent, self.partner_percent)


def resource_bars(table: pd.DataFrame, home: str) -> list[ResourceBar]:
    """One bar pair per resource type with a shortfall anywhere, most severe first (see the module doc)."""
    if table.empty:
        return []
    own = (table["municipality"] == home).to_numpy()
    need = table["need"].to_numpy()
    short = table["shortfall"].to_numpy()
    inverse, codes = pd.factorize(table["resource"])  # hashing: np.unique would sort 150,000 strings
    n = len(codes)
    sums = [np.bincount(inverse, weights=w, minlength=n).astype(np.int64)
            for w in (need * own, short * own, need * ~own, short * ~own)]
    bars = [ResourceBar(str(codes[i]), int(sums[0][i]), int(sums[1][i]), int(sums[2][i]), int(sums[3][i]))
            for i in np.flatnonzero(sums[1] + sums[3] > 0)]
    bars.sort(key=lambda b: (-b.severity, -b.own_shortfall, -b.partner_shortfall, b.resource))
    return bars


@dataclass(frozen=True, slots=True)
class MapPoint:
    code: str
    name: str  # prefecture + municipality
    short_name: str  # municipality only (the map names prefectures separately)
    lon: float
    lat: float
    need: int
    available: int
    shortfall: int
    surplus: int
    km_from_home: float
    is_home: bool


@dataclass(frozen=True, slots=True)
class MapLine:
    sender: str
    receiver: str
    quantity: int
    km: float
    committed: bool


def map_points(data: AnalysisData, resource: str | None) -> list[MapPoint]:
    """Every place of `data`, with its position on `resource` (zeros where it has none)."""
    rows: dict[str, tuple[int, int, int, int]] = {}
    if resource is not None and not data.positions.empty:
        part = data.positions[data.positions["resource"] == resource]
        rows = {m: (n, a, s, p) for m, n, a, s, p in zip(
            part["municipality"].tolist(), part["need"].tolist(), part["available"].tolist(),
            part["shortfall"].tolist(), part["surplus"].tolist(), strict=True)}
    points = []
    nothing = (0, 0, 0, 0)
    for code, (m, km) in data._geometry.items():
        need, available, shortfall, surplus = rows.get(code, nothing)
        points.append(MapPoint(code, f"{m.prefecture}{m.name}", m.name, m.lon, m.lat, need, available, shortfall,
                               surplus, km, code == data.home))
    return points


def map_lines(data: AnalysisData, flows: Sequence[Flow], resource: str | None) -> list[MapLine]:
    """Proposed flows (dashed) and committed transfers (solid) of `resource` between placed municipalities."""
    lines = [MapLine(f.sender, f.receiver, f.quantity, f.km, False) for f in flows if f.resource == resource]
    for c in data.committed:
        if c.resource != resource:
            continue
        a, b = data.registry.get(c.sender), data.registry.get(c.receiver)
        km = haversine_km(a.lat, a.lon, b.lat, b.lon) if a and b else math.nan
        lines.append(MapLine(c.sender, c.receiver, c.quantity, km, True))
    return [line for line in lines if data.registry.get(line.sender) and data.registry.get(line.receiver)]


@dataclass(frozen=True, slots=True)
class ResourceTransfers:
    """What a plan moves of one resource: how many transfers, how much in the resource's own unit."""

    resource: str
    transfers: int
    quantity: int


def transfers_by_resource(flows: Sequence[Flow]) -> dict[str, ResourceTransfers]:
    """Per resource type (quantities are only added up within one unit: litres and blankets never mix)."""
    counts: dict[str, list[int]] = {}
    for flow in flows:
        entry = counts.setdefault(flow.resource, [0, 0])
        entry[0] += 1
        entry[1] += flow.quantity
    return {code: ResourceTransfers(code, n, q) for code, (n, q) in counts.items()}


@dataclass(frozen=True, slots=True)
class Plan:
    """The transfers shown: the exact optimum, or a greedy preview while it is being computed."""

    result: MatchResult
    exact: bool

    @property
    def flows(self) -> list[Flow]:
        return self.result.flows


def load_analysis(workspace: Workspace, as_of: date | None = None) -> AnalysisData:
    """Read the workspace once: positions of every owner, partners, mutual-aid preferences, commitments."""
    picture = load_picture(workspace)
    table = positions(picture, as_of or date.today())
    partners = [p for p in list_partners(workspace) if p.enabled]
    mutual = [p.code for p in partners if p.agreement is Agreement.MUTUAL_AID]
    return AnalysisData(table, picture.catalog, picture.registry, workspace.municipality,
                        tuple(p.code for p in partners), Preferences.for_home(workspace.municipality, mutual),
                        committed_transfers(picture.requests))


def committed_transfers(requests: Sequence[RequestView]) -> tuple[CommittedTransfer, ...]:
    """Requests whose supplier has promised or sent something not yet received (supplies) or back (others)."""
    return tuple(CommittedTransfer(v.resource, v.supplier, v.requester, committed_of(v)) for v in requests
                 if committed_of(v) > 0)


class WorkspaceSource:
    """The analysis of a workspace (see analysis_controller.AnalysisSource)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def load(self) -> AnalysisData:
        self.workspace.invalidate_catalog()  # an import or snapshot may have brought local types
        return load_analysis(self.workspace)

    def stock_series(self, resource: str) -> dict[str, list[tuple[datetime, int]]]:
        return stock_series(self.workspace, resource)
