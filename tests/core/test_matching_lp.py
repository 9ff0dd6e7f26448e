"""Optimality against an independently solved linear program (SciPy's HiGHS), on seeded random instances.

The LP is the lexicographic problem written out directly: phase 1 maximises the quantity moved, phase 2
minimises sum of quantity x km x weight with the moved quantity fixed at the phase-1 optimum. Its distances
come from the scalar haversine_km, its weights and exclusions from the preferences' plain definitions.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from disastershare.core.geo import haversine_km
from disastershare.core.matching import match
from disastershare.core.matching_flow import solve_transport
from disastershare.core.matching_model import Preferences, TransportProblem
from disastershare.core.reference_data import shipped_registry

SEEDS = range(36)


def lp_optimum(supply: np.ndarray, demand: np.ndarray, cost: np.ndarray, allowed: np.ndarray) -> tuple[float, float]:
    """(maximum quantity moved, least cost moving it) by two LPs."""
    n_s, n_r = cost.shape
    si, rj = np.nonzero(allowed)
    n = len(si)
    if n == 0:
        return 0.0, 0.0
    rows = np.concatenate((si, n_s + rj))
    a_ub = coo_matrix((np.ones(2 * n), (rows, np.tile(np.arange(n), 2))), shape=(n_s + n_r, n)).tocsr()
    b_ub = np.concatenate((supply, demand)).astype(float)
    most = linprog(-np.ones(n), A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
    assert most.status == 0
    moved = -most.fun
    cheapest = linprog(cost[si, rj], A_ub=a_ub, b_ub=b_ub, A_eq=np.ones((1, n)), b_eq=[moved], bounds=(0, None),
                       method="highs")
    assert cheapest.status == 0
    return moved, cheapest.fun


def random_instance(seed: int) -> tuple[TransportProblem, Preferences]:
    rng = np.random.default_rng(seed)
    places = list(shipped_registry())
    # some instances in one region (dense neighbourhoods), others across Japan
    if seed % 2:
        centre = places[int(rng.integers(len(places)))]
        places = [m for m in places if abs(m.lat - centre.lat) < 1.5 and abs(m.lon - centre.lon) < 1.5]
    n_s, n_r = int(rng.integers(1, 41)), int(rng.integers(1, 61))
    n_s, n_r = min(n_s, len(places) // 2), min(n_r, len(places) // 2)
    chosen = rng.choice(len(places), size=n_s + n_r, replace=False)
    senders = [places[i].code for i in chosen[:n_s]]
    receivers = [places[i].code for i in chosen[n_s:]]
    # supply-rich, demand-rich and balanced regimes
    scale = (0.5, 1.0, 2.0)[seed % 3]
    supply = {c: int(rng.integers(1, 200)) for c in senders}
    demand = {c: int(rng.integers(1, 200) * scale) + 1 for c in receivers}
    kind = seed % 4
    if kind == 0:
        preferences = Preferences()
    elif kind == 1:
        never = {(str(rng.choice(senders)), str(rng.choice(receivers))) for _ in range(5)}
        never.add((str(rng.choice(senders)), "*"))
        preferences = Preferences(never=frozenset(never), max_km=float(rng.uniform(50, 400)))
    else:
        home = str(rng.choice(receivers))
        partners = [str(c) for c in rng.choice(senders, size=max(1, n_s // 3), replace=False)]
        preferences = Preferences.for_home(home, partners, mutual_aid_factor=float(rng.uniform(0.3, 1.0)),
                                           max_km=None if kind == 2 else 300.0)
    return TransportProblem("S-WATER", supply, demand), preferences


def lp_for(problem: TransportProblem, preferences: Preferences) -> tuple[float, float]:
    registry = shipped_registry()
    senders, receivers = list(problem.supply), list(problem.demand)
    cost = np.zeros((len(senders), len(receivers)))
    allowed = np.zeros_like(cost, dtype=bool)
    for i, s in enumerate(senders):
        a = registry.get(s)
        for j, r in enumerate(receivers):
            b = registry.get(r)
            km = haversine_km(a.lat, a.lon, b.lat, b.lon)
            is_partner = frozenset((s, r)) in preferences.mutual_aid_pairs
            cost[i, j] = km * (preferences.mutual_aid_factor if is_partner else 1.0)
            never = {(s, r), (s, "*"), ("*", r)} & preferences.never
            allowed[i, j] = not never and (preferences.max_km is None or km <= preferences.max_km)
    supply = np.array([problem.supply[c] for c in senders])
    demand = np.array([problem.demand[c] for c in receivers])
    return lp_optimum(supply, demand, cost, allowed)


def check_feasible(result, problem: TransportProblem, preferences: Preferences) -> None:
    sent: dict[str, int] = {}
    got: dict[str, int] = {}
    for f in result.flows:
        assert f.quantity > 0 and not preferences.forbids(f.sender, f.receiver)
        assert preferences.max_km is None or f.km <= preferences.max_km
        sent[f.sender] = sent.get(f.sender, 0) + f.quantity
        got[f.receiver] = got.get(f.receiver, 0) + f.quantity
    assert all(q <= problem.supply[c] for c, q in sent.items())
    assert all(q <= problem.demand[c] for c, q in got.items())
    assert {(u.municipality, u.quantity) for u in result.unmet} == {
        (c, q - got.get(c, 0)) for c, q in problem.demand.items() if q > got.get(c, 0)}


@pytest.mark.parametrize("seed", SEEDS)
def test_matcher_equals_the_lp_optimum(seed: int) -> None:
    problem, preferences = random_instance(seed)
    moved, least = lp_for(problem, preferences)
    result = match([problem], shipped_registry(), preferences)
    check_feasible(result, problem, preferences)
    assert sum(f.quantity for f in result.flows) == round(moved)
    assert result.total_cost == pytest.approx(least, rel=1e-6, abs=1e-6)


@pytest.mark.parametrize("seed", SEEDS)
def test_pruning_on_and_off_give_equal_cost(seed: int) -> None:
    problem, preferences = random_instance(seed)
    registry = shipped_registry()
    dense = match([problem], registry, preferences, prune=False)
    for k in (1, 3, 8):  # small k forces the certificate to add edges over several rounds
        pruned = match([problem], registry, preferences, prune=True, k=k)
        check_feasible(pruned, problem, preferences)
        assert pruned.per_resource[0].met == dense.per_resource[0].met
        assert pruned.total_cost == pytest.approx(dense.total_cost, rel=1e-9)


@pytest.mark.parametrize("seed", range(40))
def test_certified_pruning_is_exact_on_arbitrary_integer_costs(seed: int) -> None:
    # No geometry at all: random costs (not even a metric) and random forbidden edges.
    rng = np.random.default_rng(1000 + seed)
    n_s, n_r = int(rng.integers(1, 41)), int(rng.integers(1, 61))
    cost = rng.integers(0, 10**6, size=(n_s, n_r))
    allowed = rng.random((n_s, n_r)) < (0.3, 0.7, 1.0)[seed % 3]
    supply = rng.integers(1, 100, size=n_s)
    demand = rng.integers(1, 100, size=n_r) * (1 + seed % 3)
    moved, least = lp_optimum(supply, demand, cost.astype(float), allowed)
    for k in (1, 2, 5):
        solution = solve_transport(supply, demand, cost, allowed, k=k, prune=True)
        assert allowed[solution.sender, solution.receiver].all()
        assert solution.quantity.sum() == round(moved)
        assert int((solution.quantity * cost[solution.sender, solution.receiver]).sum()) == round(least)


@pytest.mark.parametrize("seed", range(30))
def test_dominance_reduction_is_exact_with_tied_costs(seed: int) -> None:
    # Costs from a tiny range make many ties, where "strictly cheaper" matters.
    rng = np.random.default_rng(2000 + seed)
    n_s, n_r = int(rng.integers(1, 15)), int(rng.integers(1, 15))
    cost = rng.integers(0, 4, size=(n_s, n_r))
    allowed = None if seed % 2 else rng.random((n_s, n_r)) < 0.7
    supply = rng.integers(1, 30, size=n_s)
    demand = rng.integers(1, 30, size=n_r) * (1 + seed % 3)
    moved, least = lp_optimum(supply, demand, cost.astype(float), np.ones_like(cost, bool) if allowed is None
                              else allowed)
    solution = solve_transport(supply, demand, cost, allowed, k=50)  # fewer senders than k: dominance only
    assert solution.quantity.sum() == round(moved)
    assert int((solution.quantity * cost[solution.sender, solution.receiver]).sum()) == round(least)
