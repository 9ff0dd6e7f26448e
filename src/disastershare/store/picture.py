"""Load what the shortfall and matching engine needs from a workspace: one read, pure core inputs out."""

from __future__ import annotations

from disastershare.core.shortfalls import Picture
from disastershare.store.request_store import all_requests
from disastershare.store.workspace import Workspace


def load_picture(workspace: Workspace) -> Picture:
    """Every owner's live (non-deleted) inventory, staff pools and needs - own and partners' mirrored records
    alike - with the workspace's catalog and registry, and every request known: accepted and dispatched
    quantities stop being offered by their supplier, and requests cover part of their requester's need
    (core.shortfalls, core.requests.committed_of / incoming_of)."""
    return Picture(
        inventory=tuple(workspace.inventory.list("*")),
        staff=tuple(workspace.staff.list("*")),
        needs=tuple(workspace.needs.list("*")),
        catalog=workspace.catalog(),
        registry=workspace.registry(),
        home=workspace.municipality,
        requests=tuple(all_requests(workspace)),
    )
