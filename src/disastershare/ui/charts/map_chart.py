"""The map: a basemap of Japan, municipalities at their registry coordinates, and transfers as labelled arrows.

Coordinates are an equirectangular projection about the mean latitude of the places shown: x = lon x cos(mean
lat), y = lat, with the aspect locked at 1, so a kilometre is (nearly) as long east-west as north-south; at
Japan's scale this is accurate to a few percent, plenty for orientation. One unit is KM_PER_UNIT km. The
basemap (core.basemap: coastline, prefecture borders, islands, large lakes; shipped, never downloaded) is
drawn in the same projection under everything else. Wheel zooms, dragging pans (pyqtgraph's ViewBox).

Red: the municipality lacks the resource shown (on the all-resources map: at least one resource); blue: it can
offer some; grey: neither. Marker area grows with the quantity (with the number of resource types on the
all-resources map). The own municipality is a star with its name always written in bold. Other names are
written beside the points when there are few, and appear when the mouse comes near a place in any case.

A transfer is an arrow from sender to receiver with its quantity and unit written at the middle (on the
all-resources map one arrow per pair of places lists each resource); proposed transfers are dashed, committed
ones (a partner's accepted request) solid; width grows with the quantity (with the number of resources).
Labels never overlap: after every zoom or pan the largest transfers in view get one, as long as there is room.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QPainterPath, QTransform
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from disastershare.core.basemap import Basemap, load_basemap
from disastershare.core.geo import EARTH_RADIUS_KM
from disastershare.core.registry import Prefecture
from disastershare.ui.analysis_data import MapLine, MapPoint
from disastershare.ui.charts.basemap_item import SEA_COLOUR, BasemapItem
from disastershare.ui.charts.chart_widget import EXPORT_WIDTH, TEXT_COLOUR, ChartWidget
from disastershare.ui.charts.label_layer import Label, LabelLayer, LabelStyle

KM_PER_UNIT = 2 * math.pi * EARTH_RADIUS_KM / 360  # one degree of latitude
SHORT_COLOUR = "#d32f2f"
SURPLUS_COLOUR = "#1976d2"
NEUTRAL_COLOUR = "#9e9e9e"
LINE_COLOUR = "#2e7d32"
LABEL_TEXT_COLOUR = "#1b5e20"
PREFECTURE_COLOUR = (110, 110, 110, 150)
NAME_LABEL_LIMIT = 40  # municipality names are written beside the points only when there are few
ARROW_LIMIT = 2000  # arrow heads past this many transfers would be a green smear; lines still show
LABEL_LIMIT = 60  # quantity labels shown at once (the largest transfers in view that have room)
LABEL_TRIES = 400  # transfers tried for a label after each zoom or pan, most important first
# Where a label is tried: (fraction of the line from the middle, label heights down); the first free wins.
LABEL_TRIES_AT = ((0.0, 0), (0.0, -1), (0.0, 1), (-0.2, 0), (0.2, 0), (-0.2, -1), (0.2, 1), (-0.2, 1), (0.2, -1))
LABEL_LINES = 3  # resources listed on one arrow of the all-resources map before "+n more"
HOVER_PX = 14  # the name of the nearest place appears when the mouse is this close
MIN_SIZE, MAX_SIZE = 9.0, 26.0
HOME_SIZE = 30.0
MANY_PLACES = 200
SMALL_MARKERS = 0.45  # marker size factor on a map of more than MANY_PLACES places
SIZE_STEPS = 6
MIN_WIDTH, MAX_WIDTH = 1.5, 8.0
HEAD_SIZE = 15.0
HEAD_AT, LABEL_AT, LABEL_AT_BOTH_WAYS = 0.74, 0.5, 0.36  # fractions of the way from sender to receiver
MIN_SPAN_DEG = 0.05  # the view frames at least ~5 km (the overview shows where that is in Japan)
# Where a prefecture's name may stand around its office (TextItem anchors): above, below, left, right, then
# the same further out; the first that covers least wins.
PREFECTURE_ANCHORS = ((0.5, 1.8), (0.5, -0.8), (1.1, 0.5), (-0.1, 0.5), (0.5, 3.0), (0.5, -2.0), (1.6, 0.5),
                      (-0.6, 0.5), (1.1, 2.0), (-0.1, 2.0), (1.1, -1.0), (-0.1, -1.0))
NAME_ANCHOR = (0.5, -0.3)
# The own municipality's name: below its star, else above, right or left, whichever covers least.
HOME_ANCHORS = ((0.5, -0.5), (0.5, 1.5), (-0.15, 0.5), (1.15, 0.5))
HOVER_ANCHOR = (-0.05, 1.3)
EXPORT_BASE_WIDTH = 1100  # layout size of an exported map before scaling to the export width
HEAD_STEP_DEG = 5
OVERVIEW_HEIGHT = 190.0  # pixels


def _head_symbols() -> list[QPainterPath]:
    """Arrow heads pointing along every HEAD_STEP_DEG (screen angles, y down): a few shared symbols, so the
    scatter renders each once and stamps it (a symbol per arrow would be rendered per arrow)."""
    base = QPainterPath()
    base.moveTo(0.5, 0.0)
    base.lineTo(-0.5, -0.38)
    base.lineTo(-0.25, 0.0)
    base.lineTo(-0.5, 0.38)
    base.closeSubpath()
    return [QTransform().rotate(step * HEAD_STEP_DEG).map(base) for step in range(360 // HEAD_STEP_DEG)]


_HEADS: list[QPainterPath] = []


def _nice_km(span_km: float) -> float:
    """A round scale-bar length near a fifth of the span: 1, 2, 5, 10, 20, 50 ... km."""
    target = max(span_km / 5, 1.0)
    power = 10 ** math.floor(math.log10(target))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= target)


@dataclass(frozen=True, slots=True)
class Transfer:
    """One resource's transfer between two places, as the map draws it: the line, and what moves."""

    line: MapLine
    resource: str = ""  # the resource's name in the map's language; '' on a one-resource map
    unit: str = ""


