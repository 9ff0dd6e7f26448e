"""The facilitator's clock: advancing applies due injects; reset returns every database to T+0."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.core.reference_data import shipped_catalog, shipped_registry
from disastershare.core.scenario import Inject, Scenario, read_scenario
from disastershare.drill.participants import need_from_inject, opened_partner, relay_partner_snapshot
from disastershare.drill.state import DrillState, drill_dir, load_state, save_state
from disastershare.store.restore import prepare_restore
from disastershare.store.workspace import Workspace

MAX_ADVANCE_MINUTES = 14 * 24 * 60  # two weeks: longer is almost certainly a typo


@dataclass(frozen=True, slots=True)
class Advanced:
    from_minutes: int
    to_minutes: int
    injects: list[Inject]


def load_scenario(root: Path, state: DrillState) -> Scenario:
    return read_scenario(drill_dir(root) / state.scenario_file, shipped_registry(), shipped_catalog())


def apply_due_injects(host: Workspace, root: Path, scenario: Scenario, state: DrillState, after: int,
                      until: int) -> list[Inject]:
    """Injects due in (after, until]: host needs written directly, partners' needs through their snapshots."""
    due = scenario.due(after, until)
    for inject in due:
        by_owner = defaultdict(list)
        for need in inject.needs:
            by_owner[need.municipality].append(need_from_inject(need))
        if host.municipality in by_owner:
            host.needs.apply(adds=by_owner.pop(host.municipality), changes=[])
        for code, needs in by_owner.items():
            with opened_partner(root, code) as partner:
                partner.needs.apply(adds=needs, changes=[])
                relay_partner_snapshot(host, partner)
        state.clock_minutes = inject.at_minutes
        state.log("inject", inject.text, [{"municipality": n.municipality, "resource": n.resource,
                                           "quantity": n.quantity, "priority": n.priority.value}
                                          for n in inject.needs])
    return due


def advance(host: Workspace, root: Path, minutes: int | None = None) -> Advanced:
    """Move the clock forward `minutes` (default: to the next inject) and apply what became due."""
    state = load_state(root)
    scenario = load_scenario(root, state)
    start = state.clock_minutes
    if minutes is None:
        upcoming = [i.at_minutes for i in scenario.injects if i.at_minutes > start]
        if not upcoming:
            raise DomainError(f"no injects left after T+{start} min; advance by a number of minutes instead")
        target = upcoming[0]
    else:
        if minutes <= 0 or minutes > MAX_ADVANCE_MINUTES:
            raise DomainError(f"advance by 1 to {MAX_ADVANCE_MINUTES} minutes (got {minutes})")
        target = start + minutes
    injects = apply_due_injects(host, root, scenario, state, start, target)
    state.clock_minutes = target
    state.log("advance", f"T+{start} -> T+{target} min")
    save_state(root, state)
    return Advanced(start, target, injects)


def reset(host: Workspace, root: Path) -> DrillState:
    """Every database back to its T+0 copy (each restore keeps a safety copy of what it replaced)."""
    state = load_state(root)
    for code, relative in state.start_copies.items():
        copy = root / relative
        if not copy.is_file():
            raise DomainError(f"the start copy for {code} is missing ({copy}); the drill cannot be reset")
    for code, relative in state.start_copies.items():
        if code == host.municipality:
            prepare_restore(host, root / relative).apply()
        else:
            with opened_partner(root, code) as partner:
                prepare_restore(partner, root / relative).apply()
    state.clock_minutes = 0
    # The log keeps what happened before the reset: it is the debriefing's history, not the drill's state.
    state.log("reset", "every database back to T+0 (T+0 injects included)")
    save_state(root, state)
    return state
