"""What the Sync tab shows besides the import itself: the import log and what changed per partner.

Data age and the stale flag live on `partners.Partner` (`age()`, `is_stale()`, `STALE_AFTER`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from disastershare.store import mirror
from disastershare.store.mirror import ImportLogLine
from disastershare.store.workspace import Workspace
from disastershare.sync.results import Changes, ImportStatus


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
