"""Given two real workspaces that trust each other: key cards, snapshots and imports through the sync API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import export_snapshot
from disastershare.sync.keycard import own_keycard, write_keycard
from disastershare.sync.keys import generate_signing_key
from disastershare.sync.partners import Agreement, add_partner
from disastershare.sync.progress import drain

from .conftest import OWN, PARTNER, add_item

THIRD = "131032"  # 東京都港区


def keyed_workspace(make_workspace: Callable[..., Workspace], code: str, name: str) -> Workspace:
    workspace = make_workspace(code, name=name)
    generate_signing_key(workspace.keys_dir)
    return workspace


def own_and_partner(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, Workspace]:
    """千代田区 (own, empty) and 中央区 (partner, with stock), each trusting the other's key."""
    own = keyed_workspace(make_workspace, OWN, "own")
    partner = keyed_workspace(make_workspace, PARTNER, "partner")
    add_item(partner, "S-BLANKET", 300, location="中央区備蓄倉庫")
    add_item(partner, "S-WATER", 1200, location="中央区役所")
    add_partner(own, own_keycard(partner), Agreement.MUTUAL_AID)
    add_partner(partner, own_keycard(own), Agreement.MUTUAL_AID)
    return own, partner


def snapshot_of(workspace: Workspace, folder: Path, now: datetime | None = None) -> Path:
    """A real signed snapshot file of `workspace`'s own records (the next sequence number)."""
    folder.mkdir(parents=True, exist_ok=True)
    return drain(export_snapshot(workspace, folder, now)).path


def key_card_of(workspace: Workspace, path: Path) -> Path:
    return write_keycard(own_keycard(workspace), path)
