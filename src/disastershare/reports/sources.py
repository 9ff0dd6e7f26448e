"""Where report figures come from: the inputs other parts of the app compute.

The report takes shortfalls, transfers, dispatches, request counts and partner status as plain figures, so
a caller that already has them (the GUI's matching view, a test) passes them in and nothing is computed
twice. When the caller passes nothing, the functions below get them from the workspace:
- shortfalls: core.shortfalls.positions over every owner's live records (the `shortfalls` command's table);
- proposed transfers: core.matching.match on those positions (the `match` command's flows);
- partner status: the partner table through store.mirror (what `partners list` shows).

ADAPTERS PENDING: functions marked `ADAPTER` return empty data until the records they need exist
(committed transfers, staff dispatch and requests come with the request lifecycle). Wire each one here;
nothing else in reports/ needs to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pandas as pd

from disastershare.core.matching import match, transport_problems
from disastershare.core.shortfalls import Picture, positions
from disastershare.store import mirror
from disastershare.store.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ShortfallFigure:
    """One row of `shortfalls --format json`."""

    municipality: str
    resource: str
    need: int
    available: int
    shortfall: int


@dataclass(frozen=True, slots=True)
class TransferFigure:
    """One flow of `match --format json`; committed once both sides agreed (request lifecycle)."""

    resource: str
    origin: str
    destination: str
    quantity: int
    km: float | None = None
    status: str = "proposed"


@dataclass(frozen=True, slots=True)
class DispatchFigure:
    work_type: str  # a staff resource code
    origin: str
    destination: str
    place: str
    headcount: int
    start: date | None = None
    until: date | None = None


@dataclass(frozen=True, slots=True)
class PartnerStatus:
    code: str
    agreement: str
    last_sequence: int | None
    last_created_at: datetime | None
    last_imported_at: datetime | None


def _aware(value: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes; the store writes them in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def workspace_partner_status(workspace: Workspace) -> list[PartnerStatus]:
    """Every enabled partner and its latest applied snapshot (disabled partners are not being synced)."""
    with workspace.engine.connect() as conn:
        rows = mirror.load_partners(conn)
    return [PartnerStatus(r.code, r.agreement or "", r.last_sequence, _aware(r.last_created_at),
                          _aware(r.last_imported_at)) for r in rows if r.enabled]


def workspace_positions(workspace: Workspace, as_of: date) -> pd.DataFrame:
    """Need, available, shortfall and surplus per municipality x resource, own and partners' records."""
    picture = Picture(workspace.inventory.list("*"), workspace.staff.list("*"), workspace.needs.list("*"),
                      workspace.catalog(), workspace.registry(), workspace.municipality)
    return positions(picture, as_of)


def shortfall_figures(table: pd.DataFrame) -> list[ShortfallFigure]:
    short = table[table["shortfall"] > 0]
    return [ShortfallFigure(str(m), str(r), int(n), int(a), int(s))
            for m, r, n, a, s in zip(short["municipality"], short["resource"], short["need"], short["available"],
                                     short["shortfall"], strict=True)]


def proposed_transfers(workspace: Workspace, table: pd.DataFrame) -> list[TransferFigure]:
    """The matcher's optimal plan (maximum quantity moved, then least quantity x km) as proposed transfers."""
    problems = transport_problems(table)
    if not problems:
        return []
    result = match(problems, workspace.registry())
    return [TransferFigure(f.resource, f.sender, f.receiver, f.quantity, round(f.km, 1)) for f in result.flows]


def committed_transfers(workspace: Workspace) -> list[TransferFigure]:
    """ADAPTER: transfers both sides agreed come with the request lifecycle (not yet here)."""
    return []


def workspace_dispatches(workspace: Workspace) -> list[DispatchFigure]:
    """ADAPTER: staff dispatch records do not exist yet (request lifecycle issue)."""
    return []


def workspace_request_counts(workspace: Workspace) -> dict[str, int]:
    """ADAPTER: requests by status; request records do not exist yet (request lifecycle issue)."""
    return {}
