"""Screenshots of the analysis views on the demo workspace, in Japanese, for people to look at (CI keeps them)."""

from __future__ import annotations

from PySide6.QtGui import QImage

from disastershare.demo import DEMO_OWN, DEMO_PARTNERS, build_demo
from disastershare.store.request_store import create_request, request_from_flow, respond
from disastershare.store.workspace import Workspace
from disastershare.sync.demo_partners import FOLDER
from disastershare.ui.main_window import MainWindow
from disastershare.ui.translations import apply_language

from .analysis_kit import loaded, send


def with_requests(workspace: Workspace, tmp_path, controller) -> None:
    """Two requests of ours (one answered in part by the partner) and one a partner made to us."""
    flows = [f for f in controller.plan.flows if f.receiver == DEMO_OWN]
    first, second = flows[0], next(f for f in flows if f.sender != flows[0].sender)
    ours = request_from_flow(workspace, first, note="輸送案から作成")
    request_from_flow(workspace, second, note="輸送案から作成")
    partner = Workspace.open(workspace.root / FOLDER / first.sender)
    asker = Workspace.open(workspace.root / FOLDER / DEMO_PARTNERS[1])
    try:
        send(workspace, partner, tmp_path / "to-partner")
        respond(partner, ours.id, accept=max(first.quantity // 2, 1), note="残りは調整中")
        send(partner, workspace, tmp_path / "from-partner")
        create_request(asker, DEMO_OWN, "S-BLANKET", 200, note="避難所の夜間用")
        send(asker, workspace, tmp_path / "from-asker")
    finally:
        partner.close()
        asker.close()


def shoot(window: MainWindow, qtbot, path) -> None:
    qtbot.wait(50)  # layout, column fitting and painting
    assert window.grab().save(str(path), "PNG")
    image = QImage(str(path))
    assert image.width() >= 1200 and path.stat().st_size > 30_000


def test_analysis_screenshots_in_japanese(qtbot, app, tmp_path, artifacts):
    workspace = build_demo(tmp_path / "demo")
    try:
        apply_language("ja")
        window = MainWindow(workspace, "ja")
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        loaded(qtbot, window.analysis)
        with_requests(workspace, tmp_path, window.analysis)
        window.reload_all()
        qtbot.waitUntil(lambda: any(not window.requests_tab.model.is_ours(r)
                                    for r in range(window.requests_tab.model.rowCount())), timeout=10_000)
        qtbot.waitUntil(lambda: window.analysis.data is not None and bool(window.analysis.data.committed),
                        timeout=10_000)
        loaded(qtbot, window.analysis)
        tab = window.shortfall_tab
        window.tab_widget.setCurrentWidget(tab)
        shoot(window, qtbot, artifacts / "analysis_shortfalls_ja.png")
        committed = window.analysis.data.committed[0]
        window.analysis.set_resource(committed.resource)
        tab.chart_tabs.setCurrentWidget(tab.map_view)
        tab.select_municipality(committed.sender)
        shoot(window, qtbot, artifacts / "analysis_map_ja.png")
        tab.chart_tabs.setCurrentWidget(tab.stock_chart)
        shoot(window, qtbot, artifacts / "analysis_stock_ja.png")
        window.tab_widget.setCurrentWidget(window.requests_tab)
        window.requests_tab.select(window.requests_tab.model.request(0).id)
        shoot(window, qtbot, artifacts / "requests_ja.png")
        for kind in ("shortfall", "map", "stock"):
            tab.export_chart_png(kind, artifacts / f"chart_{kind}_ja.png")
        window.close()
    finally:
        workspace.close()
