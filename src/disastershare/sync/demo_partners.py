"""Demo partners: real partner workspaces whose signed snapshots the demo workspace imports.

Each partner gets a throwaway workspace under `<demo>/demo-partners/<code>` with its own key, stock
and needs; key cards are exchanged both ways, and two snapshots (a day-old one and a newer one with
some changes) are imported, so the demo shows partners' stock, an import history, what changed per
resource, and data ages from fresh to stale. Everything goes through the same code as real sync.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from disastershare.core.records import InventoryItem, RecordMeta
from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import export_snapshot
from disastershare.sync.importer import ImportResult, import_snapshots
from disastershare.sync.keycard import own_keycard
from disastershare.sync.keys import generate_signing_key
from disastershare.sync.partners import Agreement, add_partner, list_partners
from disastershare.sync.progress import drain

FOLDER = "demo-partners"
_AGREEMENTS = (Agreement.MUTUAL_AID, Agreement.WIDE_AREA_GROUP, Agreement.PREFECTURE)


def add_demo_partners(workspace: Workspace, partner_codes: Sequence[str], seed: int,
                      now: datetime | None = None) -> list[ImportResult]:
    """Create, trust and import every partner in `partner_codes`; returns the import results, oldest first.

    The latest snapshot of partner i was made 4*i hours before `now`, so later partners in the list
    show as stale (older than partners.STALE_AFTER) in the Partners tab.
    """
    from disastershare.demo import demo_records  # demo builds on store and sync; import late, no cycle

    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    known = {p.code for p in list_partners(workspace)}
    results: list[ImportResult] = []
    for i, code in enumerate(partner_codes):
        if code in known or code == workspace.municipality:
            continue
        root = workspace.root / FOLDER / code
        partner = Workspace.create(root, code, drill=workspace.drill)
        try:
            generate_signing_key(partner.keys_dir)
            items, pools, needs = demo_records(code, partner.catalog(), seed=seed + i)
            partner.apply_import("demo", "demo", len(items) + len(pools) + len(needs), [*items, *pools, *needs], [])
            add_partner(workspace, own_keycard(partner), _AGREEMENTS[i % len(_AGREEMENTS)], now=moment)
            add_partner(partner, own_keycard(workspace), now=moment)
            latest = moment - timedelta(hours=4 * i)
            first = drain(export_snapshot(partner, root / "outbox", now=latest - timedelta(hours=24)))
            _change_some_stock(partner, random.Random(seed * 7919 + i))
            second = drain(export_snapshot(partner, root / "outbox", now=latest))
            results += drain(import_snapshots(workspace, [first.path], now=latest - timedelta(hours=23)))
            results += drain(import_snapshots(workspace, [second.path], now=latest + timedelta(minutes=30)))
        finally:
            partner.close()
    return results


def _change_some_stock(partner: Workspace, rng: random.Random) -> None:
    """Between the two snapshots: some stock was handed out, one item written off, one new item came in."""
    items: list[InventoryItem] = partner.inventory.list()
    if len(items) < 3:
        return
    handed_out = rng.sample(items, k=min(5, len(items) - 1))
    written_off = next(i for i in items if i not in handed_out)
    arrived = replace(rng.choice(items), meta=RecordMeta(partner.municipality), location="支援物資受入拠点",
                      reserved=0)
    partner.inventory.apply(adds=[arrived], changes=[
        replace(item, on_hand=item.on_hand - (item.on_hand - item.reserved) // 3) for item in handed_out])
    partner.inventory.delete(written_off.meta.id)
