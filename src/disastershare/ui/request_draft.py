"""A request prepared from a proposed transfer, for the person to check in the request dialog before it is made.

Nothing here writes: the dialog shows the draft, and only its OK makes the request. The draft says by when the
goods are needed (our earliest open need of that resource, never a day already past) and where to deliver
(our municipality and the store that holds most of that resource, else the store with the most stock rows;
staff report to the municipality itself).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from disastershare.core.catalog import ResourceKind
from disastershare.core.matching_model import Flow
from disastershare.core.records import InventoryItem, NeedStatus
from disastershare.store.workspace import Workspace

_OPEN = (NeedStatus.OPEN, NeedStatus.PARTLY_MET)


@dataclass(frozen=True, slots=True)
class RequestDraft:
    partner: str
    resource: str
    quantity: int
    needed_by: date | None
    place: str
    km: float


def draft_from_flow(workspace: Workspace, flow: Flow, today: date | None = None) -> RequestDraft:
    """What the request dialog starts with for `flow` (a transfer to us)."""
    today = today or date.today()
    dates = [n.needed_by for n in workspace.needs.list()
             if n.resource == flow.resource and n.status in _OPEN and n.needed_by is not None]
    needed_by = max(min(dates), today) if dates else None
    return RequestDraft(flow.sender, flow.resource, flow.quantity, needed_by, delivery_place(workspace, flow.resource),
                        flow.km)


def delivery_place(workspace: Workspace, resource: str) -> str:
    """'熊本県益城町 防災備蓄倉庫': where the partner delivers (the officer may change it)."""
    own = workspace.own_municipality()
    town = f"{own.prefecture}{own.name}"
    rtype = workspace.catalog().get(resource)
    if rtype is not None and rtype.kind is ResourceKind.STAFF:
        return town
    items = [i for i in workspace.inventory.list() if isinstance(i, InventoryItem) and i.location.strip()]
    same: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for item in items:
        every[item.location.strip()] += 1
        if item.resource == resource:
            same[item.location.strip()] += item.on_hand
    store = (same or every).most_common(1)
    return f"{town} {store[0][0]}" if store else town
