"""`drill new SCENARIO`: the host's drill workspace plus simulated partners, all from the scenario file."""

from __future__ import annotations

import shutil
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.core.records import InventoryItem, RecordMeta, StaffPool
from disastershare.core.reference_data import shipped_catalog, shipped_registry
from disastershare.core.scenario import Scenario, read_scenario
from disastershare.drill.clock import apply_due_injects
from disastershare.drill.participants import opened_partner, partner_root, relay_partner_snapshot
from disastershare.drill.state import DrillState, drill_dir, save_state
from disastershare.paths import resources_dir
from disastershare.store.backup import write_backup
from disastershare.store.workspace import DB_NAME, Workspace
from disastershare.sync.keycard import own_keycard
from disastershare.sync.keys import generate_signing_key
from disastershare.sync.partners import Agreement, add_partner


def find_scenario(name_or_path: str) -> Path:
    """A path, or the name of a shipped scenario (e.g. 'kumamoto_earthquake')."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    shipped = resources_dir() / "scenarios" / f"{name_or_path.removesuffix('.toml')}.toml"
    if shipped.is_file():
        return shipped
    names = ", ".join(sorted(p.stem for p in (resources_dir() / "scenarios").glob("*.toml")))
    raise DomainError(f"no scenario file '{name_or_path}' (shipped scenarios: {names})")


def starting_stock(scenario: Scenario, code: str, seed_offset: int) -> tuple[list[InventoryItem], list[StaffPool]]:
    """Generated plausible stock (if the scenario asks for it), with the scenario's own lines replacing it."""
    from disastershare.demo import demo_records  # demo builds on store and sync; import late, no cycle

    items: list[InventoryItem] = []
    pools: list[StaffPool] = []
    if scenario.generated_stock_seed is not None:
        items, pools, _needs = demo_records(code, shipped_catalog(), seed=scenario.generated_stock_seed + seed_offset)
    for line in (s for s in scenario.stock if s.municipality == code):
        items = [i for i in items if i.resource != line.resource]
        pools = [p for p in pools if p.resource != line.resource]
        if shipped_catalog().require(line.resource).kind.value == "staff":
            pools.append(StaffPool(RecordMeta(code), line.resource, line.quantity, contact_section=line.location))
        else:
            items.append(InventoryItem(RecordMeta(code), line.resource, line.quantity, line.reserved, line.location))
    return items, pools


def _fill(workspace: Workspace, scenario: Scenario, seed_offset: int) -> None:
    items, pools = starting_stock(scenario, workspace.municipality, seed_offset)
    workspace.apply_import("drill", "scenario", len(items) + len(pools), [*items, *pools], [])


def new_drill(root: Path, scenario_path: Path) -> tuple[Workspace, Scenario]:
    """Build the drill at root (which must not hold a workspace) and start the clock at T+0."""
    scenario = read_scenario(scenario_path, shipped_registry(), shipped_catalog())
    if (root / DB_NAME).exists():
        raise DomainError(f"a workspace already exists at {root}; a drill needs its own folder")
    created = not root.exists()
    try:
        host = Workspace.create(root, scenario.host, drill=True)
        generate_signing_key(host.keys_dir)
        _fill(host, scenario, 0)
        drill_dir(root).mkdir(exist_ok=True)
        scenario_copy = drill_dir(root) / "scenario.toml"
        shutil.copyfile(scenario_path, scenario_copy)
        for n, code in enumerate(scenario.partners, start=1):
            partner = Workspace.create(partner_root(root, code), code, drill=True)
            try:
                generate_signing_key(partner.keys_dir)
                _fill(partner, scenario, n)
                add_partner(host, own_keycard(partner), Agreement.MUTUAL_AID)
                add_partner(partner, own_keycard(host), Agreement.MUTUAL_AID)
                relay_partner_snapshot(host, partner)
            finally:
                partner.close()
        state = DrillState(scenario_file=scenario_copy.name, clock_minutes=0)
        state.log("started", f"{scenario.name} — {len(scenario.participants)} municipalities")
        apply_due_injects(host, root, scenario, state, -1, 0)
        state.start_copies = _start_copies(host, root, scenario)
        save_state(root, state)
        return host, scenario
    except BaseException:
        if created:
            shutil.rmtree(root, ignore_errors=True)
        raise


def _start_copies(host: Workspace, root: Path, scenario: Scenario) -> dict[str, str]:
    """Consistent copies of every database at T+0, for `drill reset`."""
    start = drill_dir(root) / "start"
    copies = {host.municipality: write_backup(host.db_path, start, f"start-{host.municipality}", keep=0)}
    for code in scenario.partners:
        with opened_partner(root, code) as partner:
            copies[code] = write_backup(partner.db_path, start, f"start-{code}", keep=0)
    return {code: str(path.relative_to(root)) for code, path in copies.items()}
