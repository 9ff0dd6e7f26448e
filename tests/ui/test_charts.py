"""The Shortfalls tab: its table models, the bar chart, clicks that select rows, PNG export, live updates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from disastershare.core.matching_model import Flow
from disastershare.ui.analysis_controller import AnalysisController
from disastershare.ui.analysis_data import WorkspaceSource, load_analysis, resource_bars
from disastershare.ui.charts.stock_chart import MAX_LINES, StockChart
from disastershare.ui.main_window import MainWindow
from disastershare.ui.models import shortfall_table_model as sm
from disastershare.ui.models import transfer_table_model as tm
from disastershare.ui.models.analysis_filter_proxy import AnalysisFilterProxy
from disastershare.ui.models.record_table_model import RowRole, SortRole
from disastershare.ui.models.shortfall_table_model import ShortfallRow, ShortfallTableModel
from disastershare.ui.models.transfer_table_model import TransferTableModel
from disastershare.ui.views.shortfall_tab import CHART_KINDS, ShortfallTab

from .analysis_kit import A, B, C, loaded, plot_point, scenario
from .conftest import add_need

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def partners(app, make_workspace, tmp_path):
    return scenario(make_workspace, tmp_path)


@pytest.fixture
def tab(qtbot, partners):
    a = partners[0]
    controller = AnalysisController(WorkspaceSource(a))
    shortfall_tab = ShortfallTab(controller)
    qtbot.addWidget(shortfall_tab)
    shortfall_tab.resize(1200, 800)
    shortfall_tab.show()
    qtbot.waitExposed(shortfall_tab)
    controller.reload()
    loaded(qtbot, controller)
    yield shortfall_tab
    controller.shutdown()


# -- models, without widgets ------------------------------------------------------------------------------------
def test_shortfall_model_rows_roles_and_numpy_sort(partners):
    data = load_analysis(partners[0])
    model = ShortfallTableModel()
    model.set_positions(data.positions, data.catalog, data.home, data.place_name, "en")
    # Given positions with a shortfall or a surplus: A water, A generator, B water, B blanket, C water, C blanket
    assert model.rowCount() == 6
    rows = {(model.row(r).municipality, model.row(r).resource): r for r in range(model.rowCount())}
    water = rows[(A, "S-WATER")]
    assert model.index(water, sm.PLACE).data(DISPLAY) == "東京都千代田区"
    assert model.index(water, sm.RESOURCE).data(DISPLAY) == "Drinking water"
    assert model.index(water, sm.SHORTFALL).data(DISPLAY) == "800"
    assert model.index(water, sm.PERCENT).data(DISPLAY) == "80%"
    assert model.index(water, sm.SHORTFALL).data(SortRole) == 800
    assert model.index(water, 0).data(RowRole) == ShortfallRow(A, "S-WATER", 1000, 200, 800, 0, "L")
    assert model.index(rows[(B, "S-WATER")], sm.SURPLUS).data(DISPLAY) == "3,000"
    assert model.index(water, 0).data(Qt.ItemDataRole.FontRole).bold()  # own rows stand out
    # When sorted by shortfall, largest first, through the proxy (the view's path)
    proxy = AnalysisFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(sm.SHORTFALL, Qt.SortOrder.DescendingOrder)
    shortfalls = [proxy.index(r, sm.SHORTFALL).data(SortRole) for r in range(proxy.rowCount())]
    assert shortfalls == sorted(shortfalls, reverse=True) and shortfalls[0] == 800
    # And filtered to one resource
    proxy.set_resource("S-BLANKET")
    assert {proxy.index(r, sm.RESOURCE).data(DISPLAY) for r in range(proxy.rowCount())} == {"Blankets"}
    assert model.rows_where(resource="S-WATER", municipality=C) == [
        r for r in range(model.rowCount()) if model.row(r).municipality == C and model.row(r).resource == "S-WATER"]


def test_transfer_model_rows_and_roles(partners):
    data = load_analysis(partners[0])
    model = TransferTableModel()
    flows = [Flow("S-WATER", B, A, 800, 2.5, 0.8), Flow("S-WATER", B, C, 500, 3.25)]
    model.set_flows(flows, data.catalog, A, data.place_name, "ja")
    assert model.rowCount() == 2
    assert [model.index(0, c).data(DISPLAY) for c in range(model.columnCount())] == [
        "飲料水（保存水）", "東京都中央区", "東京都千代田区", "800", "L", "2.5", "0.80"]
    assert model.index(1, tm.KM).data(SortRole) == 3.25
    assert model.index(0, 0).data(RowRole) is flows[0]
    assert model.is_incoming(0) and not model.is_incoming(1)
    model.sort(tm.QUANTITY, Qt.SortOrder.AscendingOrder)
    assert [model.flow(r).quantity for r in range(2)] == [500, 800]


def test_resource_bars_use_percent_of_need_and_sort_by_severity(partners):
    data = load_analysis(partners[0])
    bars = resource_bars(data.positions, A)
    # water: own 800/1000, partners 500/500; blankets: partners 100/100; generators: own 4/5
    assert [b.resource for b in bars] == ["S-WATER", "S-BLANKET", "E-GENERATOR"]
    assert [(b.own_percent, b.partner_percent) for b in bars] == [(80.0, 100.0), (0.0, 100.0), (80.0, 0.0)]


# -- the bar chart ----------------------------------------------------------------------------------------------
def test_bar_chart_one_bar_per_resource_with_heights_sorted_by_severity(tab):
    chart = tab.bar_chart
    assert chart.resources() == ["S-WATER", "S-BLANKET", "E-GENERATOR"]
    assert np.allclose(chart.heights("own"), [80, 0, 80])
    assert np.allclose(chart.heights("partners"), [100, 100, 0])
    assert len(chart._own.opts["width"]) == len(chart._partners.opts["width"]) == 3  # one bar each per resource
    severity = np.maximum(chart.heights("own"), chart.heights("partners"))
    assert list(severity) == sorted(severity, reverse=True)
    ticks = [text for _, text in chart.plot.getAxis("left")._tickLevels[0]]
    assert ticks == ["Drinking water [L]", "Blankets [枚]", "Generators [台]"]  # the unit in every tick label


def test_clicking_a_bar_selects_the_resource_rows(qtbot, tab):
    chart = tab.bar_chart
    x, y = chart.row_centre("S-BLANKET", "partners")
    with qtbot.waitSignal(chart.resource_clicked) as clicked:
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=plot_point(chart.plot, x, y))
    assert clicked.args == ["S-BLANKET"]
    selected = {tab.shortfall_model.row(tab.shortfall_proxy.mapToSource(i).row())
                for i in tab.shortfall_view.selectionModel().selectedRows()}
    assert {(r.municipality, r.resource) for r in selected} == {(B, "S-BLANKET"), (C, "S-BLANKET")}
    assert tab.controller.resource == "S-BLANKET"
    assert tab.resource_combo.currentData() == "S-BLANKET"


def test_bar_tooltip_names_quantities_with_units(tab):
    text = tab.bar_chart.tooltip(0)
    assert "Drinking water [L]" in text and "800 of 1,000 L (80%)" in text and "500 of 500 L (100%)" in text


# -- export -------------------------------------------------------------------------------------------------------
def test_every_chart_exports_a_non_empty_png(tab, tmp_path):
    for kind in CHART_KINDS:
        path = tab.export_chart_png(kind, tmp_path / f"{kind}.png")
        image = QImage(str(path))
        assert path.stat().st_size > 2_000 and image.width() >= 1000 and image.height() > 200, kind
    charts = tab.report_charts(tmp_path / "report")
    assert [c.path.name for c in charts] == ["chart_shortfall.png", "chart_map.png", "chart_stock.png"]
    assert all(c.title_ja and c.title_en for c in charts)
    with pytest.raises(ValueError):
        tab.export_chart_png("pie", tmp_path / "pie.png")


def test_context_menu_offers_save_and_view_all(tab):
    menu = tab.bar_chart.plot.context_menu()
    assert [a.objectName() for a in menu.actions() if a.objectName()] == ["viewAllAction", "saveChartAction"]


# -- live updates ---------------------------------------------------------------------------------------------------
def test_charts_and_tables_update_after_a_data_change(qtbot, tab, partners):
    a = partners[0]
    rows_before = tab.shortfall_model.rowCount()
    # When a new need is recorded and the data-changed path runs
    add_need(a, "S-TARP", 40)
    tab.controller.schedule_reload()
    # Then the bars, the table and the plan follow without anything else being done
    qtbot.waitUntil(lambda: "S-TARP" in tab.bar_chart.resources(), timeout=10_000)
    assert tab.shortfall_model.rowCount() == rows_before + 1
    assert tab.resource_combo.findData("S-TARP") >= 0
    loaded(qtbot, tab.controller)


def test_main_window_edit_refreshes_the_analysis(qtbot, app, partners):
    a = partners[0]
    window = MainWindow(a, "en")
    qtbot.addWidget(window)
    window.show()
    loaded(qtbot, window.analysis)
    assert "S-TARP" not in window.shortfall_tab.bar_chart.resources()
    # When a need is added in the Needs tab (through the undo stack, as a person would)
    window.tab("needsTab").add_record("S-TARP", 40)
    # Then the bar chart shows it shortly after
    qtbot.waitUntil(lambda: "S-TARP" in window.shortfall_tab.bar_chart.resources(), timeout=10_000)
    assert window.tab_widget.indexOf(window.shortfall_tab) == 3
    window.close()


def test_language_switch_reaches_the_analysis_and_requests_tabs(qtbot, app, partners):
    window = MainWindow(partners[0], "en")
    qtbot.addWidget(window)
    window.show()
    loaded(qtbot, window.analysis)
    tab = window.shortfall_tab
    assert window.tab_widget.tabText(window.tab_widget.indexOf(tab)) == "Shortfalls and transfers"
    assert tab.resource_combo.itemText(0) == "Drinking water [L]"
    window.set_language("ja", save=False)
    qtbot.waitUntil(lambda: window.tab_widget.tabText(window.tab_widget.indexOf(tab)) == "不足と調整")
    assert window.tab_widget.tabText(window.tab_widget.indexOf(window.requests_tab)) == "要請"
    assert tab.resource_combo.itemText(0) == "飲料水（保存水） [L]"
    assert tab.shortfall_model.headerData(sm.SHORTFALL, Qt.Orientation.Horizontal) == "不足数"
    assert tab.chart_tabs.tabText(1) == "地図"
    assert tab.bar_chart.plot.getAxis("left")._tickLevels[0][0][1] == "飲料水（保存水） [L]"
    window.close()


def test_stock_chart_one_line_per_municipality_from_the_snapshot_history(tab):
    tab.controller.set_resource("S-WATER")
    # A (own, its current stock) and B (its snapshot); C never held water
    assert tab.stock_chart.names == ["東京都千代田区", "東京都中央区"]
    assert tab.stock_chart.line_count() == 2


def test_stock_chart_sums_the_smaller_holders_into_one_line(qtbot, app):
    chart = StockChart()
    qtbot.addWidget(chart)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    series = {f"町{i:02d}": [(start, 100 + i), (start + timedelta(days=1), 200 + i)] for i in range(MAX_LINES + 2)}
    chart.set_series(series, "町11", "枚")
    assert chart.names[0] == "町11" and len(chart.names) == MAX_LINES + 1
    assert chart.names[-1] == "Others (2, summed)"
    others = chart._items[len(chart.names) - 1]
    x, y = others.getData()
    assert list(y) == [201, 201, 401, 401]  # 町00 + 町01 (the two smallest) as a step line: held, then the new sum
