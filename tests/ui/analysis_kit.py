"""Given partners for the analysis and request tests: real workspaces with keys, exchanging signed snapshots.

A = 千代田区 (the workspace under test), B = 中央区 and C = 港区, its partners. Partners' records reach A only
through export_snapshot + import_snapshots, as they would in use.

  S-WATER       A needs 1,000 (by WATER_NEEDED_BY) and has 200 at 本庁舎 (short 800, 80%); B has 3,000 (offers
                3,000); C needs 500 (short 100%)
  S-BLANKET     B needs 100 (short 100%); C has 300 (offers 300)
  E-GENERATOR   A needs 5 and has 1 (short 4, 80%)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF

from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import export_snapshot
from disastershare.sync.importer import import_snapshots
from disastershare.sync.keycard import own_keycard
from disastershare.sync.keys import generate_signing_key
from disastershare.sync.partners import add_partner
from disastershare.sync.progress import drain
from disastershare.ui.analysis_controller import AnalysisController

from .conftest import add_item, add_need

A, B, C = "131016", "131024", "131032"
WATER_NEEDED_BY = date.today() + timedelta(days=2)  # A's water need: the request from a transfer asks by then


def keyed(make_workspace: Callable[..., Workspace], code: str, name: str) -> Workspace:
    workspace = make_workspace(code, name=name)
    generate_signing_key(workspace.keys_dir)
    return workspace


def link(a: Workspace, b: Workspace) -> None:
    add_partner(a, own_keycard(b))
    add_partner(b, own_keycard(a))


def send(source: Workspace, target: Workspace, folder: Path) -> None:
    """source's newest state reaches target: one snapshot exported and imported."""
    folder.mkdir(parents=True, exist_ok=True)
    path = drain(export_snapshot(source, folder)).path
    results = drain(import_snapshots(target, [path]))
    assert [r.status.value for r in results] == ["applied"], results


def scenario(make_workspace: Callable[..., Workspace], tmp_path: Path) -> tuple[Workspace, Workspace, Workspace]:
    a = keyed(make_workspace, A, "a")
    b = keyed(make_workspace, B, "b")
    c = keyed(make_workspace, C, "c")
    link(a, b)
    link(a, c)
    add_need(a, "S-WATER", 1000, needed_by=WATER_NEEDED_BY)
    add_item(a, "S-WATER", 200, location="本庁舎")
    add_need(a, "E-GENERATOR", 5)
    add_item(a, "E-GENERATOR", 1)
    add_item(b, "S-WATER", 3000)
    add_need(b, "S-BLANKET", 100)
    add_need(c, "S-WATER", 500)
    add_item(c, "S-BLANKET", 300)
    send(b, a, tmp_path / "b-out")
    send(c, a, tmp_path / "c-out")
    return a, b, c


def loaded(qtbot, controller: AnalysisController) -> AnalysisController:
    """Wait until the controller has read the workspace and the exact plan is in."""
    qtbot.waitUntil(lambda: controller.data is not None and controller.plan is not None and controller.plan.exact,
                    timeout=15_000)
    return controller


def plot_point(widget, x: float, y: float) -> QPoint:
    """Where plot coordinates (x, y) of a pyqtgraph PlotWidget are, in its viewport's pixels."""
    scene = widget.getViewBox().mapViewToScene(QPointF(x, y))
    return widget.mapFromScene(scene)
