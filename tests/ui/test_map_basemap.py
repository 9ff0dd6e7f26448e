"""The map's basemap, hover names, the own municipality, labelled arrows, every resource or one, zoom, and the
report's all-resources map."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent

from disastershare.core.basemap import douglas_peucker, load_basemap
from disastershare.core.reference_data import shipped_prefectures, shipped_registry
from disastershare.ui.analysis_controller import AnalysisController
from disastershare.ui.analysis_data import MapLine, MapPoint, WorkspaceSource
from disastershare.ui.charts.map_chart import HOME_SIZE, MapChart, Transfer
from disastershare.ui.views.map_view import all_resources_content, save_all_resources_map
from disastershare.ui.views.shortfall_tab import ShortfallTab

from .analysis_kit import A, B, C, loaded, plot_point, scenario

# Japan's extremes (Yonaguni, Minamitorishima, Etorofu/Wakkanai): what any map of the country must reach.
JAPAN = (122.94, 24.05, 153.98, 45.52)


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


def spot_pixel(chart: MapChart, code: str) -> QPoint:
    index = next(i for i, p in enumerate(chart.points) if p.code == code)
    spot = chart.scatter.points()[index]
    return plot_point(chart, spot.pos().x(), spot.pos().y())


# -- the basemap data ------------------------------------------------------------------------------------------
def test_shipped_basemap_has_every_prefecture_and_reaches_japans_extremes():
    basemap = load_basemap()
    assert len(basemap.prefecture_names) == 47 and basemap.prefecture_names[0] == "北海道"
    lon0, lat0, lon1, lat1 = basemap.bounds
    assert lon0 <= JAPAN[0] + 0.1 and lat0 <= JAPAN[1] + 0.1 and lon1 >= JAPAN[2] - 0.1 and lat1 >= JAPAN[3] - 0.1
    assert len(basemap.borders) > 80 and len(basemap.lakes) >= 1  # prefecture borders; 琵琶湖 at least
    assert all(np.array_equal(ring[0], ring[-1]) for ring in basemap.land)  # closed rings


def test_most_municipalities_stand_on_land():
    # The islands (佐渡, 淡路, 対馬, 隠岐, 奄美, 石垣 ...) are drawn too, so places do not float in the sea.
    from PySide6.QtGui import QPainterPath, QPolygonF

    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for ring in load_basemap().land:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
    registry = list(shipped_registry())
    at_sea = [f"{m.prefecture}{m.name}" for m in registry if not path.contains(QPointF(m.lon, m.lat))]
    assert len(at_sea) < 0.02 * len(registry), at_sea  # town halls on the very shore, where the coast is coarse
    for name in ("新潟県佐渡市", "兵庫県淡路市", "長崎県対馬市", "沖縄県石垣市", "鹿児島県奄美市", "東京都八丈町"):
        assert name not in at_sea


def test_douglas_peucker_keeps_the_shape_within_the_tolerance():
    t = np.linspace(0, 1, 500)
    line = np.c_[t, 0.05 * np.sin(6 * t)]
    simple = douglas_peucker(line, 0.001)
    assert 5 < len(simple) < 100 and np.array_equal(simple[0], line[0]) and np.array_equal(simple[-1], line[-1])
    # Every original point lies within the tolerance of the simplified polyline
    dense = np.interp(line[:, 0], simple[:, 0], simple[:, 1])
    assert np.max(np.abs(dense - line[:, 1])) < 0.0011
    ring = np.array([(0, 0), (1, 0), (1, 1), (0.5, 1.0001), (0, 1), (0, 0)], dtype=float)
    closed = douglas_peucker(ring, 0.01)
    assert np.array_equal(closed[0], closed[-1]) and len(closed) == 5  # the near-straight point goes


# -- the chart ----------------------------------------------------------------------------------------------------
def test_basemap_items_cover_japans_bounding_box_in_the_maps_projection(tab):
    chart = tab.map_view.chart
    assert chart.basemap is not None and chart.basemap.land.elementCount() > 5000
    drawn = chart.basemap.view_rect()
    x0, y0 = chart.position(JAPAN[0], JAPAN[1])
    x1, y1 = chart.position(JAPAN[2], JAPAN[3])
    assert drawn.left() <= x0 + 0.1 and drawn.right() >= x1 - 0.1
    assert drawn.top() <= y0 + 0.1 and drawn.bottom() >= y1 - 0.1
    # Same projection as the places: lon x cos(mean latitude), lat
    assert chart.basemap.x_scale == pytest.approx(chart.x_scale)
    assert chart.getViewBox().state["aspectLocked"] == 1.0


def test_hovering_near_a_place_shows_its_name(qtbot, tab):
    chart = tab.map_view.chart
    assert chart.hover_label is None
    at = spot_pixel(chart, C) + QPoint(7, 5)  # near, not on, the marker
    qtbot.mouseMove(chart.viewport(), at)
    qtbot.waitUntil(lambda: chart.hover_label is not None)
    assert chart.hover_label.text == "東京都港区" and "東京都港区" in chart.shown_names()
    # Further moves through the scene's move signal, which a real move sends (on the offscreen platform a
    # second synthetic QTest move after a hover is not always delivered). Near another place: its name instead
    chart.scene().sigMouseMoved.emit(QPointF(chart.mapToScene(spot_pixel(chart, B) + QPoint(-6, -6))))
    assert chart.hover_label.text == "東京都中央区" and "東京都港区" not in chart.shown_names()
    # Far from every place: the name goes
    chart.scene().sigMouseMoved.emit(QPointF(chart.mapToScene(QPoint(5, chart.viewport().height() - 5))))
    assert chart.hover_label is None and "東京都中央区" not in chart.shown_names()


def test_own_municipality_is_a_star_with_its_name_in_bold(tab):
    chart = tab.map_view.chart
    index = next(i for i, p in enumerate(chart.points) if p.is_home)
    assert chart.points[index].code == A
    spots = chart.scatter.points()
    assert spots[index].symbol() == "star" and spots[index].size() == HOME_SIZE
    assert all(s.symbol() == "o" for i, s in enumerate(spots) if i != index)
    assert chart.home_label.text == "千代田区 (this municipality)" and chart.home_label.style.font.bold()
    assert chart.home_label.text in chart.shown_names()


def test_arrows_carry_quantity_and_unit_at_the_middle(tab):
    chart = tab.map_view.chart
    water = {(f.sender, f.receiver): f.quantity for f in tab.controller.plan.flows if f.resource == "S-WATER"}
    assert water == {(B, A): 800, (B, C): 500}
    assert chart.arrow_heads() == 2
    assert sorted(chart.shown_labels()) == ["500 L", "800 L"]
    for label in chart._quantities:
        arrow = next(a for a in chart.arrows if f"{a.quantity:,} L" == label.text)
        start = chart.position(*next((p.lon, p.lat) for p in chart.points if p.code == arrow.sender))
        end = chart.position(*next((p.lon, p.lat) for p in chart.points if p.code == arrow.receiver))
        middle = np.array([(start[0] + end[0]) / 2, (start[1] + end[1]) / 2])
        along = np.array([end[0] - start[0], end[1] - start[1]])
        # At the middle, or moved along the line by a fifth of it at most, and by a label's height at most
        offset = np.array([label.x, label.y]) - middle
        t = offset @ along / (along @ along)
        across = offset - t * along
        px, py = chart._pixel()
        assert abs(t) <= 0.2 + 1e-9 and abs(across[1]) <= 40 * py + 1e-9


def test_resource_choice_in_the_window_filters_transfers(qtbot, tab):
    view, chart = tab.map_view, tab.map_view.chart
    assert view.resource_combo.itemText(0) == "All resources" and view.resource_combo.currentData() == "S-WATER"
    assert {(line.sender, line.receiver) for line in chart.lines} == {(B, A), (B, C)}
    # Every resource: water and blankets at once, each label naming its resource (on a taller map: B and C are
    # close, and both ways between them need room for two labels)
    tab.splitter.setSizes([700, 80])
    qtbot.waitUntil(lambda: chart.getViewBox().height() > 500)
    view.resource_combo.setCurrentIndex(0)
    view.resource_combo.activated.emit(0)
    flows = tab.controller.plan.flows
    assert chart.all_resources and len(chart.lines) == len(flows) == 3
    assert {t.resource for t in chart.transfers} == {"Drinking water", "Blankets"}
    assert "Drinking water 800 L" in chart.shown_labels()
    assert any("Blankets 100 枚" in text for text in chart.shown_labels()), chart.shown_labels()
    assert "all resources" in view.caption.text()
    # The tab's resource changing leaves 「すべての品目」 chosen
    tab.controller.set_resource("E-GENERATOR")
    assert chart.all_resources and len(chart.lines) == 3
    # One resource, chosen here
    blankets = view.resource_combo.findData("S-BLANKET")
    with qtbot.waitSignal(view.resource_chosen) as chosen:
        view.resource_combo.setCurrentIndex(blankets)
        view.resource_combo.activated.emit(blankets)
    assert chosen.args == ["S-BLANKET"]
    assert not chart.all_resources
    assert [(line.sender, line.receiver) for line in chart.lines] == [
        (f.sender, f.receiver) for f in flows if f.resource == "S-BLANKET"]
    assert all(text.endswith("枚") for text in chart.shown_labels())


def test_wheel_zooms_and_keeps_the_aspect(qtbot, tab):
    chart = tab.map_view.chart
    box = chart.getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    centre = spot_pixel(chart, A)
    event = QWheelEvent(QPointF(centre), QPointF(chart.viewport().mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    qtbot.wait(10)
    chart.viewport().setFocus()
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(chart.viewport(), event)
    (a0, a1), (b0, b1) = box.viewRange()
    assert (a1 - a0) < 0.9 * (x1 - x0) and (b1 - b0) < 0.9 * (y1 - y0)  # zoomed in
    assert (a1 - a0) / (b1 - b0) == pytest.approx(box.width() / box.height(), rel=1e-3)  # km as long both ways
    assert box.state["mouseEnabled"] == [True, True]  # dragging pans
    # "Show all places" frames them again
    tab.map_view.fit_button.click()
    (c0, c1), _ = box.viewRange()
    assert c1 - c0 == pytest.approx(x1 - x0, rel=1e-6)


def test_quantity_labels_never_overlap(qtbot, app):
    chart = MapChart(shipped_prefectures())
    qtbot.addWidget(chart)
    chart.resize(900, 700)
    chart.show()
    qtbot.waitExposed(chart)
    registry = [m for m in shipped_registry() if m.prefecture == "熊本県"]
    points = [MapPoint(m.code, f"{m.prefecture}{m.name}", m.name, m.lon, m.lat, 10, 0, 10 * (i % 2), 10 * (1 - i % 2),
                       0.0, i == 0) for i, m in enumerate(registry)]
    transfers = [Transfer(MapLine(points[i].code, points[j].code, 100 + i * j, 10.0, False), f"物資{k}", "個")
                 for i in range(1, len(points), 2) for j in range(0, len(points), 4) for k in range(2)]
    chart.set_content(points, transfers, "ja", all_resources=True)
    labels = chart._quantities
    assert 5 < len(labels) < len(chart.arrows)  # crowded: not every arrow gets one
    rects = [label.rect_at(*chart._screen(label.x, label.y)) for label in labels]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    # Zooming in gives room: more labels
    box = chart.getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    box.setRange(xRange=(x0, (x0 + x1) / 2), yRange=(y0, (y0 + y1) / 2), padding=0)
    assert chart._quantities and chart._quantities != labels


def test_the_report_map_shows_every_resource_whatever_the_window_shows(qtbot, tab, tmp_path, monkeypatch):
    chart = tab.map_view.chart
    seen = []
    shown_png = chart.export_shown_png
    monkeypatch.setattr(chart, "export_shown_png", lambda path, width=1600: (
        seen.append((chart.all_resources, len(chart.lines))), shown_png(path, width))[1])
    path = tab.export_chart_png("map", tmp_path / "map.png")
    assert seen == [(True, 3)]  # every resource's three transfers went into the picture
    assert QImage(str(path)).width() == 1600
    # and the window still shows water
    assert not chart.all_resources and len(chart.lines) == 2
    # "Save as PNG" saves what is shown
    assert chart.export_handler == chart.export_shown_png or chart.export_handler.__name__ == "export_shown_png"


def test_save_all_resources_map_without_a_window(tab, tmp_path):
    data, flows = tab.controller.data, tab.controller.plan.flows
    path = save_all_resources_map(data, flows, tmp_path / "report" / "map.png", "ja")
    image = QImage(str(path))
    assert image.width() == 1600 and image.height() > 500 and path.stat().st_size > 20_000
    points, transfers = all_resources_content(data, flows, "ja")
    assert {t.resource for t in transfers} == {"飲料水（保存水）", "毛布"}
    counts = {p.code: (p.shortfall, p.surplus) for p in points}
    assert counts == {A: (2, 0), B: (1, 1), C: (1, 1)}  # A short of water and generators; B and C one each way


def test_overview_shows_where_a_close_view_is(tab):
    chart = tab.map_view.chart
    assert chart.overview is not None and chart.overview.isVisible()  # three wards of Tokyo: a close view
    frame = chart._overview_frame.rect()
    x, y = chart.position(139.75, 35.68)
    assert frame.contains(QPointF(x, y))
    # Zoomed out to the whole country, the overview would repeat the map: it goes
    left, bottom = chart.position(123.0, 24.0)
    right, top = chart.position(146.0, 45.5)
    chart.getViewBox().setRange(xRange=(left, right), yRange=(bottom, top), padding=0)
    assert not chart.overview.isVisible()


def test_exported_map_has_land_and_sea_colours(tab, tmp_path):
    path = tab.map_view.chart.export_shown_png(tmp_path / "shown.png")
    image = QImage(str(path))
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert "#f7f5ee" in colours  # land (Tokyo's wards are on it)
    assert "#e8f1f8" in colours  # Tokyo Bay
    assert math.isclose(image.width(), 1600)
