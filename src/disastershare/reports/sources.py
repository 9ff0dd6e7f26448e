"""Where report figures come from: the inputs other parts of the app compute.

The report takes shortfalls, transfers, dispatches, request counts and partner status as plain figures, so
a caller that already has them (the GUI's matching view, a test) passes them in and nothing is computed
twice. When the caller passes nothing, the functions below get them from the workspace:
- shortfalls: core.shortfalls.positions over every owner's live records (the `shortfalls` command's table);
- proposed transfers: core.matching.match on those positions (the `match` command's flows);
- partner status: the partner table through store.mirror (what `partners list` shows).

- committed transfers, staff dispatch and requests by status: the request records (store.request_store).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pandas as pd

from disastershare.core.catalog import ResourceKind
from disastershare.core.geo import haversine_km
from disastershare.core.matching import match, transport_problems
from disastershare.core.shortfalls import positions
from disastershare.store import mirror
from disastershare.store.picture import load_picture
from disastershare.store.request_store import all_requests, list_requests
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
    return positions(load_picture(workspace), as_of)


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


def _km(workspace: Workspace, origin: str, destination: str) -> float | None:
    registry = workspace.registry()
    a, b = registry.get(origin), registry.get(destination)
    return round(haversine_km(a.lat, a.lon, b.lat, b.lon), 1) if a and b else None


def committed_transfers(workspace: Workspace) -> list[TransferFigure]:
    """Transfers the supplier agreed to and that are not back yet (every request the workspace knows)."""
    figures = []
    for view in all_requests(workspace):
        if view.closed or not view.accepted:
            continue
        quantity = max(view.accepted, view.dispatched) - view.returned
        if quantity > 0:
            figures.append(TransferFigure(view.resource, view.supplier, view.requester, quantity,
                                          _km(workspace, view.supplier, view.requester), "committed"))
    return figures


def workspace_dispatches(workspace: Workspace) -> list[DispatchFigure]:
    """Staff sent and not yet back, with where they work and until when."""
    return [
        DispatchFigure(view.resource, view.supplier, view.requester, view.place, view.dispatched - view.returned,
                       view.period_from or view.dispatched_on, view.period_to or view.return_by)
        for view in all_requests(workspace)
        if view.kind is ResourceKind.STAFF and view.dispatched > view.returned
    ]


def workspace_request_counts(workspace: Workspace) -> dict[str, int]:
    """Our requests (made and received) by status."""
    return dict(Counter(view.status.value for view in list_requests(workspace)))
