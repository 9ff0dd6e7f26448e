"""Exact min-cost maximum flow for one resource type with OR-Tools, on as few edges as can be proven enough.

Small problems (at most DENSE_LIMIT edges) are solved whole, minus the edges `undominated` proves no optimal plan
uses. Larger ones are solved on candidate edges - each receiver's k cheapest senders and each sender's
SENDER_K cheapest receivers, widened to cover their quantities - and then certified optimal against every
allowed edge, adding the edges the certificate names and solving again until it holds
(core.matching_certificate explains why that is exact). The result is the optimum of the full problem either way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from disastershare.core.matching_certificate import BIG, COVER, cheapest_rows, violations

DEFAULT_K = 48  # cheapest senders kept per receiver before the certificate asks for more (bench/: one round)
DENSE_LIMIT = 2000  # edges; smaller problems solve faster whole than pruned and certified (bench/)
SENDER_K = 2  # cheapest receivers kept per sender


@dataclass(frozen=True, slots=True)
class FlowSolution:
    """Positive flows as parallel arrays of local sender index, receiver index and quantity."""

    sender: np.ndarray
    receiver: np.ndarray
    quantity: np.ndarray
    rounds: int
    edges_solved: int
    method: str = "dense"  # "dense", "dominance" (small problems, dominated edges left out) or "certified"


def solve_transport(supply: np.ndarray, demand: np.ndarray, cost: np.ndarray, allowed: np.ndarray | None = None,
                    *, k: int = DEFAULT_K, prune: bool | None = None) -> FlowSolution:
    """Min-cost maximum flow from senders to receivers; cost is int64 (n_senders, n_receivers).

    allowed (bool, same shape) removes edges; None allows every edge. prune: True solves pruned and certified,
    False solves the dense problem, None (default) prunes only problems above DENSE_LIMIT edges.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1 (got {k})")
    supply = np.asarray(supply, dtype=np.int64)
    demand = np.asarray(demand, dtype=np.int64)
    n_s, n_r = cost.shape
    if n_s == 0 or n_r == 0:
        empty = np.zeros(0, dtype=np.int64)
        return FlowSolution(empty, empty, empty, 0, 0, "empty")
    if prune is False:
        ti, tj = _all_edges(allowed, n_s, n_r)
        return _solution(ti, tj, _solve(ti, tj, supply, demand, cost), 1, len(ti))
    if n_s <= k or (prune is None and n_s * n_r <= DENSE_LIMIT):
        return _solve_undominated(supply, demand, cost, allowed)
    in_graph = _initial_edges(cost, allowed, supply, demand, k)
    rounds = 0
    while True:
        rounds += 1
        ti, tj = np.nonzero(in_graph)
        x = _solve(ti, tj, supply, demand, cost)
        missing = violations(ti, tj, x, supply, demand, cost, allowed, in_graph)
        if missing is None:
            return _solution(ti, tj, x, rounds, len(ti), "certified")
        in_graph |= missing


def _solve_undominated(supply: np.ndarray, demand: np.ndarray, cost: np.ndarray,
                       allowed: np.ndarray | None) -> FlowSolution:
    """Solve on the undominated edges, leaving out senders and receivers left without any (fewer nodes)."""
    keep = undominated(cost, allowed, supply, demand)
    senders = np.flatnonzero(keep.any(axis=1))
    # without forbidden edges every receiver keeps its cheapest sender, and dominance drops receivers only
    # when demand exceeds supply
    receivers = np.flatnonzero(keep.any(axis=0)) if allowed is not None or len(senders) == len(supply) else \
        np.arange(len(demand))
    if len(senders) < len(supply) or len(receivers) < len(demand):
        sub = keep[senders[:, None], receivers]
        ti, tj = np.nonzero(sub)
        x = _solve(ti, tj, supply[senders], demand[receivers], cost[senders[:, None], receivers], compact=False)
        return _solution(senders[ti], receivers[tj], x, 1, len(ti), "dominance")
    ti, tj = np.nonzero(keep)
    return _solution(ti, tj, _solve(ti, tj, supply, demand, cost, compact=False), 1, len(ti), "dominance")


