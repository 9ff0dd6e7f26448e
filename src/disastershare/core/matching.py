"""Who sends what to whom: the optimal transfer plan, one min-cost transportation problem per resource type.

The objective is stated in core.matching_model (maximise the quantity moved, then minimise
sum of quantity x great-circle km x weight). The exact solver is core.matching_flow (OR-Tools SimpleMinCostFlow on
as few edges as can be proven enough); why its reductions lose nothing is written down there and in
core.matching_certificate. Distances are haversine km between registry coordinates (core.geo, R = 6371.0088 km).

Costs go to the solver as whole millimetres (km x weight x 1,000,000, rounded), so the plan is optimal for the
rounded costs; any plan's rounded cost is within half a millimetre per unit of its true cost, hence the plan's
true cost exceeds the true optimum by at most 1 mm per unit moved. Reported km and costs are the unrounded
values. Resolution drops to metres (and further) only if quantities are so large that int64 could overflow.

`match_steps` is a plain generator yielding (resources_done, resources_total) and returning the MatchResult,
so a GUI worker can show progress and cancel (stop iterating); `match` simply drains it.
`preview_nearest_first` is a quick greedy plan for display while the exact one runs; it is never the answer.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Sequence

import numpy as np
import pandas as pd

from disastershare.core.errors import DomainError
from disastershare.core.geo import DistanceTable
from disastershare.core.matching_flow import DEFAULT_K, solve_transport
from disastershare.core.matching_model import (
    ANY,
    Flow,
    MatchResult,
    Preferences,
    ResourceMatch,
    TransportProblem,
    Unmet,
)
from disastershare.core.registry import Registry

COST_UNITS_PER_KM = 1_000_000  # millimetres
_INT64_HEADROOM = 2**62
MatchProgress = Generator[tuple[int, int], None, MatchResult]


def transport_problems(table: pd.DataFrame, resources: Iterable[str] | None = None) -> list[TransportProblem]:
    """One problem per resource type with both a surplus somewhere and a shortfall somewhere, from positions."""
    wanted = set(resources) if resources is not None else None
    problems = []
    for resource, rows in table.groupby("resource", sort=True):
        if wanted is not None and resource not in wanted:
            continue
        offer, short = rows[rows["surplus"] > 0], rows[rows["shortfall"] > 0]
        if len(short):
            problems.append(TransportProblem(
                str(resource), dict(zip(offer["municipality"], offer["surplus"].tolist(), strict=True)),
                dict(zip(short["municipality"], short["shortfall"].tolist(), strict=True))))
    return problems


def match_steps(problems: Sequence[TransportProblem], registry: Registry, preferences: Preferences | None = None,
                *, k: int = DEFAULT_K, prune: bool | None = None) -> MatchProgress:
    """Solve each problem exactly; yields (done, total) before the first and after each resource type."""
    preferences = preferences or Preferences()
    total = len(problems)
    yield 0, total
    senders = {c for p in problems for c, q in p.supply.items() if q > 0}
    receivers = {c for p in problems for c, q in p.demand.items() if q > 0}
    table = DistanceTable(registry, sorted(senders), sorted(receivers))
    done: list[ResourceMatch] = []
    for problem in problems:
        done.append(match_resource(problem, table, preferences, k=k, prune=prune))
        yield len(done), total
    return MatchResult(tuple(done), preferences)


def match(problems: Sequence[TransportProblem], registry: Registry, preferences: Preferences | None = None,
          *, k: int = DEFAULT_K, prune: bool | None = None) -> MatchResult:
    """match_steps run to the end."""
    steps = match_steps(problems, registry, preferences, k=k, prune=prune)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def match_resource(problem: TransportProblem, table: DistanceTable, preferences: Preferences, *,
                   k: int = DEFAULT_K, prune: bool | None = None) -> ResourceMatch:
    """The optimal plan for one resource type; table must hold its senders and receivers. Municipalities
    missing from the registry cannot be placed: their offers are left out and their shortfall is reported unmet."""
    rows, cols = table.origins, table.destinations
    senders = sorted([c for c, q in problem.supply.items() if q > 0 and c in rows])
    receivers = sorted([c for c, q in problem.demand.items() if q > 0 and c in cols])
    supply = np.array([problem.supply[c] for c in senders], dtype=np.int64)
    demand = np.array([problem.demand[c] for c in receivers], dtype=np.int64)
    km = table.block(np.array([rows[c] for c in senders], dtype=np.intp),
                     np.array([cols[c] for c in receivers], dtype=np.intp))
    weight = _weights(preferences, senders, receivers)
    allowed = _allowed(preferences, senders, receivers, km)
    weighted = km if weight is None else km * weight  # weights are at most 1: table.longest bounds every cost
    scale = _cost_scale(table.longest, min(int(supply.sum()), int(demand.sum())), len(senders) + len(receivers))
    cost = np.rint(weighted * scale).astype(np.int64)
    solution = solve_transport(supply, demand, cost, allowed, k=k, prune=prune)

    # flows come sender by sender, then receiver by receiver (both sorted by code)
    si, rj, qty = solution.sender, solution.receiver, solution.quantity
    flow_km = km[si, rj].tolist()
    flow_weight = [1.0] * len(si) if weight is None else weight[si, rj].tolist()
    resource = problem.resource
    flows = tuple(Flow(resource, senders[i], receivers[j], q, d, w)
                  for i, j, q, d, w in zip(si.tolist(), rj.tolist(), qty.tolist(), flow_km, flow_weight, strict=True))
    short = demand - np.bincount(rj, weights=qty, minlength=len(receivers)).astype(np.int64)
    unmet = [Unmet(resource, receivers[j], q) for j, q in enumerate(short.tolist()) if q > 0]
    unmet += [Unmet(resource, c, q) for c, q in problem.demand.items() if q > 0 and c not in cols]
    unmet.sort(key=lambda u: u.municipality)
    edges_total = int(allowed.sum()) if allowed is not None else len(senders) * len(receivers)
    return ResourceMatch(resource, flows, tuple(unmet), sum(problem.demand.values()), sum(problem.supply.values()),
                         solution.rounds, solution.edges_solved, edges_total, solution.method)


def _weights(preferences: Preferences, senders: list[str], receivers: list[str]) -> np.ndarray | None:
    """Per-edge weight matrix, or None when every weight is 1 (no mutual-aid pair among these places)."""
    if not preferences.mutual_aid_pairs:
        return None
    s_pos = {c: i for i, c in enumerate(senders)}
    r_pos = {c: j for j, c in enumerate(receivers)}
    weight: np.ndarray | None = None
    for pair in preferences.mutual_aid_pairs:
        if len(pair) != 2:  # a municipality has no agreement with itself
            continue
        a, b = pair
        for s, r in ((a, b), (b, a)):
            if s in s_pos and r in r_pos:
                if weight is None:
                    weight = np.ones((len(senders), len(receivers)))
                weight[s_pos[s], r_pos[r]] = preferences.mutual_aid_factor
    return weight


def _allowed(preferences: Preferences, senders: list[str], receivers: list[str],
             km: np.ndarray) -> np.ndarray | None:
    """Edge mask from max_km and the never-send pairs, or None when every edge is allowed."""
    allowed = None if preferences.max_km is None else km <= preferences.max_km
    if preferences.never:
        s_pos = {c: i for i, c in enumerate(senders)}
        r_pos = {c: j for j, c in enumerate(receivers)}
        if allowed is None:
            allowed = np.ones(km.shape, dtype=bool)
        for s, r in preferences.never:
            rows = slice(None) if s == ANY else s_pos.get(s)
            cols = slice(None) if r == ANY else r_pos.get(r)
            if rows is not None and cols is not None:
                allowed[rows, cols] = False
    return allowed


def _cost_scale(max_weighted_km: float, flow_bound: int, nodes: int) -> int:
    """Cost units per km: millimetres unless the solver's int64 arithmetic could overflow."""
    scale = COST_UNITS_PER_KM
    # OR-Tools multiplies costs by (nodes + 1) internally and sums flow x cost; keep both within int64.
    def fits(units: int) -> bool:
        return (max_weighted_km * units + 1) * max(flow_bound, nodes + 1) <= _INT64_HEADROOM

    while scale > 1 and not fits(scale):
        scale //= 10
    if not fits(scale):
        raise DomainError(f"quantities too large to plan exactly (up to {flow_bound:,} units to move)")
    return scale


