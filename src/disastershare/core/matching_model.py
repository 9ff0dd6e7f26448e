"""What the matcher takes and gives: transport problems, preferences, flows, unmet shortfalls.

Objective (per resource type, stated once here and shown in `disastershare match --help`):
  1. move as much as possible: maximise the total quantity sent from offerable surpluses to shortfalls;
  2. among all plans moving that maximum, minimise  sum of quantity x great-circle km x weight,
     where weight = mutual_aid_factor on an edge between two municipalities with a mutual-aid agreement
     and 1 otherwise.
  Edges on a never-send list or longer than max_km do not exist. With no preferences every weight is 1 and
  the cost is exactly quantity x km. This lexicographic order is a min-cost maximum flow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from disastershare.core.errors import DomainError

DEFAULT_MUTUAL_AID_FACTOR = 0.8
ANY = "*"  # wildcard side of a never-send pair


@dataclass(frozen=True, slots=True)
class Preferences:
    """Weights and exclusions on the distance cost. The defaults are neutral (pure distance).

    mutual_aid_pairs: unordered pairs of municipalities under a mutual-aid agreement; an edge between the two
        (either direction) costs km x mutual_aid_factor.
    never: directed (sender, receiver) pairs that must not be proposed; either side may be "*" (any).
    max_km: edges longer than this are not proposed (None: no limit).
    """

    mutual_aid_pairs: frozenset[frozenset[str]] = frozenset()
    mutual_aid_factor: float = DEFAULT_MUTUAL_AID_FACTOR
    never: frozenset[tuple[str, str]] = frozenset()
    max_km: float | None = None

    def __post_init__(self) -> None:
        if not 0 < self.mutual_aid_factor <= 1:
            raise DomainError(f"the mutual-aid factor must be above 0 and at most 1 (got {self.mutual_aid_factor})")
        if self.max_km is not None and self.max_km <= 0:
            raise DomainError(f"the maximum distance must be positive (got {self.max_km})")

    @classmethod
    def for_home(cls, home: str, mutual_aid: Iterable[str] = (), **options: Any) -> Preferences:
        """Preferences seen from one municipality: its mutual-aid partners are paired with it."""
        pairs = frozenset(frozenset((home, code)) for code in mutual_aid if code != home)
        return cls(mutual_aid_pairs=pairs, **options)

    def weight(self, sender: str, receiver: str) -> float:
        return self.mutual_aid_factor if frozenset((sender, receiver)) in self.mutual_aid_pairs else 1.0

    def forbids(self, sender: str, receiver: str) -> bool:
        never = self.never
        return bool(never) and (
            (sender, receiver) in never or (sender, ANY) in never or (ANY, receiver) in never
        )

    def describe(self) -> dict[str, Any]:
        return {
            "mutual_aid_pairs": sorted(sorted(p) for p in self.mutual_aid_pairs),
            "mutual_aid_factor": self.mutual_aid_factor,
            "never": sorted(f"{a}:{b}" for a, b in self.never),
            "max_km": self.max_km,
        }


@dataclass(frozen=True, slots=True)
class TransportProblem:
    """One resource type: who can offer how much, who lacks how much (positive whole quantities)."""

    resource: str
    supply: Mapping[str, int]
    demand: Mapping[str, int]

    def __post_init__(self) -> None:
        both = set(self.supply).intersection(code for code, q in self.demand.items() if q > 0)
        if any(self.supply[code] > 0 for code in both):
            raise DomainError(f"{self.resource}: {', '.join(sorted(both))} both offer and lack it; net them first")


# Flows are created by the thousand; a plain slotted dataclass builds four times faster than a frozen one.
# Treat them as read-only values all the same.
@dataclass(slots=True)
class Flow:
    resource: str
    sender: str
    receiver: str
    quantity: int
    km: float
    weight: float = 1.0

    @property
    def cost(self) -> float:
        return self.quantity * self.km * self.weight


@dataclass(frozen=True, slots=True)
class Unmet:
    resource: str
    municipality: str
    quantity: int


@dataclass(frozen=True, slots=True)
class ResourceMatch:
    """The optimal plan for one resource type, with how the solver got there."""

    resource: str
    flows: tuple[Flow, ...]
    unmet: tuple[Unmet, ...]
    demand: int
    supply: int
    rounds: int = 1  # solves needed until the optimality certificate held
    edges_solved: int = 0  # edges in the last (pruned) problem
    edges_total: int = 0  # edges allowed by the preferences
    method: str = "dense"  # how: "dense", "dominance" or "certified" (see core.matching_flow)

    @property
    def met(self) -> int:
        return sum(f.quantity for f in self.flows)

    @property
    def total_cost(self) -> float:
        return sum(f.cost for f in self.flows)


@dataclass(frozen=True, slots=True)
class MatchResult:
    per_resource: tuple[ResourceMatch, ...]
    preferences: Preferences = field(default_factory=Preferences)

    @property
    def flows(self) -> list[Flow]:
        return [f for r in self.per_resource for f in r.flows]

    @property
    def unmet(self) -> list[Unmet]:
        return [u for r in self.per_resource for u in r.unmet]

    @property
    def total_cost(self) -> float:
        """The objective: sum of quantity x km x weight (km x units)."""
        return sum(r.total_cost for r in self.per_resource)

    @property
    def total_km(self) -> float:
        """Plain distance moved, quantity x km, whatever the weights."""
        return sum(f.quantity * f.km for f in self.flows)

    def to_document(self) -> dict[str, Any]:
        """The `match --format json` document (see shared/interface.md); extra fields only added."""
        return {
            "flows": [{"resource": f.resource, "from": f.sender, "to": f.receiver, "quantity": f.quantity,
                       "km": round(f.km, 3), "weight": f.weight, "cost": round(f.cost, 3)} for f in self.flows],
            "unmet": [{"resource": u.resource, "municipality": u.municipality, "quantity": u.quantity}
                      for u in self.unmet],
            "total_cost": round(self.total_cost, 6),
            "total_km": round(self.total_km, 6),
            "preferences": self.preferences.describe(),
        }
