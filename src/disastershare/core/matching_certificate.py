"""The optimality certificate that makes pruning exact (used by core.matching_flow).

The network: each sender i offers supply[i], each receiver j lacks demand[j]; an allowed edge i -> j carries
any quantity at integer cost[i, j] per unit. We want a maximum flow of minimum cost (core.matching_model).

Why solving on a subset of edges loses nothing. OR-Tools solves the problem on a subset E' of the allowed edges,
giving flow x. Consider the full network - every allowed edge at unlimited capacity (the capacities
min(supply, demand) given to the solver do not change which flows are feasible), a source feeding the senders,
a sink draining the receivers. Two classical facts:
  (a) x is a maximum flow  <=>  the residual network of x has no source -> sink path;
  (b) x costs least among flows of its value  <=>  the residual network has no negative-cost cycle, which holds
      iff some potentials pi make every residual arc's reduced cost  c(u, v) + pi(u) - pi(v)  >= 0.
x is optimal on E', so the residual network restricted to E' satisfies both. Edges outside E' carry no flow, so
all they add to the residual network are forward arcs i -> j. `violations` checks every excluded allowed edge:
  (a') if a sender with stock left can reach a receiver still short (breadth-first search over the full
       residual network, every allowed edge included), the excluded edges of such augmenting paths are returned
       - the next solve then moves strictly more;
  (b') otherwise, with pi the shortest-path potentials of the restricted residual network (Bellman-Ford from a
       virtual root, exact in int64), every excluded edge with cost[i, j] + pi(i) - pi(j) < 0 is returned.
When it returns nothing, (a) and (b) hold on the full network: x is a min-cost maximum flow of the whole
problem, with the same maximum quantity and the same cost as a dense solve. Each round adds at least one edge,
so the loop ends, at worst with every edge.
"""

from __future__ import annotations

import numpy as np

BIG = np.iinfo(np.int64).max  # the cost of a forbidden edge in masked cost matrices
COVER = 2  # candidate lists are widened until their amounts could cover this many times the target


def cheapest_rows(masked: np.ndarray, row_amount: np.ndarray, column_target: np.ndarray, k: int) -> np.ndarray:
    """Per column, the k cheapest rows, then more until their row_amount adds up to column_target."""
    n_rows, n_cols = masked.shape
    chosen = np.zeros((n_rows, n_cols), dtype=bool)
    cols = np.arange(n_cols)
    if n_rows <= k:
        chosen[:] = True
        return chosen
    nearest = np.argpartition(masked, k - 1, axis=0)[:k]
    chosen[nearest, cols] = True
    short = row_amount[nearest].sum(axis=0) < column_target
    if short.any():
        wide = cols[short]
        order = np.argsort(masked[:, wide], axis=0, kind="stable")
        amount = row_amount[order]
        # keep each row whose predecessors do not yet reach the target: the one that reaches it is kept too
        keep = (np.cumsum(amount, axis=0) - amount) < column_target[wide]
        chosen[order[keep], np.broadcast_to(wide, order.shape)[keep]] = True
    return chosen


def violations(ti: np.ndarray, tj: np.ndarray, x: np.ndarray, supply: np.ndarray, demand: np.ndarray,
                cost: np.ndarray, allowed: np.ndarray | None, in_graph: np.ndarray) -> np.ndarray | None:
    """Excluded allowed edges (not in in_graph) that break the certificate for flow x on edges ti, tj, or None."""
    n_s, n_r = cost.shape
    pos = x > 0
    fi, fj, fx = ti[pos], tj[pos], x[pos]
    used = np.bincount(fi, weights=fx, minlength=n_s).astype(np.int64)
    got = np.bincount(fj, weights=fx, minlength=n_r).astype(np.int64)
    leftover, slack = supply - used, demand - got
    excluded = ~in_graph if allowed is None else allowed & ~in_graph
    if leftover.any() and slack.any():
        missing = _augmenting_edges(excluded, allowed, cost, fi, fj, leftover, slack)
        if missing is not None:
            return missing
    pi_s, pi_r = _potentials(ti, tj, fi, fj, cost, used, got, leftover, slack)
    missing = excluded & ((cost + pi_s[:, None]) < pi_r[None, :])
    return missing if missing.any() else None


