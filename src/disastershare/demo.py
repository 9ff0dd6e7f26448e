"""The demo drill workspace: 益城町 and its partners in 熊本県, with stock, staff and needs.

Deterministic (seeded), so screenshots and tests see the same picture every time.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from disastershare.core.catalog import Catalog, ResourceKind
from disastershare.core.records import Condition, InventoryItem, Need, Priority, RecordMeta, StaffPool
from disastershare.store.workspace import Workspace
from disastershare.sync.demo_partners import add_demo_partners
from disastershare.sync.demo_requests import add_demo_request
from disastershare.sync.keys import generate_signing_key

DEMO_OWN = "434434"  # 益城町 (Mashiki), hit hardest by the 2016 Kumamoto earthquakes
DEMO_PARTNERS = ("431001", "432105", "432130", "432148", "432164", "434035", "434418", "434426")
LOCATIONS = ("防災備蓄倉庫", "役場本庁舎", "保健福祉センター", "総合体育館", "第二備蓄倉庫")
SECTIONS = ("危機管理課", "健康づくり推進課", "都市建設課", "福祉課", "総務課")


def demo_records(owner: str, catalog: Catalog, seed: int, today: date | None = None,
                 scale: float = 1.0) -> tuple[list[InventoryItem], list[StaffPool], list[Need]]:
    """A plausible stock list, staff pools and needs for one municipality."""
    rng = random.Random(seed)
    today = today or date.today()
    items: list[InventoryItem] = []
    pools: list[StaffPool] = []
    needs: list[Need] = []
    for rtype in catalog:
        if rtype.owner is not None:
            continue
        if rtype.kind is ResourceKind.STAFF:
            if rng.random() < 0.7:
                pools.append(StaffPool(
                    RecordMeta(owner), rtype.code, max(1, int(rng.randint(1, 12) * scale)),
                    today, today + timedelta(days=rng.choice((14, 30, 60))), rng.choice((3, 5, 7, 14)),
                    rng.choice(SECTIONS)))
            continue
        if rng.random() < 0.85:
            big = rtype.kind is ResourceKind.SUPPLY
            on_hand = int((rng.randint(200, 6000) if big else rng.randint(1, 25)) * scale)
            items.append(InventoryItem(
                RecordMeta(owner), rtype.code, on_hand, int(on_hand * rng.choice((0, 0.1, 0.2, 0.3))),
                rng.choice(LOCATIONS),
                Condition.READY if rng.random() < 0.9 else Condition.NEEDS_CHECK,
                today + timedelta(days=rng.randint(90, 1500)) if big else None))
        if rng.random() < 0.25:
            needs.append(Need(
                RecordMeta(owner), rtype.code,
                int((rng.randint(300, 8000) if rtype.kind is ResourceKind.SUPPLY else rng.randint(2, 30))
                    * scale) or 1,
                today + timedelta(days=rng.randint(0, 5)),
                rng.choice((Priority.HIGH, Priority.NORMAL, Priority.NORMAL, Priority.LOW))))
    return items, pools, needs


def build_demo(root: Path) -> Workspace:
    """Create the demo drill workspace at root (which must not hold one yet)."""
    workspace = Workspace.create(root, DEMO_OWN, drill=True)
    generate_signing_key(workspace.keys_dir)
    items, pools, needs = demo_records(DEMO_OWN, workspace.catalog(), seed=20160414)
    workspace.apply_import("demo", "demo", len(items) + len(pools) + len(needs), [*items, *pools, *needs], [])
    add_demo_partners(workspace, DEMO_PARTNERS, seed=20160414)
    add_demo_request(workspace, prefer=DEMO_PARTNERS)  # a live request, there and back through two exchanges
    return workspace