def preview_nearest_first(problem: TransportProblem, registry: Registry,
                          preferences: Preferences | None = None) -> ResourceMatch:
    """A greedy plan (cheapest edge first) to show while the exact plan is computed. Not optimal in general."""
    preferences = preferences or Preferences()
    table = DistanceTable(registry, problem.supply, problem.demand)
    senders, receivers = list(table.origins), list(table.destinations)
    km = table.km
    left = {c: problem.supply[c] for c in senders}
    lack = dict(problem.demand)
    edges = sorted((km[i, j] * preferences.weight(s, r), i, j) for i, s in enumerate(senders)
                   for j, r in enumerate(receivers)
                   if not preferences.forbids(s, r) and (preferences.max_km is None or km[i, j] <= preferences.max_km))
    flows = []
    for _, i, j in edges:
        s, r = senders[i], receivers[j]
        q = min(left[s], lack[r])
        if q > 0:
            left[s] -= q
            lack[r] -= q
            flows.append(Flow(problem.resource, s, r, q, float(km[i, j]), preferences.weight(s, r)))
    unmet = tuple(Unmet(problem.resource, c, q) for c, q in sorted(lack.items()) if q > 0)
    return ResourceMatch(problem.resource, tuple(flows), unmet, sum(problem.demand.values()),
                         sum(problem.supply.values()), rounds=0, method="greedy preview")
