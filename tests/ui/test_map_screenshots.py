"""Screenshots of the map (Japanese) for people to look at: the demo workspace's map in the window (one
resource, every resource, zoomed out to Japan), the report's map, and a national map. CI keeps them."""

from __future__ import annotations

import random

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QImage

from disastershare.core.geo import haversine_km
from disastershare.core.reference_data import shipped_prefectures, shipped_registry
from disastershare.demo import DEMO_OWN, build_demo
from disastershare.ui.analysis_data import MapLine, MapPoint
from disastershare.ui.charts.map_chart import MapChart, Transfer
from disastershare.ui.main_window import MainWindow
from disastershare.ui.translations import apply_language

from .analysis_kit import loaded, plot_point


def saved(widget, path) -> QImage:
    assert widget.grab().save(str(path), "PNG")
    image = QImage(str(path))
    assert image.width() >= 1000 and path.stat().st_size > 30_000
    return image


def test_map_screenshots_in_japanese(qtbot, app, tmp_path, artifacts):
    workspace = build_demo(tmp_path / "demo")
    try:
        apply_language("ja")
        window = MainWindow(workspace, "ja")
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        loaded(qtbot, window.analysis)
        tab = window.shortfall_tab
        window.tab_widget.setCurrentWidget(tab)
        tab.chart_tabs.setCurrentWidget(tab.map_view)
        tab.splitter.setSizes([560, 200])
        qtbot.wait(50)
        view, chart = tab.map_view, tab.map_view.chart
        # One resource, the mouse near a partner: its name shows
        partner = next(p for p in chart.points if not p.is_home)
        spot = chart.scatter.points()[chart.points.index(partner)]
        qtbot.mouseMove(chart.viewport(), plot_point(chart, spot.pos().x(), spot.pos().y()) + QPoint(8, 6))
        qtbot.waitUntil(lambda: chart.hover_label is not None)
        assert chart.shown_labels() and chart.home_label.text.startswith("益城町")
        saved(window, artifacts / "map_window_one_ja.png")
        # Every resource
        view.show_all_resources(True)
        chart.scene().sigMouseMoved.emit(QPointF(-100, -100))  # the mouse leaves
        qtbot.wait(50)
        assert view.resource_combo.currentText() == "すべての品目" and chart.all_resources
        saved(window, artifacts / "map_window_all_ja.png")
        # Zoomed out: Kyushu and beyond, the basemap's coast and prefecture borders around the demo
        left, bottom = chart.position(128.5, 30.8)
        right, top = chart.position(133.5, 34.6)
        chart.getViewBox().setRange(xRange=(left, right), yRange=(bottom, top), padding=0)
        qtbot.wait(50)
        saved(window, artifacts / "map_window_zoomed_out_ja.png")
        # The report's map: every resource, whatever the window shows
        view.show_all_resources(False)
        path = tab.export_chart_png("map", artifacts / "map_report_all_ja.png")
        assert not chart.all_resources and QImage(str(path)).width() == 1600
        assert any(p.code == DEMO_OWN for p in chart.points)
        window.close()
    finally:
        workspace.close()


def test_national_map_screenshot(qtbot, app, artifacts):
    """All 1,916 municipalities with 300 transfers of one resource, framed on the whole country."""
    apply_language("ja")
    rng = random.Random(15)
    registry = list(shipped_registry())
    home = next(m for m in registry if m.code == "131016")
    points = []
    for m in registry:
        draw = rng.random()
        short, surplus = (rng.randint(1, 900), 0) if draw < 0.3 else (0, rng.randint(1, 900)) if draw < 0.7 else (0, 0)
        points.append(MapPoint(m.code, f"{m.prefecture}{m.name}", m.name, m.lon, m.lat, 1000, 1000 - short, short,
                               surplus, haversine_km(home.lat, home.lon, m.lat, m.lon), m is home))
    transfers = []
    while len(transfers) < 300:
        a, b = rng.sample(points, 2)
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if km < 120:
            transfers.append(Transfer(MapLine(a.code, b.code, rng.randint(10, 900), km, len(transfers) % 25 == 0),
                                      "", "枚"))
    chart = MapChart(shipped_prefectures())
    qtbot.addWidget(chart)
    chart.resize(1100, 1000)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_content(points, transfers, "ja", unit="枚")
    assert not chart.overview.isVisible()  # the whole country is in view
    path = chart.export_shown_png(artifacts / "map_national_ja.png")
    assert QImage(str(path)).width() == 1600
