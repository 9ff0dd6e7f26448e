"""Fixtures for sync tests: real workspaces with real keys, records, key cards and snapshot files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sync_helpers import stock

from disastershare.store.workspace import Workspace
from disastershare.sync.keys import generate_signing_key
from workspace_templates import fresh_workspace


@pytest.fixture
def make_workspace(tmp_path: Path) -> Iterator[Callable[..., Workspace]]:
    """Create a workspace with its signing key (as `init` does), optionally stocked with demo records."""
    opened: list[Workspace] = []

    def make(code: str, *, drill: bool = False, seed: int | None = 1, name: str | None = None) -> Workspace:
        workspace = fresh_workspace(tmp_path / (name or f"ws-{code}"), code, drill)
        generate_signing_key(workspace.keys_dir)
        if seed is not None:
            stock(workspace, seed)
        opened.append(workspace)
        return workspace

    yield make
    for workspace in opened:
        workspace.close()
