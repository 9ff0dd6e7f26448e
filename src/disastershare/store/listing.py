"""Flat rows (plain dicts with catalog names and units) for listings, exports and JSON output."""

from __future__ import annotations

from datetime import date
from typing import Any

from disastershare.core.catalog import Catalog
from disastershare.core.expiry import ExpiryState, available_quantity, expiry_state
from disastershare.core.records import InventoryItem, StaffPool
from disastershare.store.workspace import Workspace


def _names(catalog: Catalog, code: str) -> dict[str, Any]:
    rtype = catalog.get(code)
    if rtype is None:  # a partner's local type we have not learned yet
        return {"kind": "", "name_ja": code, "name_en": code, "unit": "", "category": ""}
    return {"kind": rtype.kind.value, "name_ja": rtype.name_ja, "name_en": rtype.name_en,
            "unit": rtype.unit, "category": rtype.category}


def item_row(item: InventoryItem, catalog: Catalog, today: date | None = None) -> dict[str, Any]:
    """expiry_state (none|ok|soon|expired) and available (on hand - reserved; 0 once expired or damaged)
    are as of `today` (default: the present day)."""
    today = today or date.today()
    return {"municipality": item.meta.owner, "resource": item.resource, **_names(catalog, item.resource),
            "on_hand": item.on_hand, "reserved": item.reserved, "location": item.location,
            "condition": item.condition.value, "expiry": item.expiry.isoformat() if item.expiry else None,
            "note": item.note, "id": item.meta.id, "revision": item.meta.revision,
            "updated_at": item.meta.updated_at.isoformat() if item.meta.updated_at else None,
            "expiry_state": expiry_state(item.expiry, today).value, "available": available_quantity(item, today)}


def staff_row(pool: StaffPool, catalog: Catalog) -> dict[str, Any]:
    return {"municipality": pool.meta.owner, "resource": pool.resource, **_names(catalog, pool.resource),
            "on_hand": pool.headcount, "reserved": 0, "location": pool.contact_section,
            "condition": "", "expiry": None, "note": pool.note,
            "available_from": pool.available_from.isoformat() if pool.available_from else None,
            "available_to": pool.available_to.isoformat() if pool.available_to else None,
            "max_dispatch_days": pool.max_dispatch_days, "id": pool.meta.id,
            "revision": pool.meta.revision,
            "updated_at": pool.meta.updated_at.isoformat() if pool.meta.updated_at else None,
            # Staff do not expire; whether a pool is free depends on the period asked (core.shortfalls).
            "expiry_state": ExpiryState.NONE.value, "available": pool.headcount}


def inventory_rows(workspace: Workspace, everyone: bool = False, today: date | None = None) -> list[dict[str, Any]]:
    """Equipment and supplies, then staff pools (headcount as on_hand), own first; expiry as of `today`."""
    owner = "*" if everyone else None
    catalog = workspace.catalog()
    today = today or date.today()
    rows = [item_row(i, catalog, today) for i in workspace.inventory.list(owner)]
    rows += [staff_row(p, catalog) for p in workspace.staff.list(owner)]
    own = workspace.municipality
    rows.sort(key=lambda r: (r["municipality"] != own, r["municipality"], r["kind"] == "staff", r["resource"]))
    return rows


def need_rows(workspace: Workspace, everyone: bool = False) -> list[dict[str, Any]]:
    catalog = workspace.catalog()
    return [
        {"municipality": n.meta.owner, "resource": n.resource, **_names(catalog, n.resource),
         "quantity": n.quantity, "needed_by": n.needed_by.isoformat() if n.needed_by else None,
         "priority": n.priority.value, "status": n.status.value, "note": n.note, "id": n.meta.id,
         "revision": n.meta.revision}
        for n in workspace.needs.list("*" if everyone else None)
    ]
