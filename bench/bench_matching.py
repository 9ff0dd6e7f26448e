"""The matcher against a dense baseline, on a national and a regional instance (seeded, reproducible).

national: all 1,916 municipalities of the shipped registry, 80 resource types (the 55 catalog types and 25
          synthetic ones); per type each municipality offers a surplus with probability 0.3, lacks with
          probability 0.2. Built as records and turned into positions by core.shortfalls, as the app does.
regional: a Noto-peninsula-like disaster: large shortfalls in 6 neighbouring towns (七尾, 輪島, 珠洲, 志賀,
          穴水, 能登), 150 partner senders (the 100 nearest municipalities and 50 random ones elsewhere).

The baseline solves the same problems densely - every allowed edge, one OR-Tools SimpleMinCostFlow
(solve_max_flow_with_min_cost) per resource type, distances computed per block - with the same integer costs.
Prints both times (best of several interleaved runs: the machine may be shared), their ratio, that both reach
the same maximum flow and cost, and peak memory. For a like-for-like view it also times the app's own code path
solving every type whole (prune=False) and, where the app chose otherwise, with certified pruning forced.
Usage: .venv/bin/python bench/bench_matching.py [SEED]
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from datetime import date

import numpy as np
from ortools.graph.python import min_cost_flow

from disastershare.core.catalog import ResourceKind, ResourceType
from disastershare.core.geo import distance_matrix_km
from disastershare.core.matching import COST_UNITS_PER_KM, match, transport_problems
from disastershare.core.matching_model import TransportProblem
from disastershare.core.records import InventoryItem, Need, RecordMeta
from disastershare.core.reference_data import shipped_catalog, shipped_registry
from disastershare.core.registry import Registry
from disastershare.core.shortfalls import Picture, positions

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20240101
TODAY = date(2026, 1, 2)
NOTO = ["172022", "172049", "172057", "173843", "174611", "174637"]


def resource_codes() -> tuple[list[str], list[ResourceType]]:
    shared = [t.code for t in shipped_catalog()]
    synthetic = [ResourceType(f"X-SYN-{n:02d}", ResourceKind.SUPPLY, f"合成{n}", f"Synthetic {n}", "個", "synthetic")
                 for n in range(1, 26)]
    return shared + [t.code for t in synthetic], synthetic


def national_picture(rng: np.random.Generator) -> Picture:
    """Stock and needs for every municipality; staff types are given as plain counts too (only the counts
    reach the matcher)."""
    registry = shipped_registry()
    codes, synthetic = resource_codes()
    inventory, needs = [], []
    for code in codes:
        role = rng.random(len(registry))
        for m, r in zip(registry, role, strict=True):
            if r < 0.3:
                inventory.append(InventoryItem(RecordMeta(m.code), code, int(rng.integers(1, 500))))
            elif r < 0.5:
                needs.append(Need(RecordMeta(m.code), code, int(rng.integers(1, 500))))
    return Picture(inventory, [], needs, shipped_catalog().with_types(synthetic), registry)


def regional_problems(rng: np.random.Generator, registry: Registry) -> list[TransportProblem]:
    hit = [registry.require(c) for c in NOTO]
    lat0, lon0 = np.mean([m.lat for m in hit]), np.mean([m.lon for m in hit])
    others = [m for m in registry if m.code not in NOTO]
    km = distance_matrix_km([lat0], [lon0], [m.lat for m in others], [m.lon for m in others])[0]
    order = np.argsort(km)
    far = rng.choice(order[100:], size=50, replace=False)
    senders = [others[i].code for i in (*order[:100], *far)]
    problems = []
    for code in resource_codes()[0]:
        scale = rng.uniform(0.3, 2.0)
        supply = {c: int(rng.integers(10, 400)) for c in senders if rng.random() < 0.6}
        demand = {c: int(rng.integers(200, 3000) * scale) + 1 for c in NOTO if rng.random() < 0.9}
        problems.append(TransportProblem(code, supply, demand))
    return problems


def dense_baseline(problems: list[TransportProblem], registry: Registry) -> tuple[int, int, float]:
    """Every edge, one solve per resource type. Returns (met, integer cost, km x units)."""
    met = int_cost = 0
    total = 0.0
    for p in problems:
        senders, receivers = sorted(p.supply), sorted(p.demand)
        s_places = [registry.get(c) for c in senders]
        r_places = [registry.get(c) for c in receivers]
        km = distance_matrix_km([m.lat for m in s_places], [m.lon for m in s_places],
                                [m.lat for m in r_places], [m.lon for m in r_places])
        cost = np.rint(km * COST_UNITS_PER_KM).astype(np.int64)
        supply = np.array([p.supply[c] for c in senders], dtype=np.int64)
        demand = np.array([p.demand[c] for c in receivers], dtype=np.int64)
        ti = np.repeat(np.arange(len(senders)), len(receivers))
        tj = np.tile(np.arange(len(receivers)), len(senders))
        solver = min_cost_flow.SimpleMinCostFlow()
        arcs = solver.add_arcs_with_capacity_and_unit_cost(ti, tj + len(senders), np.minimum(supply[ti], demand[tj]),
                                                           cost[ti, tj])
        solver.set_nodes_supplies(np.arange(len(senders) + len(receivers)), np.concatenate((supply, -demand)))
        assert solver.solve_max_flow_with_min_cost() == solver.OPTIMAL
        x = np.asarray(solver.flows(arcs))
        met += int(x.sum())
        int_cost += solver.optimal_cost()
        total += float((x * km[ti, tj]).sum())
    return met, int_cost, total


def app_integer_cost(result) -> int:
    """The app's plan priced in the solver's integer millimetres (what both solvers minimise exactly)."""
    total = 0
    for f in result.flows:
        total += f.quantity * int(np.rint(f.km * COST_UNITS_PER_KM))
    return total


def timed(run, repeats: int):
    """Best of `repeats` wall-clock runs (the machine may be shared; the minimum is the least disturbed)."""
    best, value = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        value = run()
        best = min(best, time.perf_counter() - t0)
    return best, value


def compare(title: str, problems: list[TransportProblem], registry: Registry, repeats: int) -> None:
    sizes = [len(p.supply) * len(p.demand) for p in problems]
    print(f"\n== {title}: {len(problems)} resource types, senders x receivers per type "
          f"{min(sizes):,}..{max(sizes):,} (total {sum(sizes):,} edges); best of {repeats} runs each")
    match(problems[:2], registry)  # warm up imports and caches outside the timings
    t_app = t_dense = float("inf")
    for _ in range(repeats):  # interleaved, so both see the same background load
        t, result = timed(lambda: match(problems, registry), 1)
        t_app = min(t_app, t)
        t, (met, int_cost, km_units) = timed(lambda: dense_baseline(problems, registry), 1)
        t_dense = min(t_dense, t)
    # the same app code path with the reductions switched off or forced, to show where the time goes
    t_whole, whole = timed(lambda: match(problems, registry, prune=False), 1 if title == "national" else repeats)
    forced = None
    if any(r.method != "certified" for r in result.per_resource):
        t_forced, forced = timed(lambda: match(problems, registry, prune=True), repeats)
    app_met = sum(r.met for r in result.per_resource)
    rounds = [r.rounds for r in result.per_resource]
    solved = sum(r.edges_solved for r in result.per_resource)
    methods = Counter(r.method for r in result.per_resource)
    print(f"app matcher     {t_app * 1000:9.1f} ms  (types by method: {dict(methods)}; edges solved "
          f"{solved:,} = {solved / sum(sizes):.1%} of dense; solves per type: max {max(rounds)}, "
          f"mean {np.mean(rounds):.2f})")
    print(f"dense OR-Tools  {t_dense * 1000:9.1f} ms")
    print(f"ratio app / dense = {t_app / t_dense:.3f}")
    print(f"(app solving every type whole, prune=False: {t_whole * 1000:.1f} ms, ratio {t_whole / t_dense:.3f})")
    if forced is not None:
        forced_rounds = [r.rounds for r in forced.per_resource]
        print(f"(app with the certified pruning forced on every type, prune=True: {t_forced * 1000:.1f} ms, ratio "
              f"{t_forced / t_dense:.3f}, solves per type mean {np.mean(forced_rounds):.2f})")
    same = app_met == met and app_integer_cost(result) == int_cost
    same_forced = all(other.total_cost == close_to(result.total_cost) for other in (whole, forced) if other)
    rel = abs(result.total_cost - km_units) / max(km_units, 1.0)
    print(f"met: app {app_met:,}  dense {met:,};  total cost (km x units): app {result.total_cost:,.3f}  "
          f"dense {km_units:,.3f}  (relative difference {rel:.1e});  equal: {same and same_forced}")


def close_to(value: float):
    """Equality to 1e-9 relative, without importing pytest into a benchmark."""
    class _Close:
        def __eq__(self, other: object) -> bool:
            return isinstance(other, float) and abs(other - value) <= 1e-9 * max(abs(value), 1.0)
    return _Close()


def main() -> None:
    rng = np.random.default_rng(SEED)
    registry = shipped_registry()
    t0 = time.perf_counter()
    picture = national_picture(rng)
    t1 = time.perf_counter()
    table = positions(picture, TODAY)
    problems = transport_problems(table)
    t2 = time.perf_counter()
    print(f"seed {SEED}; national picture: {len(picture.inventory) + len(picture.needs):,} records built in "
          f"{t1 - t0:.2f} s; positions + problems in {(t2 - t1) * 1000:.0f} ms ({len(table):,} positions)")
    compare("national", problems, registry, repeats=2)
    compare("regional", regional_problems(rng, registry), registry, repeats=15)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\npeak resident memory of this process: {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
