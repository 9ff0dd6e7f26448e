"""The simulated partners of a drill: real workspaces on this laptop, exchanging real snapshots with the host."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from disastershare.core.records import Need, RecordMeta
from disastershare.core.scenario import InjectNeed
from disastershare.drill.state import drill_dir
from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import export_snapshot
from disastershare.sync.importer import ImportResult, import_snapshots
from disastershare.sync.progress import drain


def partner_root(root: Path, code: str) -> Path:
    return drill_dir(root) / "partners" / code


@contextmanager
def opened_partner(root: Path, code: str) -> Iterator[Workspace]:
    partner = Workspace.open(partner_root(root, code))
    try:
        yield partner
    finally:
        partner.close()


def need_from_inject(need: InjectNeed) -> Need:
    return Need(RecordMeta(need.municipality), need.resource, need.quantity, priority=need.priority)


def relay_partner_snapshot(host: Workspace, partner: Workspace) -> list[ImportResult]:
    """What a partner's officer would do after an update: export a snapshot, which the host imports."""
    exported = drain(export_snapshot(partner, partner.outbox))
    return drain(import_snapshots(host, [exported.path]))