def undominated(cost: np.ndarray, allowed: np.ndarray | None, supply: np.ndarray, demand: np.ndarray) -> np.ndarray:
    """Allowed edges that an optimal plan may use; every optimal plan avoids the others.

    Edge (i, j) is dropped when the senders strictly cheaper than i for j offer at least the total demand: if an
    optimal plan sent a unit i -> j, the other senders ship at most total demand - 1, so one strictly cheaper
    for j has stock left, and sending that unit from it instead keeps every quantity and lowers the cost - a
    contradiction. Symmetrically when the receivers strictly cheaper than j for i lack at least the total supply.
    """
    # Only the side with the larger total can dominate: strictly cheaper supply never adds up to the total
    # demand unless supply exceeds demand, and the other way round.
    total_s, total_d = int(supply.sum()), int(demand.sum())
    if total_s == total_d:
        return np.ones(cost.shape, dtype=bool) if allowed is None else allowed
    masked = cost if allowed is None else np.where(allowed, cost, BIG)
    if total_s > total_d:
        keep = masked <= _threshold(masked, supply, total_d)[None, :]
    else:
        keep = masked <= _threshold(masked.T, demand, total_s)[:, None]
    return keep if allowed is None else keep & allowed


def _threshold(masked: np.ndarray, amount: np.ndarray, total: int) -> np.ndarray:
    """Per column, the cost at which the cheapest rows' amounts first add up to total (BIG if they never do).

    An entry costing more has rows strictly cheaper than it adding up to total; one costing at most this has not.
    """
    order = np.argsort(masked, axis=0)
    cols = np.arange(masked.shape[1])
    ranked_cost = masked[order, cols]
    ranked_amount = amount[order]
    if ranked_cost[-1].max() == BIG:  # forbidden edges offer nothing
        ranked_amount = np.where(ranked_cost < BIG, ranked_amount, 0)
    added = np.cumsum(ranked_amount, axis=0)
    first = np.argmax(added >= total, axis=0)
    return np.where(added[-1] >= total, ranked_cost[first, cols], BIG)


def _all_edges(allowed: np.ndarray | None, n_s: int, n_r: int) -> tuple[np.ndarray, np.ndarray]:
    if allowed is None:
        return np.divmod(np.arange(n_s * n_r), n_r)
    return np.nonzero(allowed)


def _solution(ti: np.ndarray, tj: np.ndarray, x: np.ndarray, rounds: int, edges: int,
              method: str = "dense") -> FlowSolution:
    pos = x > 0
    return FlowSolution(ti[pos], tj[pos], x[pos], rounds, edges, method)


def _solve(ti: np.ndarray, tj: np.ndarray, supply: np.ndarray, demand: np.ndarray, cost: np.ndarray,
           compact: bool = True) -> np.ndarray:
    """One OR-Tools min-cost max-flow on the given edges; returns the flow on each edge.

    compact: give nodes only to places with an edge (the solver's work grows with the node count); False when
    the caller knows every place has one.
    """
    if len(ti) == 0:
        return np.zeros(0, dtype=np.int64)
    unit_cost = cost.ravel() if len(ti) == cost.size else cost[ti, tj]  # the dense edge list is row-major
    capacity = np.minimum(supply[ti], demand[tj])
    if compact:
        senders, tail = _compact(ti, len(supply))
        receivers, head = _compact(tj, len(demand))
        supplies, n_senders = np.concatenate((supply[senders], -demand[receivers])), len(senders)
    else:
        tail, head = ti, tj
        supplies, n_senders = np.concatenate((supply, -demand)), len(supply)
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(tail, head + n_senders, capacity, unit_cost)
    solver.set_nodes_supplies(np.arange(len(supplies)), supplies)
    status = solver.solve_max_flow_with_min_cost()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow solver failed with status {status}")
    return np.asarray(solver.flows(arcs), dtype=np.int64)


def _compact(index: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of index and index renumbered 0..n-1 in their order."""
    present = np.zeros(size, dtype=bool)
    present[index] = True
    if present.all():
        return np.arange(size), index
    return np.flatnonzero(present), (np.cumsum(present) - 1)[index]


def _initial_edges(cost: np.ndarray, allowed: np.ndarray | None, supply: np.ndarray, demand: np.ndarray,
                   k: int) -> np.ndarray:
    """Edges likely to carry the optimum: for each receiver its k cheapest senders and for each sender its
    SENDER_K cheapest receivers, each list widened until it could cover COVER times the node's own quantity.

    Receiver lists matter when supply is plentiful (who should serve me?), sender lists when it is scarce
    (where should my stock go?); the certificate adds whatever they miss.
    """
    masked = cost if allowed is None else np.where(allowed, cost, BIG)
    in_graph = cheapest_rows(masked, supply, COVER * demand, k)
    in_graph |= cheapest_rows(masked.T, demand, COVER * supply, SENDER_K).T
    if allowed is not None:
        in_graph &= allowed
    return in_graph
