"""Shared fixtures: every test gets fresh temporary workspaces on real SQLite files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from disastershare.store.workspace import Workspace
from disastershare.sync.keys import generate_signing_key
from workspace_templates import fresh_workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _no_ambient_workspace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the user's real workspace: the default location points into tmp_path."""
    monkeypatch.setenv("DISASTERSHARE_WORKSPACE", str(tmp_path / "default-workspace"))


@pytest.fixture
def make_workspace(tmp_path: Path) -> Callable[..., Workspace]:
    created: list[Workspace] = []

    def factory(code: str = "131016", drill: bool = False, name: str | None = None) -> Workspace:
        workspace = fresh_workspace(tmp_path / (name or f"ws-{code}{'-drill' if drill else ''}"), code, drill)
        generate_signing_key(workspace.keys_dir)
        created.append(workspace)
        return workspace

    yield factory
    for workspace in created:
        workspace.close()


@pytest.fixture
def workspace(make_workspace) -> Workspace:
    return make_workspace()


@pytest.fixture
def artifacts_dir(tmp_path: Path) -> Path:
    """Where tests save screenshots and rendered pages for a human to look at (CI keeps the folder)."""
    folder = Path(os.environ.get("DISASTERSHARE_ARTIFACTS", tmp_path / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
