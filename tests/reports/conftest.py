"""Fixtures: a drill and a live workspace for 益城町 (434434) with own records and partners' mirrored records."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportkit import NOW, OWN, fill

from disastershare.reports.model import ReportData
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace


@pytest.fixture
def drill_ws(tmp_path: Path) -> Workspace:
    workspace = fill(Workspace.create(tmp_path / "ws", OWN, drill=True))
    yield workspace
    workspace.close()


@pytest.fixture
def live_ws(tmp_path: Path) -> Workspace:
    workspace = fill(Workspace.create(tmp_path / "live", OWN, drill=False))
    yield workspace
    workspace.close()


@pytest.fixture
def drill_data(drill_ws: Workspace) -> ReportData:
    return build_report_data(drill_ws, now=NOW)