@dataclass(slots=True)
class Arrow:
    """What is drawn between two places: every transfer from sender to receiver of one kind (proposed or
    committed), labelled at LABEL_AT with the quantities."""

    sender: str
    receiver: str
    committed: bool
    transfers: list[Transfer]
    quantity: int = 0
    weight: float = 0.0  # 0..1 of the widest line


class MapChart(ChartWidget):
    municipality_clicked = Signal(str)

    def __init__(self, prefectures: Sequence[Prefecture] = (), parent: QWidget | None = None, *,
                 basemap: Basemap | None = None, show_basemap: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("mapChart")
        if not _HEADS:
            _HEADS.extend(_head_symbols())
        self.plotItem.hideAxis("left")
        self.plotItem.hideAxis("bottom")
        self.setAspectLocked(True, ratio=1.0)
        box = self.getViewBox()
        box.setMouseEnabled(x=True, y=True)
        self.x_scale = 1.0
        self.points: list[MapPoint] = []
        self.lines: list[MapLine] = []
        self.transfers: list[Transfer] = []
        self._arrow_ends = np.zeros((0, 2), dtype=np.int64)
        self._arrow_committed = np.zeros(0, dtype=bool)
        self._arrow_quantity = np.zeros(0, dtype=np.int64)
        self._arrow_weight = np.zeros(0)
        self._arrow_members = np.zeros(0, dtype=np.int64)
        self._arrow_offsets = np.zeros(1, dtype=np.int64)
        self.all_resources = False
        self._unit = ""
        self._language = "ja"
        self._prefectures = list(prefectures)
        self._prefecture_items: list[pg.TextItem] = []
        self._named: list[MapPoint] = []
        self._line_items: list[pg.PlotCurveItem] = []
        self._curves: dict[tuple[bool, float], pg.PlotCurveItem] = {}
        self._label_texts: dict[int, tuple[str, QSizeF]] = {}
        self._label_xy = np.zeros((0, 2))
        self._label_along = np.zeros((0, 2))
        self._label_order = np.zeros(0, dtype=int)
        self._xy = np.zeros((0, 2))
        # Called by export_png for the report's map (every resource); see set_report_source.
        self.report_source: Callable[[], tuple[Sequence[MapPoint], Sequence[Transfer]]] | None = None
        self.export_handler = self.export_shown_png  # "Save as PNG" saves what is shown
        self._brushes = [pg.mkBrush(c) for c in (SHORT_COLOUR, SURPLUS_COLOUR, NEUTRAL_COLOUR)]
        self._pen = pg.mkPen("#ffffff", width=1)
        self._home_pen = pg.mkPen("#000000", width=2.2)

        self.basemap: BasemapItem | None = None
        if show_basemap:
            box.setBackgroundColor(SEA_COLOUR)
            self.basemap = BasemapItem(basemap or load_basemap())
            self.addItem(self.basemap, ignoreBounds=True)
        self.overview: pg.ViewBox | None = None
        if self.basemap is not None:
            self._make_overview()
        self.scatter = pg.ScatterPlotItem(hoverable=True, tip=self._tip, hoverPen=pg.mkPen("#000000", width=2))
        self.scatter.setZValue(10)
        self.scatter.sigClicked.connect(self._clicked)
        self.addItem(self.scatter)
        self.heads = pg.ScatterPlotItem(pen=pg.mkPen(None), brush=pg.mkBrush(LINE_COLOUR), size=HEAD_SIZE)
        self.heads.setZValue(4)
        self.addItem(self.heads, ignoreBounds=True)
        self._name_style = LabelStyle(self.chart_font(-1), TEXT_COLOUR, fill=(255, 255, 255, 170))
        self._home_style = LabelStyle(self.chart_font(0.5, bold=True), "#000000", fill=(255, 243, 176, 235),
                                      border="#5d4037")
        self._hover_style = LabelStyle(self.chart_font(0.5, bold=True), "#000000", fill=(255, 255, 255, 240),
                                       border="#424242")
        self._quantity_style = LabelStyle(self.chart_font(-1), LABEL_TEXT_COLOUR, fill=(255, 255, 255, 225),
                                          border=LINE_COLOUR)
        self.labels = LabelLayer(8)  # place names: over the lines, under the markers
        self.addItem(self.labels, ignoreBounds=True)
        self.quantity_labels = LabelLayer(11)  # over the markers (never over a few places' markers: see below)
        self.addItem(self.quantity_labels, ignoreBounds=True)
        self.top_labels = LabelLayer(25)  # the own municipality's name and the hovered place: over everything
        self.addItem(self.top_labels, ignoreBounds=True)
        self._names: list[Label] = []
        self._quantities: list[Label] = []
        self.home_label: Label | None = None
        self.hover_label: Label | None = None
        self.hovered: int | None = None
        self.legend = pg.LegendItem(offset=(10, 10), labelTextColor=TEXT_COLOUR, brush=pg.mkBrush(255, 255, 255, 220),
                                    pen=pg.mkPen("#cccccc"))
        self.legend.setParentItem(box)
        self.scale_bar = pg.ScaleBar(size=10 / KM_PER_UNIT, width=4, brush=pg.mkBrush("#555555"), offset=(-20, -20))
        self.scale_bar.text.setColor(TEXT_COLOUR)
        self.scale_bar.setParentItem(box)
        box.sigRangeChanged.connect(self._view_changed)
        box.sigResized.connect(self._view_changed)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.retranslate()

    def _make_overview(self) -> None:
        """A small map of all Japan in the top right corner, with the part shown framed in red: where a close
        view is, at a glance. Hidden when the view already shows most of the country."""
        box = self.getViewBox()
        self.overview = overview = pg.ViewBox(border=pg.mkPen("#8a9aa8"), lockAspect=True, enableMouse=False,
                                              enableMenu=False)
        overview.setBackgroundColor(SEA_COLOUR)
        overview.setParentItem(box)
        overview.setZValue(40)
        self._overview_map = BasemapItem(self.basemap.basemap, like=self.basemap, borders=False)
        overview.addItem(self._overview_map)
        self._overview_frame = QGraphicsRectItem()
        self._overview_frame.setPen(pg.mkPen("#d32f2f", width=1.5))
        overview.addItem(self._overview_frame, ignoreBounds=True)
        self._overview_home = pg.ScatterPlotItem(symbol="star", size=9, brush=pg.mkBrush("#d32f2f"),
                                                 pen=pg.mkPen("#000000", width=0.8))
        overview.addItem(self._overview_home, ignoreBounds=True)
        overview.hide()

    def _place_overview(self) -> None:
        overview, box = self.overview, self.getViewBox()
        if overview is None or self.basemap is None or box.width() <= 0:
            return
        self._overview_map.set_x_scale(self.x_scale)
        japan = self._overview_map.view_rect()
        (x0, x1), (y0, y1) = box.viewRange()
        if (x1 - x0) > 0.4 * japan.width() or not self.points:
            overview.hide()
            return
        height = min(OVERVIEW_HEIGHT, box.height() * 0.42)
        width = height * japan.width() / japan.height() * 0.78  # Japan without its far south-east corner
        # The corner that covers fewest places (top right, bottom left, bottom right over the scale bar); none
        # at all if every corner would hide a place: the places matter more.
        screen = np.array([self._screen(x, y) for x, y in self._xy]).reshape(-1, 2)
        corners = [QRectF(box.width() - width - 10, 10, width, height),
                   QRectF(10, box.height() - height - 10, width, height),
                   QRectF(box.width() - width - 10, box.height() - height - 50, width, height)]
        margin = MAX_SIZE / 2

        def hidden(rect: QRectF) -> int:
            return int(np.count_nonzero((screen[:, 0] > rect.left() - margin) & (screen[:, 0] < rect.right() + margin)
                                        & (screen[:, 1] > rect.top() - margin)
                                        & (screen[:, 1] < rect.bottom() + margin)))

        best = min(corners, key=hidden)
        if hidden(best):
            overview.hide()
            return
        overview.setGeometry(best)
        overview.setRange(xRange=(japan.left() + japan.width() * 0.05, japan.right() - japan.width() * 0.17),
                          yRange=(japan.top() + japan.height() * 0.12, japan.bottom()), padding=0.02)
        # At least a few pixels, so a close view still shows as a mark.
        span_x, span_y = japan.width() / 60, japan.height() / 60
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        half_x, half_y = max((x1 - x0) / 2, span_x), max((y1 - y0) / 2, span_y)
        self._overview_frame.setRect(QRectF(cx - half_x, cy - half_y, 2 * half_x, 2 * half_y))
        home = [self._xy[i] for i, p in enumerate(self.points) if p.is_home]
        self._overview_home.setData(pos=home)
        overview.show()

    # -- coordinates -----------------------------------------------------------------------------------------
    def position(self, lon: float, lat: float) -> tuple[float, float]:
        """Where a longitude/latitude is drawn (see the module doc)."""
        return lon * self.x_scale, lat

    # -- content ---------------------------------------------------------------------------------------------
    def set_map(self, points: Sequence[MapPoint], lines: Sequence[MapLine], unit: str, language: str,
                fit: bool = True) -> None:
        """One resource: `lines` are its transfers, counted in `unit`."""
        self.set_content(points, [Transfer(line, "", unit) for line in lines], language, fit=fit, unit=unit)

    def set_content(self, points: Sequence[MapPoint], transfers: Sequence[Transfer], language: str,
                    fit: bool = True, all_resources: bool = False, unit: str = "") -> None:
        """Draw `points` and `transfers`. On the all-resources map (`all_resources`) the points' shortfall and
        surplus are numbers of resource types, and each transfer names its resource and unit."""
        self.points, self.transfers, self._language = list(points), list(transfers), language
        self.lines = [t.line for t in self.transfers]
        self.all_resources, self._unit = all_resources, unit
        if self.points:
            self.x_scale = math.cos(math.radians(float(np.mean([p.lat for p in self.points]))))
        if self.basemap is not None:
            self.basemap.set_x_scale(self.x_scale)
        self._xy = np.array([self.position(p.lon, p.lat) for p in self.points], dtype=float).reshape(-1, 2)
        self.hovered = None
        self.hover_label = None
        self._draw_points()
        self._draw_arrows()
        self._draw_prefectures()
        if fit:
            self.reset_view()
        else:
            self._view_changed()

    def _draw_points(self) -> None:
        points = self.points
        largest = max([max(p.shortfall, p.surplus) for p in points] or [0]) or 1
        # Few distinct styles (colour x size step x home or not): pyqtgraph renders each style once and then
        # stamps it, where 1,916 slightly different sizes would mean 1,916 renderings on every update.
        steps = np.rint(np.sqrt(np.array([max(p.shortfall, p.surplus) for p in points], dtype=float) / largest)
                        * SIZE_STEPS) if points else np.zeros(0)
        # Hundreds of places: smaller markers, so the basemap and the arrows between them still show.
        shrink = 1.0 if len(points) <= MANY_PLACES else SMALL_MARKERS
        sizes = (MIN_SIZE + (MAX_SIZE - MIN_SIZE) * steps / SIZE_STEPS) * shrink
        sizes = np.where([p.is_home for p in points], HOME_SIZE * max(shrink, 0.7), sizes) if points else sizes
        brushes = [self._brushes[0 if p.shortfall > 0 else 1 if p.surplus > 0 else 2] for p in points]
        pens = [self._home_pen if p.is_home else self._pen for p in points]
        symbols = ["star" if p.is_home else "o" for p in points]
        self.scatter.setData(x=self._xy[:, 0], y=self._xy[:, 1], size=sizes, brush=brushes, pen=pens,
                             symbol=symbols, data=np.arange(len(points)))
        home = next((i for i, p in enumerate(points) if p.is_home), None)
        self.home_label = None if home is None else Label(
            *self._xy[home], self.tr("{name} (this municipality)").format(name=points[home].short_name),
            self._home_style, HOME_ANCHORS[0])
        self._named = [p for p in points if not p.is_home] if len(points) <= NAME_LABEL_LIMIT else []
        self._names = [Label(*self.position(p.lon, p.lat), p.short_name, self._name_style, NAME_ANCHOR)
                       for p in self._named]

    # -- arrows ----------------------------------------------------------------------------------------------
    def _arrows(self, index: dict[str, int]) -> None:
        """Group the transfers into arrows, as arrays (thousands of small objects per redraw would cost more in
        garbage collection than in drawing): _arrow_ends (sender, receiver indices into points), committed,
        quantity, count of transfers, weight; _arrow_members: the transfers of each arrow, in order."""
        n = len(self.points)
        drawn = [(index[t.line.sender], index[t.line.receiver], t.line.committed, t.line.quantity, k)
                 for k, t in enumerate(self.transfers)
                 if t.line.sender in index and t.line.receiver in index and t.line.sender != t.line.receiver]
        table = np.array(drawn, dtype=np.int64).reshape(-1, 5)
        keys = (table[:, 0] * n + table[:, 1]) * 2 + table[:, 2]
        unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        self._arrow_ends = table[first, :2]
        self._arrow_committed = table[first, 2].astype(bool)
        self._arrow_quantity = np.bincount(inverse, weights=table[:, 3], minlength=len(unique)).astype(np.int64)
        count = np.bincount(inverse, minlength=len(unique))
        self._arrow_members = table[np.argsort(inverse, kind="stable"), 4]
        self._arrow_offsets = np.concatenate([[0], np.cumsum(count)])
        # One resource: width by quantity; every resource (units differ): by the number of resources moved.
        size = count if self.all_resources else self._arrow_quantity
        self._arrow_weight = size / max(int(size.max()) if len(size) else 1, 1)

    @property
    def arrows(self) -> list[Arrow]:
        """What is drawn between places, one Arrow per line (built on demand: tests, tooltips)."""
        return [self.arrow(i) for i in range(len(self._arrow_ends))]

    def arrow(self, i: int) -> Arrow:
        sender, receiver = self._arrow_ends[i]
        members = self._arrow_members[self._arrow_offsets[i]:self._arrow_offsets[i + 1]]
        return Arrow(self.points[sender].code, self.points[receiver].code, bool(self._arrow_committed[i]),
                     [self.transfers[k] for k in members], int(self._arrow_quantity[i]), float(self._arrow_weight[i]))

    def label_text(self, arrow: Arrow) -> str:
        """What is written on an arrow: its quantity and unit, or on the all-resources map each resource's."""
        if not self.all_resources:
            return f"{arrow.quantity:,} {self._unit}".strip()
        ordered = sorted(arrow.transfers, key=lambda t: -t.line.quantity)
        shown = ordered if len(ordered) <= LABEL_LINES else ordered[:LABEL_LINES - 1]
        lines = [f"{t.resource} {t.line.quantity:,} {t.unit}".strip() for t in shown]
        if len(shown) < len(ordered):
            lines.append(self.tr("+{count} more").format(count=len(ordered) - len(shown)))
        return "\n".join(lines)

    def _draw_arrows(self) -> None:
        self._arrows({p.code: i for i, p in enumerate(self.points)})
        ends = np.hstack([self._xy[self._arrow_ends[:, 0]], self._xy[self._arrow_ends[:, 1]]]).reshape(-1, 4)
        committed, weight = self._arrow_committed, self._arrow_weight
        count = len(ends)
        # Few pens (kind x whole pixel of width): one curve each, reused from the last drawing.
        widths = np.rint(MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * weight)
        used = set()
        for kind in (False, True):
            for width in np.unique(widths[committed == kind]):
                chosen = (committed == kind) & (widths == width)
                key = (kind, float(width))
                used.add(key)
                curve = self._curves.get(key)
                if curve is None:
                    style = Qt.PenStyle.SolidLine if kind else Qt.PenStyle.DashLine
                    curve = self._curves[key] = pg.PlotCurveItem(
                        pen=pg.mkPen(LINE_COLOUR, width=float(width), style=style, cap=Qt.PenCapStyle.FlatCap))
                    curve.setZValue(2 if kind else 1)
                    self.addItem(curve)
                xy = ends[chosen]
                curve.setData(xy[:, [0, 2]].ravel(), xy[:, [1, 3]].ravel(), connect="pairs")
                curve.show()
        for key, curve in self._curves.items():
            if key not in used:
                curve.setData([], [])
                curve.hide()
        self._line_items = [self._curves[key] for key in sorted(used)]
        start, delta = ends[:, :2], ends[:, 2:] - ends[:, :2]
        if 0 < count <= ARROW_LIMIT:
            heads = start + delta * HEAD_AT
            # Screen angle (y grows downwards), to the nearest symbol.
            angles = np.degrees(np.arctan2(-delta[:, 1], delta[:, 0]))
            steps = np.rint(angles / HEAD_STEP_DEG).astype(int) % len(_HEADS)
            self.heads.setData(x=heads[:, 0], y=heads[:, 1], symbol=[_HEADS[s] for s in steps])
        else:
            self.heads.clear()
        # Both ways between two places: each label nearer its sender, so the two do not sit on each other.
        n = max(len(self.points), 1)
        forward = self._arrow_ends[:, 0] * n + self._arrow_ends[:, 1]
        both = np.isin(self._arrow_ends[:, 1] * n + self._arrow_ends[:, 0], forward)
        at = np.where(both, LABEL_AT_BOTH_WAYS, LABEL_AT)
        self._label_xy = start + delta * at[:, None]
        self._label_along = delta  # view units from sender to receiver, to slide a label along its line
        # Priority: committed first, then the heaviest.
        self._label_order = (np.lexsort((-self._arrow_quantity, -weight, ~committed)) if count
                             else np.zeros(0, dtype=int))
        self._label_texts: dict[int, tuple[str, QSizeF]] = {}

    def _label(self, index: int) -> tuple[str, QSizeF]:
        found = self._label_texts.get(index)
        if found is None:
            text = self.label_text(self.arrow(index))
            found = self._label_texts[index] = (text, self._quantity_style.size(text))
        return found

    def line_segments(self) -> int:
        """How many transfer lines are drawn (each flow or commitment is one segment)."""
        return sum(len(item.xData) // 2 for item in self._line_items
                   if isinstance(item, pg.PlotCurveItem) and item.xData is not None)

    def arrow_heads(self) -> int:
        return len(self.heads.data)

    def shown_labels(self) -> list[str]:
        """The quantity labels on screen now."""
        return [label.text for label in self._quantities]

    def shown_names(self) -> list[str]:
        """Every name written on the map now: places, the own municipality, the place under the mouse."""
        return self.labels.texts() + self.top_labels.texts()

    def _screen(self, x: float, y: float) -> tuple[float, float]:
        """View coordinates to the view box's pixels."""
        box = self.getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        return (x - x0) / (x1 - x0) * box.width(), (y1 - y) / (y1 - y0) * box.height()

    def _fixed_rects(self) -> list[QRectF]:
        """What quantity labels must not cover, in the view box's pixels: the legend, the scale bar, the names,
        and the places when they are few."""
        box = self.getViewBox()
        origin = box.sceneBoundingRect().topLeft()
        taken = [item.sceneBoundingRect().translated(-origin) for item in (self.legend, self.scale_bar, self.overview,
                                                                           *self._prefecture_items)
                 if item is not None and item.isVisible()]
        for label in [*self._names, *([self.home_label] if self.home_label else [])]:
            taken.append(label.rect_at(*self._screen(label.x, label.y)))
        if len(self.points) <= NAME_LABEL_LIMIT:
            half = MAX_SIZE / 2
            taken += [QRectF(sx - half, sy - half, MAX_SIZE, MAX_SIZE) for sx, sy in
                      (self._screen(x, y) for x, y in self._xy)]
        return taken

    def _place_home_label(self) -> None:
        """Put the own municipality's name where it covers the fewest other names and places."""
        if self.home_label is None or self.getViewBox().width() <= 0:
            return
        at = self._screen(self.home_label.x, self.home_label.y)
        half = MAX_SIZE / 2
        taken = [label.rect_at(*self._screen(label.x, label.y)) for label in self._names]
        taken += [QRectF(sx - half, sy - half, MAX_SIZE, MAX_SIZE) for sx, sy in
                  (self._screen(x, y) for x, y in self._xy[:NAME_LABEL_LIMIT + 1])]

        def covered(anchor: tuple[float, float]) -> float:
            rect = Label(0, 0, self.home_label.text, self._home_style, anchor).rect_at(*at)
            overlaps = (rect.intersected(r) for r in taken)
            return sum(o.width() * o.height() for o in overlaps if not o.isEmpty())

        best = min(HOME_ANCHORS, key=covered)
        self.home_label = Label(self.home_label.x, self.home_label.y, self.home_label.text, self._home_style, best)

    def _place_labels(self) -> None:
        """Label the transfers in view, most important first, where a label covers no other (see module doc)."""
        box = self.getViewBox()
        self._quantities = []
        if len(self._arrow_ends) and box.width() > 0 and box.height() > 0:
            (x0, x1), (y0, y1) = box.viewRange()
            px = (x1 - x0) / box.width()
            py = (y1 - y0) / box.height()
            sx = (self._label_xy[:, 0] - x0) / px
            sy = (y1 - self._label_xy[:, 1]) / py
            inside = (sx > 0) & (sx < box.width()) & (sy > 0) & (sy < box.height())
            # The most important few only: past LABEL_TRIES candidates nearly every place is taken.
            candidates = [int(i) for i in self._label_order if inside[i]][:LABEL_TRIES]
            taken = [(r.left(), r.top(), r.right(), r.bottom()) for r in self._fixed_rects()]
            for i in candidates:
                if len(self._quantities) >= LABEL_LIMIT:
                    break
                text, size = self._label(i)
                w, h = size.width() / 2, size.height() / 2
                # At the middle, just above or below it, or further along the line towards either end.
                along = self._label_along[i] / (px, -py)
                for t, dy in LABEL_TRIES_AT:
                    cx, cy = sx[i] + along[0] * t, sy[i] + along[1] * t + dy * (2 * h + 2)
                    left, top, right, bottom = cx - w, cy - h, cx + w, cy + h
                    if left > 0 and top > 0 and right < box.width() and bottom < box.height() and not any(
                            left < r and right > lf and top < b and bottom > t_ for lf, t_, r, b in taken):
                        break
                else:
                    continue
                taken.append((left, top, right, bottom))
                self._quantities.append(Label(x0 + cx * px, y1 - cy * py, text, self._quantity_style))
        self.labels.set_labels(self._names, self._pixel())
        self.quantity_labels.set_labels(self._quantities, self._pixel())
        self._show_top_labels()

    def _show_top_labels(self) -> None:
        self.top_labels.set_labels([label for label in (self.home_label, self.hover_label) if label is not None],
                                   self._pixel())

    def _pixel(self) -> tuple[float, float]:
        """How much of the view one pixel is, across and down."""
        box = self.getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        return (x1 - x0) / max(box.width(), 1.0), (y1 - y0) / max(box.height(), 1.0)

    def _draw_prefectures(self) -> None:
        while len(self._prefecture_items) < len(self._prefectures):
            item = pg.TextItem(color=PREFECTURE_COLOUR, anchor=PREFECTURE_ANCHORS[0])
            item.setFont(self.chart_font(1, bold=True))
            item.setZValue(-5)
            self.addItem(item, ignoreBounds=True)
            self._prefecture_items.append(item)
        for item, prefecture in zip(self._prefecture_items, self._prefectures, strict=True):
            item.setText(prefecture.name if self._language == "ja" else prefecture.name_en)
            item.setPos(*self.position(prefecture.lon, prefecture.lat))

    def reset_view(self) -> None:
        """Frame the places shown (prefecture names and the basemap alone do not widen the view)."""
        if not self.points:
            return
        (x0, y0), (x1, y1) = self._xy.min(axis=0), self._xy.max(axis=0)
        span = max(x1 - x0, y1 - y0, MIN_SPAN_DEG)
        margin = span * 0.12
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        half_x, half_y = max(x1 - x0, MIN_SPAN_DEG) / 2 + margin, max(y1 - y0, MIN_SPAN_DEG) / 2 + margin
        self.getViewBox().setRange(xRange=(cx - half_x, cx + half_x), yRange=(cy - half_y, cy + half_y), padding=0)
        self._place_scale_bar(span * KM_PER_UNIT)
        self._view_changed()

    def _view_changed(self, *_args: object) -> None:
        (x0, x1), (y0, y1) = self.getViewBox().viewRange()
        self._place_scale_bar(max(x1 - x0, y1 - y0) * KM_PER_UNIT / 1.24)  # as reset_view: span without margins
        self._place_overview()
        self._place_home_label()
        self._place_prefecture_labels()
        self._place_labels()

    def _place_prefecture_labels(self) -> None:
        """Put each prefecture's name on the side of its office where it covers the fewest places and names.

        Only when names are drawn (few places): a national map has no names to collide with.
        """
        if not self.points or len(self.points) > NAME_LABEL_LIMIT:
            self._declutter_prefectures()
            return
        box = self.getViewBox()

        def rect(x: float, y: float, item: pg.TextItem, anchor: tuple[float, float]) -> QRectF:
            at = box.mapViewToScene(QPointF(x, y))
            size = item.textItem.boundingRect()
            return QRectF(at.x() - anchor[0] * size.width(), at.y() - anchor[1] * size.height(), size.width(),
                          size.height())

        # (area, weight): text over text is what becomes unreadable; covering a marker matters less.
        origin = box.sceneBoundingRect().topLeft()
        taken = [(self.legend.sceneBoundingRect(), 3.0)]
        for label in [*self._names, *([self.home_label] if self.home_label else [])]:
            taken.append((label.rect_at(*self._screen(label.x, label.y)).translated(origin), 3.0))
        for x, y in self._xy:
            at = box.mapViewToScene(QPointF(x, y))
            taken.append((QRectF(at.x() - MAX_SIZE / 2, at.y() - MAX_SIZE / 2, MAX_SIZE, MAX_SIZE), 1.0))

        def covered(candidate: QRectF) -> float:
            overlaps = ((candidate.intersected(r), w) for r, w in taken)
            return sum(o.width() * o.height() * w for o, w in overlaps if not o.isEmpty())

        for item, prefecture in zip(self._prefecture_items, self._prefectures, strict=True):
            item.show()
            x, y = self.position(prefecture.lon, prefecture.lat)
            best = min(PREFECTURE_ANCHORS, key=lambda anchor: covered(rect(x, y, item, anchor)))
            item.setAnchor(best)

    def _declutter_prefectures(self) -> None:
        """Many places (a wide view): prefecture names at their default side, each shown only where it covers
        no name shown before it (north to south, as the list goes)."""
        shown: list[QRectF] = []
        for item in self._prefecture_items:
            item.setAnchor(PREFECTURE_ANCHORS[0])
            rect = item.mapRectToScene(item.boundingRect())
            clear = not any(rect.intersects(other) for other in shown)
            item.setVisible(clear)
            if clear:
                shown.append(rect)

    # -- export ------------------------------------------------------------------------------------------------
    def set_report_source(self, source: Callable[[], tuple[Sequence[MapPoint], Sequence[Transfer]]] | None) -> None:
        """What export_png draws for a report: the places and every resource's transfers (map_view gives them)."""
        self.report_source = source

    def export_png(self, path: Path, width: int = EXPORT_WIDTH) -> Path:
        """The report's map: every resource's transfers (set_report_source), whichever resource is shown; without
        a report source, what is shown. The window's map is put back as it was."""
        if self.report_source is None:
            return self.export_shown_png(path, width)
        shown = (self.points, self.transfers, self._language, self.all_resources, self._unit)
        points, transfers = self.report_source()
        self.set_content(points, transfers, self._language, fit=False, all_resources=True)
        try:
            return self.export_shown_png(path, width)
        finally:
            self.set_content(shown[0], shown[1], shown[2], fit=False, all_resources=shown[3], unit=shown[4])

    def export_shown_png(self, path: Path, width: int = EXPORT_WIDTH) -> Path:
        """Everything shown, at an aspect that suits the places (not the widget's, which may be a thin strip)."""
        item, box = self.plotItem, self.getViewBox()
        geometry, view_range = item.geometry(), box.viewRange()
        self.hover_label = None
        self._show_top_labels()
        if self.points:
            span_x, span_y = np.maximum(np.ptp(self._xy, axis=0), MIN_SPAN_DEG) + 0.05
            height = float(np.clip(EXPORT_BASE_WIDTH * span_y / span_x, 0.45 * EXPORT_BASE_WIDTH,
                                   0.9 * EXPORT_BASE_WIDTH))
            item.setGeometry(QRectF(0, 0, EXPORT_BASE_WIDTH, height))
            item.layout.activate()
            self.reset_view()
        try:
            return ChartWidget.export_png(self, path, width)
        finally:
            item.setGeometry(geometry)
            item.layout.activate()
            box.setRange(xRange=view_range[0], yRange=view_range[1], padding=0)
            self._view_changed()

    def _place_scale_bar(self, span_km: float) -> None:
        km = _nice_km(span_km)
        self.scale_bar.size = km / KM_PER_UNIT
        self.scale_bar.text.setText(f"{km:g} km")
        self.scale_bar.updateBar()

    # -- hover and click -------------------------------------------------------------------------------------
    def nearest_place(self, scene_pos: QPointF, within_px: float = HOVER_PX) -> int | None:
        """The index of the place drawn nearest `scene_pos`, if it is within `within_px` pixels."""
        box = self.getViewBox()
        if not len(self._xy) or not box.sceneBoundingRect().contains(scene_pos):
            return None
        at = box.mapSceneToView(scene_pos)
        (x0, x1), (y0, y1) = box.viewRange()
        px, py = (x1 - x0) / max(box.width(), 1), (y1 - y0) / max(box.height(), 1)
        d2 = ((self._xy[:, 0] - at.x()) / px) ** 2 + ((self._xy[:, 1] - at.y()) / py) ** 2
        best = int(np.argmin(d2))
        return best if d2[best] <= within_px ** 2 else None

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        index = self.nearest_place(scene_pos)
        if index == self.hovered:
            return
        self.hovered = index
        self.hover_label = None if index is None else Label(*self._xy[index], self.points[index].name,
                                                            self._hover_style, HOVER_ANCHOR)
        self._show_top_labels()

    def tooltip(self, index: int) -> str:
        """Name, the quantity short or offered, the distance from here, and the transfers touching it."""
        p = self.points[index]
        parts = [p.name]
        if self.all_resources:
            if p.shortfall > 0:
                parts.append(self.tr("Short of {count} resource types").format(count=p.shortfall))
            if p.surplus > 0:
                parts.append(self.tr("Can offer {count} resource types").format(count=p.surplus))
        elif p.shortfall > 0:
            parts.append(self.tr("Short: {quantity:,} {unit} (need {need:,})").format(
                quantity=p.shortfall, unit=self._unit, need=p.need))
        elif p.surplus > 0:
            parts.append(self.tr("Can offer: {quantity:,} {unit}").format(quantity=p.surplus, unit=self._unit))
        else:
            parts.append(self.tr("Available: {quantity:,} {unit}").format(quantity=p.available, unit=self._unit))
        if p.is_home:
            parts.append(self.tr("(this municipality)"))
        elif not math.isnan(p.km_from_home):
            parts.append(self.tr("{km:,.1f} km from here").format(km=p.km_from_home))
        names = {q.code: q.name for q in self.points}
        touching = [t for t in self.transfers if p.code in (t.line.sender, t.line.receiver)]
        for t in touching[:12]:
            line = t.line
            text = self.tr("committed") if line.committed else self.tr("proposed")
            unit = t.unit or self._unit
            what = f"{t.resource} {line.quantity:,}" if t.resource else f"{line.quantity:,}"
            parts.append(self.tr("{sender} → {receiver}: {what} {unit}, {km:,.1f} km ({kind})").format(
                sender=names.get(line.sender, line.sender), receiver=names.get(line.receiver, line.receiver),
                what=what, unit=unit, km=line.km, kind=text))
        if len(touching) > 12:
            parts.append(self.tr("+{count} more").format(count=len(touching) - 12))
        return "\n".join(parts)

    def _tip(self, x: float, y: float, data: object) -> str:
        return self.tooltip(int(data)) if isinstance(data, int | np.integer) else ""

    def _clicked(self, _item: object, spots: Sequence[object], _event: object) -> None:
        if len(spots):
            self.municipality_clicked.emit(self.points[int(spots[0].data())].code)

    # -- texts -----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.legend.clear()
        for colour, text in ((SHORT_COLOUR, self.tr("Short")), (SURPLUS_COLOUR, self.tr("Can offer")),
                             (NEUTRAL_COLOUR, self.tr("Neither"))):
            sample = pg.ScatterPlotItem(symbol="o", size=10, brush=pg.mkBrush(colour), pen=pg.mkPen(None))
            self.legend.addItem(sample, text)
        home = pg.ScatterPlotItem(symbol="star", size=14, brush=pg.mkBrush("#ffffff"), pen=self._home_pen)
        self.legend.addItem(home, self.tr("This municipality"))
        self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(LINE_COLOUR, width=3, style=Qt.PenStyle.DashLine)),
                            self.tr("Proposed transfer"))
        self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(LINE_COLOUR, width=3)), self.tr("Committed transfer"))
        if self.points:
            self._draw_points()
            self._view_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