def _augmenting_edges(excluded: np.ndarray, allowed: np.ndarray | None, cost: np.ndarray, fi: np.ndarray,
                      fj: np.ndarray, leftover: np.ndarray, slack: np.ndarray) -> np.ndarray | None:
    """Excluded edges completing augmenting paths, or None when x is a maximum flow of the full network.

    Each returned set makes the next solve's maximum flow strictly larger. Usual case: an excluded edge from a
    sender with stock left to a receiver still short is an augmenting path by itself; per short receiver we take
    the cheapest such edges until their leftover could cover COVER x its slack. Otherwise (only possible when
    preferences remove edges) a breadth-first search over the full residual network finds shortest augmenting
    paths, entering each receiver from the cheapest sender reached, and we add their excluded edges.
    """
    has_left, short = leftover > 0, slack > 0
    direct = excluded & has_left[:, None] & short[None, :]
    if direct.any():
        return cheapest_rows(np.where(direct, cost, BIG), leftover, COVER * slack, 1) & direct
    n_s, n_r = cost.shape
    open_cost = cost if allowed is None else np.where(allowed, cost, BIG)
    came_from_s = np.full(n_r, -1)  # the sender whose forward arc reached each receiver
    came_from_r = np.full(n_s, -1)  # the receiver whose backward arc reached each sender
    reach_s, reach_r, front = has_left.copy(), np.zeros(n_r, dtype=bool), has_left
    while True:
        rows = np.flatnonzero(front)
        sub = open_cost[rows]
        new_r = (sub.min(axis=0) < BIG) & ~reach_r
        if not new_r.any():
            return None
        came_from_s[new_r] = rows[np.argmin(sub[:, new_r], axis=0)]
        reach_r |= new_r
        if (new_r & short).any():
            break
        along = new_r[fj]  # backward arcs j -> i of flows i -> j into newly reached receivers
        senders, receivers = fi[along], fj[along]
        fresh = ~reach_s[senders]
        came_from_r[senders[fresh]] = receivers[fresh]
        front = np.zeros(n_s, dtype=bool)
        front[senders[fresh]] = True
        if not front.any():
            return None
        reach_s |= front
    chosen = np.zeros_like(excluded)
    for j in np.flatnonzero(new_r & short):
        while True:  # walk the path back to a sender with stock left
            i = came_from_s[j]
            chosen[i, j] = excluded[i, j]
            if has_left[i]:
                break
            j = came_from_r[i]
    if not chosen.any():
        raise RuntimeError("augmenting path without an excluded edge: solver result inconsistent")
    return chosen


def _potentials(ti: np.ndarray, tj: np.ndarray, fi: np.ndarray, fj: np.ndarray, cost: np.ndarray, used: np.ndarray,
                got: np.ndarray, leftover: np.ndarray, slack: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Shortest-path potentials of the residual network on the solved edges (Bellman-Ford, vectorised)."""
    n_s, n_r = len(used), len(got)
    source, sink = n_s + n_r, n_s + n_r + 1
    s_nodes, r_nodes = np.arange(n_s), np.arange(n_s, n_s + n_r)
    tails = [ti, fj + n_s]
    heads = [tj + n_s, fi]
    weights = [cost[ti, tj], -cost[fi, fj]]
    for mask, tail, head in ((leftover > 0, source, s_nodes), (used > 0, s_nodes, source),
                             (slack > 0, r_nodes, sink), (got > 0, sink, r_nodes)):
        count = int(mask.sum())
        tails.append(np.broadcast_to(tail, mask.shape)[mask] if count else np.zeros(0, np.intp))
        heads.append(np.broadcast_to(head, mask.shape)[mask] if count else np.zeros(0, np.intp))
        weights.append(np.zeros(count, dtype=np.int64))
    tail, head, weight = np.concatenate(tails), np.concatenate(heads), np.concatenate(weights)
    pi = np.zeros(n_s + n_r + 2, dtype=np.int64)
    for _ in range(len(pi) + 1):
        candidate = pi.copy()
        np.minimum.at(candidate, head, pi[tail] + weight)
        if np.array_equal(candidate, pi):
            return pi[:n_s], pi[n_s:n_s + n_r]
        pi = candidate
    raise RuntimeError("negative cycle in an optimal residual network: solver result inconsistent")
