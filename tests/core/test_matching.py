"""Matching on hand-computed cases.

Places lie on one meridian (longitude 135), so the great-circle distance between latitudes a and b is exactly
R x |a - b| in radians: one degree is DEG = 6371.0088 x pi / 180 = 111.195... km. Costs below are written in
degrees x units and multiplied by DEG.
"""

from __future__ import annotations

import math

import pytest

from disastershare.core.errors import DomainError
from disastershare.core.geo import EARTH_RADIUS_KM, haversine_km
from disastershare.core.matching import match, match_steps, preview_nearest_first
from disastershare.core.matching_model import Flow, Preferences, TransportProblem, Unmet
from disastershare.core.registry import Municipality, Registry

DEG = EARTH_RADIUS_KM * math.pi / 180


def line(**latitudes: float) -> Registry:
    return Registry(Municipality(code, "テスト県", code, code, lat, 135.0) for code, lat in latitudes.items())


def flows(result) -> set[tuple[str, str, int]]:
    return {(f.sender, f.receiver, f.quantity) for f in result.flows}


# S2 ---- R1 -- S1 ---- R2   (latitudes 0, 1.2, 2, 3)
CROSSING = line(S2=0.0, R1=1.2, S1=2.0, R2=3.0)
CROSSING_PROBLEM = TransportProblem("S-BLANKET", {"S1": 10, "S2": 10}, {"R1": 10, "R2": 10})


def test_the_optimum_is_not_the_greedy_nearest_first_plan() -> None:
    # Greedy takes the cheapest edge S1->R1 (0.8) first, then must send S2->R2 (3.0): 10 x 3.8 = 38 degrees.
    # The optimum crosses over: S1->R2 (1.0) and S2->R1 (1.2): 10 x 2.2 = 22 degrees.
    result = match([CROSSING_PROBLEM], CROSSING)
    assert flows(result) == {("S1", "R2", 10), ("S2", "R1", 10)}
    assert result.total_cost == pytest.approx(22 * DEG, rel=1e-9)
    assert result.unmet == []
    preview = preview_nearest_first(CROSSING_PROBLEM, CROSSING)
    assert preview.total_cost == pytest.approx(38 * DEG, rel=1e-9)


def test_with_neutral_weights_the_objective_is_exactly_quantity_times_km() -> None:
    result = match([CROSSING_PROBLEM], CROSSING)
    assert all(f.weight == 1.0 for f in result.flows)
    assert result.total_cost == result.total_km == sum(f.quantity * f.km for f in result.flows)
    s1_r2 = next(f for f in result.flows if f.sender == "S1")
    assert s1_r2.km == pytest.approx(haversine_km(2.0, 135.0, 3.0, 135.0), rel=1e-12)


def test_what_supply_cannot_cover_is_reported_unmet() -> None:
    # S (5) at 0; R1 needs 8 at 1 degree, R2 needs 4 at 2 degrees: all 5 go to the nearer R1.
    registry = line(S=0.0, R1=1.0, R2=2.0)
    result = match([TransportProblem("S-WATER", {"S": 5}, {"R1": 8, "R2": 4})], registry)
    assert flows(result) == {("S", "R1", 5)}
    assert set(result.unmet) == {Unmet("S-WATER", "R1", 3), Unmet("S-WATER", "R2", 4)}
    assert result.total_cost == pytest.approx(5 * DEG, rel=1e-9)
    assert result.per_resource[0].met == 5


def test_the_most_is_moved_before_cost_is_minimised() -> None:
    # R2 (-1.5) -- S1 (0) -- R1 (1) ---- S2 (3), with max_km 2.5 degrees: S2 reaches only R1 (2 degrees).
    # Cheapest for S1 alone is R1 (1 degree), but then S2 has nowhere to go and only 10 move.
    # Moving 20 needs S1->R2 (1.5) and S2->R1 (2): 10 x 3.5 = 35 degrees.
    registry = line(R2=-1.5, S1=0.0, R1=1.0, S2=3.0)
    problem = TransportProblem("E-GENERATOR", {"S1": 10, "S2": 10}, {"R1": 10, "R2": 10})
    result = match([problem], registry, Preferences(max_km=2.5 * DEG))
    assert flows(result) == {("S1", "R2", 10), ("S2", "R1", 10)}
    assert result.total_cost == pytest.approx(35 * DEG, rel=1e-9)


def test_never_send_pairs_remove_edges() -> None:
    # Without S1->R2 the crossing plan is impossible: S1->R1 (0.8) and S2->R2 (3.0) = 38 degrees.
    result = match([CROSSING_PROBLEM], CROSSING, Preferences(never=frozenset({("S1", "R2")})))
    assert flows(result) == {("S1", "R1", 10), ("S2", "R2", 10)}
    assert result.total_cost == pytest.approx(38 * DEG, rel=1e-9)


def test_a_never_wildcard_keeps_a_sender_at_home() -> None:
    # S1 sends nothing: S2 serves the nearer R1 (1.2), R2 stays short.
    result = match([CROSSING_PROBLEM], CROSSING, Preferences(never=frozenset({("S1", "*")})))
    assert flows(result) == {("S2", "R1", 10)}
    assert result.unmet == [Unmet("S-BLANKET", "R2", 10)]


