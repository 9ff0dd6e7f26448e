"""The demo's partners arrive through real key cards and signed snapshots, with history and data ages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from disastershare.demo import DEMO_OWN, DEMO_PARTNERS, build_demo
from disastershare.store.workspace import Workspace
from disastershare.sync.demo_partners import add_demo_partners
from disastershare.sync.history import import_history, last_changes
from disastershare.sync.keys import generate_signing_key
from disastershare.sync.partners import list_partners


def test_demo_partners_show_stock_history_and_data_age(tmp_path: Path) -> None:
    now = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    workspace = Workspace.create(tmp_path / "demo", DEMO_OWN, drill=True)
    generate_signing_key(workspace.keys_dir)
    try:
        results = add_demo_partners(workspace, DEMO_PARTNERS[:4], seed=20160414, now=now)
        assert [(r.owner, r.sequence, r.status.value) for r in results] == [
            (code, seq, "applied") for code in DEMO_PARTNERS[:4] for seq in (1, 2)]
        partners = list_partners(workspace)
        assert [p.code for p in partners] == sorted(DEMO_PARTNERS[:4])
        assert all(p.last_sequence == 2 and p.enabled for p in partners)
        ages = sorted(p.age(now).total_seconds() / 3600 for p in partners)
        assert ages == [0, 4, 8, 12]
        owners = {i.meta.owner for i in workspace.inventory.list("*")}
        assert owners == set(DEMO_PARTNERS[:4])  # the bare workspace has no stock of its own
        changes = last_changes(workspace, DEMO_PARTNERS[0])
        assert sum(c.changed for c in changes) == 5 and sum(c.removed for c in changes) == 1
        assert len(import_history(workspace)) == 8
        assert (workspace.root / "demo-partners" / DEMO_PARTNERS[0] / "keys" / "signing_key.pem").exists()
        # running it again adds nothing twice
        assert add_demo_partners(workspace, DEMO_PARTNERS[:4], seed=20160414, now=now) == []
    finally:
        workspace.close()


def test_later_demo_partners_are_stale(tmp_path: Path) -> None:
    now = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    workspace = Workspace.create(tmp_path / "demo", DEMO_OWN, drill=True)
    generate_signing_key(workspace.keys_dir)
    try:
        add_demo_partners(workspace, DEMO_PARTNERS, seed=1, now=now)
        stale = [p.code for p in list_partners(workspace) if p.is_stale(now)]
        assert stale == list(DEMO_PARTNERS[7:])  # made 28 h before now
    finally:
        workspace.close()


def test_the_demo_workspace_holds_every_partner(tmp_path: Path) -> None:
    workspace = build_demo(tmp_path / "demo")
    try:
        assert sorted(p.code for p in list_partners(workspace)) == sorted(DEMO_PARTNERS)
        assert {i.meta.owner for i in workspace.inventory.list("*")} == {DEMO_OWN, *DEMO_PARTNERS}
    finally:
        workspace.close()
