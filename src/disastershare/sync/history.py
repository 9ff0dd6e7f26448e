"""What the Sync tab shows besides the import itself: the import log, what changed per partner, and each
partner's stock over time (from the usable totals logged with every applied snapshot).

Data age and the stale flag live on `partners.Partner` (`age()`, `is_stale()`, `STALE_AFTER`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from disastershare.store import mirror
from disastershare.store.mirror import ImportLogLine
from disastershare.store.sync_tables import SnapshotImportRow
from disastershare.store.workspace import Workspace
from disastershare.sync.results import Changes, ImportStatus
from disastershare.sync.snapshot_format import column_names

_ITEM = {c: i for i, c in enumerate(column_names("inventory_item"))}
_POOL = {c: i for i, c in enumerate(column_names("staff_pool"))}


@dataclass(frozen=True, slots=True)
class ImportLogEntry:
    at: datetime
    file: str
    owner: str | None
    sequence: int | None
    status: ImportStatus
    reason: str
    changes: Changes
    created_at: datetime | None  # when the owner made the snapshot


@dataclass(frozen=True, slots=True)
class ResourceChange:
    resource: str
    added: int
    changed: int
    removed: int


def _utc(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _entry(row: ImportLogLine) -> ImportLogEntry:
    return ImportLogEntry(_utc(row.at) or row.at, row.file, row.owner, row.sequence, ImportStatus(row.status),
                          row.reason, Changes(row.added, row.changed, row.removed), _utc(row.created_at))


def import_history(workspace: Workspace, limit: int | None = 500, owner: str | None = None) -> list[ImportLogEntry]:
    """Newest first."""
    with workspace.engine.connect() as conn:
        return [_entry(r) for r in mirror.import_log(conn, limit, owner)]


def last_changes(workspace: Workspace, partner: str) -> list[ResourceChange]:
    """Per resource, what the latest applied snapshot of `partner` added, changed and removed."""
    with workspace.engine.connect() as conn:
        row = mirror.last_applied_entry(conn, partner)
    if row is None or not row.resource_changes:
        return []
    by_resource: dict[str, list[int]] = json.loads(row.resource_changes)
    return [ResourceChange(res, *counts) for res, counts in sorted(by_resource.items())]


# -- stock over time ---------------------------------------------------------------------------------
def usable_totals(tables: Mapping[str, list[list[Any]]]) -> dict[str, int]:
    """Per resource, the owner's usable stock in a snapshot: on hand - reserved of live inventory items
    (whatever their condition or expiry: this is stock, not what the matcher may offer) and the headcount
    of live staff pools. Logged with each applied snapshot (snapshot_import.stock_totals)."""
    totals: dict[str, int] = {}
    res, on_hand, reserved, deleted = (_ITEM[c] for c in ("resource", "on_hand", "reserved", "deleted"))
    for row in tables.get("inventory_item", ()):
        if not row[deleted]:
            totals[row[res]] = totals.get(row[res], 0) + row[on_hand] - row[reserved]
    res, headcount, deleted = (_POOL[c] for c in ("resource", "headcount", "deleted"))
    for row in tables.get("staff_pool", ()):
        if not row[deleted]:
            totals[row[res]] = totals.get(row[res], 0) + row[headcount]
    return totals


def stock_series(workspace: Workspace, resource: str, now: datetime | None = None
                 ) -> dict[str, list[tuple[datetime, int]]]:
    """Owner -> [(snapshot created_at, usable total of `resource`)], oldest first, for "stock over time".

    One point per applied snapshot of every owner that had the resource in any of them (0 where a later or
    earlier snapshot had none). The own municipality gets one point: its current total at `now` (default:
    the present), since its own snapshots are not imported. Snapshots applied before schema 0004 logged no
    totals and are left out.
    """
    log = SnapshotImportRow.__table__
    query = (select(log.c.owner, log.c.created_at, log.c.stock_totals)
             .where(log.c.status == ImportStatus.APPLIED.value, log.c.stock_totals != "",
                    log.c.created_at.is_not(None))
             .order_by(log.c.created_at, log.c.id))
    points: dict[str, list[tuple[datetime, int]]] = {}
    seen: set[str] = set()
    with workspace.engine.connect() as conn:
        for owner, created_at, text in conn.execute(query):
            totals = json.loads(text)
            if resource in totals:
                seen.add(owner)
            points.setdefault(owner, []).append((_utc(created_at), int(totals.get(resource, 0))))
    series = {owner: points[owner] for owner in sorted(seen)}
    own = _own_total(workspace, resource)
    if own is not None:
        series[workspace.municipality] = [((now or datetime.now(UTC)).replace(microsecond=0), own)]
    return series


def _own_total(workspace: Workspace, resource: str) -> int | None:
    items = [i for i in workspace.inventory.list() if i.resource == resource]
    pools = [p for p in workspace.staff.list() if p.resource == resource]
    if not items and not pools:
        return None
    return sum(i.on_hand - i.reserved for i in items) + sum(p.headcount for p in pools)