def test_max_km_removes_long_edges() -> None:
    # At most 1.1 degrees: S2 reaches nobody; S1 (10) goes to R1 (0.8) rather than R2 (1.0).
    result = match([CROSSING_PROBLEM], CROSSING, Preferences(max_km=1.1 * DEG))
    assert flows(result) == {("S1", "R1", 10)}
    assert result.total_cost == pytest.approx(8 * DEG, rel=1e-9)
    assert result.unmet == [Unmet("S-BLANKET", "R2", 10)]


def test_mutual_aid_factor_changes_the_choice_as_computed_by_hand() -> None:
    # Home H at 0 needs 10; Q at 1.0 and P at 1.2 degrees offer 10 each; P has a mutual-aid agreement with H.
    registry = line(H=0.0, Q=1.0, P=1.2)
    problem = TransportProblem("S-FOOD-STAPLE", {"Q": 10, "P": 10}, {"H": 10})
    neutral = match([problem], registry)
    assert flows(neutral) == {("Q", "H", 10)}
    # factor 0.8: P costs 1.2 x 0.8 = 0.96 < 1.0 degree per unit
    preferred = match([problem], registry, Preferences.for_home("H", ["P"], mutual_aid_factor=0.8))
    assert flows(preferred) == {("P", "H", 10)}
    assert preferred.flows[0].weight == 0.8
    assert preferred.total_cost == pytest.approx(9.6 * DEG, rel=1e-9)
    assert preferred.total_km == pytest.approx(12 * DEG, rel=1e-9)
    # factor 0.9: 1.08 > 1.0, Q stays the better choice
    assert flows(match([problem], registry, Preferences.for_home("H", ["P"], mutual_aid_factor=0.9))) == {
        ("Q", "H", 10)}


def test_mutual_aid_applies_only_to_pairs_with_home() -> None:
    # X (1.05) needs 10; Q (1.0) is 0.05 degrees away, P (1.11) 0.06. P's agreement is with H, not X:
    # were it discounted, 0.06 x 0.8 = 0.048 would beat Q; it is not, so Q serves X.
    registry = line(H=0.0, Q=1.0, X=1.05, P=1.11)
    problem = TransportProblem("S-FOOD-STAPLE", {"P": 10, "Q": 10}, {"X": 10})
    result = match([problem], registry, Preferences.for_home("H", ["P"]))
    assert flows(result) == {("Q", "X", 10)} and result.flows[0].weight == 1.0
    assert flows(match([problem], registry, Preferences.for_home("X", ["P"]))) == {("P", "X", 10)}


def test_unplaceable_municipalities_are_left_unmet() -> None:
    registry = line(S=0.0, R=1.0)
    result = match([TransportProblem("S-WATER", {"S": 5, "GHOST-S": 9}, {"R": 3, "GHOST-R": 4})], registry)
    assert flows(result) == {("S", "R", 3)}
    assert result.unmet == [Unmet("S-WATER", "GHOST-R", 4)]


def test_progress_is_a_plain_generator_of_done_and_total() -> None:
    problems = [CROSSING_PROBLEM, TransportProblem("S-WATER", {"S1": 1}, {"R2": 1})]
    steps = match_steps(problems, CROSSING)
    seen = []
    with pytest.raises(StopIteration) as stop:
        while True:
            seen.append(next(steps))
    assert seen == [(0, 2), (1, 2), (2, 2)]
    result = stop.value.value
    assert [r.resource for r in result.per_resource] == ["S-BLANKET", "S-WATER"]
    assert result.flows[-1] == Flow("S-WATER", "S1", "R2", 1, pytest.approx(DEG), 1.0)


def test_the_json_document_has_the_contract_shape() -> None:
    doc = match([CROSSING_PROBLEM], CROSSING).to_document()
    assert set(doc) >= {"flows", "unmet", "total_cost"}
    assert set(doc["flows"][0]) >= {"resource", "from", "to", "quantity", "km"}
    assert isinstance(doc["total_cost"], float)


@pytest.mark.parametrize("factor", [0.0, -1.0, 1.5])
def test_the_mutual_aid_factor_must_be_a_preference(factor: float) -> None:
    with pytest.raises(DomainError, match="mutual-aid factor"):
        Preferences(mutual_aid_factor=factor)


def test_a_municipality_cannot_both_offer_and_lack_one_resource() -> None:
    with pytest.raises(DomainError, match="both offer and lack"):
        TransportProblem("S-WATER", {"A": 1}, {"A": 2})


def test_huge_quantities_drop_the_cost_resolution_instead_of_overflowing() -> None:
    big = 10**15  # litres: absurd, but must not overflow int64 inside the solver
    result = match([TransportProblem("S-WATER", {"S1": big, "S2": big}, {"R1": big, "R2": big})], CROSSING)
    assert flows(result) == {("S1", "R2", big), ("S2", "R1", big)}
    with pytest.raises(DomainError, match="too large"):
        match([TransportProblem("S-WATER", {"S1": 10**18}, {"R1": 10**18})], CROSSING)
