"""The map: places at their registry coordinates with the right aspect, hover texts, transfer lines, clicks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from disastershare.core.geo import haversine_km
from disastershare.ui.analysis_controller import AnalysisController
from disastershare.ui.analysis_data import MapLine, MapPoint, WorkspaceSource
from disastershare.ui.charts.map_chart import MapChart
from disastershare.ui.views.shortfall_tab import ShortfallTab

from .analysis_kit import A, B, C, loaded, plot_point, scenario


@pytest.fixture
def tab(qtbot, app, make_workspace, tmp_path):
    a, _, _ = scenario(make_workspace, tmp_path)
    controller = AnalysisController(WorkspaceSource(a))
    shortfall_tab = ShortfallTab(controller)
    qtbot.addWidget(shortfall_tab)
    shortfall_tab.resize(1200, 800)
    shortfall_tab.show()
    shortfall_tab.chart_tabs.setCurrentWidget(shortfall_tab.map_view)
    qtbot.waitExposed(shortfall_tab)
    controller.reload()
    loaded(qtbot, controller)
    controller.set_resource("S-WATER")
    yield shortfall_tab
    controller.shutdown()


def test_points_at_registry_coordinates_scaled_by_cos_mean_latitude(tab):
    chart = tab.map_view.chart
    registry = tab.controller.data.registry
    places = [registry.get(code) for code in (A, B, C)]
    scale = math.cos(math.radians(np.mean([m.lat for m in places])))
    assert chart.x_scale == pytest.approx(scale)
    drawn = {p.code: (spot.pos().x(), spot.pos().y()) for p, spot in zip(chart.points, chart.scatter.points(),
                                                                          strict=True)}
    for m in places:
        assert drawn[m.code] == pytest.approx((m.lon * scale, m.lat))
    assert chart.getViewBox().state["aspectLocked"] == 1.0  # one unit east = one unit north on screen


def test_points_coloured_by_shortfall_and_surplus(tab):
    chart = tab.map_view.chart
    colours = {p.code: spot.brush().color().name() for p, spot in zip(chart.points, chart.scatter.points(),
                                                                       strict=True)}
    assert colours == {A: "#d32f2f", B: "#1976d2", C: "#d32f2f"}  # A and C lack water, B offers it


def test_hover_text_has_name_quantity_and_distance(qtbot, tab):
    chart = tab.map_view.chart
    index = next(i for i, p in enumerate(chart.points) if p.code == C)
    text = chart.scatter.opts["tip"](x=0.0, y=0.0, data=index)
    km = haversine_km(35.69388889, 139.7536111, 35.65805556, 139.7516667)  # 千代田区 to 港区
    assert "東京都港区" in text and "Short: 500 L" in text and f"{km:,.1f} km from here" in text
    # And a real hover shows it as the tooltip
    spot = chart.scatter.points()[index]
    qtbot.mouseMove(chart.viewport(), plot_point(chart, spot.pos().x(), spot.pos().y()))
    qtbot.waitUntil(lambda: "東京都港区" in chart.getViewBox().toolTip())


def test_one_line_per_flow_of_the_selected_resource(tab):
    chart = tab.map_view.chart
    water = [f for f in tab.controller.plan.flows if f.resource == "S-WATER"]
    assert len(water) == 2  # B sends to A and to C
    assert chart.line_segments() == len(water) == len(chart.lines)
    assert all(not line.committed for line in chart.lines)
    tab.controller.set_resource("S-BLANKET")
    assert chart.line_segments() == len([f for f in tab.controller.plan.flows if f.resource == "S-BLANKET"]) == 1


def test_clicking_a_place_selects_its_rows_in_both_tables(qtbot, tab):
    chart = tab.map_view.chart
    index = next(i for i, p in enumerate(chart.points) if p.code == B)
    spot = chart.scatter.points()[index]
    with qtbot.waitSignal(chart.municipality_clicked) as clicked:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                         pos=plot_point(chart, spot.pos().x(), spot.pos().y()))
    assert clicked.args == [B]
    shortfall_rows = {tab.shortfall_model.row(tab.shortfall_proxy.mapToSource(i).row()).municipality
                      for i in tab.shortfall_view.selectionModel().selectedRows()}
    transfer_rows = [tab.transfer_model.flow(tab.transfer_proxy.mapToSource(i).row())
                     for i in tab.transfer_view.selectionModel().selectedRows()]
    assert shortfall_rows == {B}
    assert transfer_rows and all(B in (f.sender, f.receiver) for f in transfer_rows)


def test_committed_lines_are_solid_and_width_grows_with_quantity(qtbot, app):
    chart = MapChart()
    qtbot.addWidget(chart)
    points = [MapPoint("a", "甲", "甲", 139.0, 35.0, 0, 0, 10, 0, 0.0, True),
              MapPoint("b", "乙", "乙", 139.5, 35.2, 0, 50, 0, 50, 40.0, False)]
    lines = [MapLine("b", "a", 10, 40.0, committed=True), MapLine("b", "a", 40, 40.0, committed=False)]
    chart.set_map(points, lines, "枚", "ja")
    curves = {item.opts["pen"].style(): item.opts["pen"].widthF() for item in chart._line_items
              if hasattr(item, "xData")}
    assert curves[Qt.PenStyle.SolidLine] < curves[Qt.PenStyle.DashLine]
    assert chart.line_segments() == 2
