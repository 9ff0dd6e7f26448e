"""The map: municipalities at their registry coordinates, coloured by shortfall or surplus, and transfer lines.

Coordinates are an equirectangular projection about the mean latitude of the places shown: x = lon x cos(mean
lat), y = lat, with the aspect locked at 1, so a kilometre is (nearly) as long east-west as north-south; at
Japan's scale this is accurate to a few percent, plenty for orientation. One unit is KM_PER_UNIT km.

Red: the municipality lacks the selected resource; blue: it can offer some; grey: neither. Marker area grows
with the quantity. Proposed transfers are dashed, committed ones (a partner's accepted request) solid; line
width grows with the quantity. Prefecture names stand at their prefectural offices for orientation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QWidget

from disastershare.core.geo import EARTH_RADIUS_KM
from disastershare.core.registry import Prefecture
from disastershare.ui.analysis_data import MapLine, MapPoint
from disastershare.ui.charts.chart_widget import EXPORT_WIDTH, TEXT_COLOUR, ChartWidget

KM_PER_UNIT = 2 * math.pi * EARTH_RADIUS_KM / 360  # one degree of latitude
SHORT_COLOUR = "#d32f2f"
SURPLUS_COLOUR = "#1976d2"
NEUTRAL_COLOUR = "#9e9e9e"
LINE_COLOUR = "#2e7d32"
PREFECTURE_COLOUR = (120, 120, 120, 150)
NAME_LABEL_LIMIT = 40  # municipality names are written beside the points only when there are few
ARROW_LIMIT = 200
MIN_SIZE, MAX_SIZE = 9.0, 26.0
SIZE_STEPS = 6
MIN_WIDTH, MAX_WIDTH = 1.5, 8.0
# Where a prefecture's name may stand around its office (TextItem anchors): above, below, left, right, then
# the same further out; the first that covers least wins.
PREFECTURE_ANCHORS = ((0.5, 1.8), (0.5, -0.8), (1.1, 0.5), (-0.1, 0.5), (0.5, 3.0), (0.5, -2.0), (1.6, 0.5),
                      (-0.6, 0.5), (1.1, 2.0), (-0.1, 2.0), (1.1, -1.0), (-0.1, -1.0))
NAME_ANCHOR = (0.5, -0.3)
EXPORT_BASE_WIDTH = 1100  # layout size of an exported map before scaling to the export width


def _nice_km(span_km: float) -> float:
    """A round scale-bar length near a fifth of the span: 1, 2, 5, 10, 20, 50 ... km."""
    target = max(span_km / 5, 1.0)
    power = 10 ** math.floor(math.log10(target))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= target)


class MapChart(ChartWidget):
    municipality_clicked = Signal(str)

    def __init__(self, prefectures: Sequence[Prefecture] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapChart")
        self.plotItem.hideAxis("left")
        self.plotItem.hideAxis("bottom")
        self.setAspectLocked(True, ratio=1.0)
        self.x_scale = 1.0
        self.points: list[MapPoint] = []
        self.lines: list[MapLine] = []
        self._unit = ""
        self._language = "ja"
        self._prefectures = list(prefectures)
        self._prefecture_items: list[pg.TextItem] = []
        self._name_items: list[pg.TextItem] = []
        self._line_items: list[pg.GraphicsObject] = []
        self._brushes = [pg.mkBrush(c) for c in (SHORT_COLOUR, SURPLUS_COLOUR, NEUTRAL_COLOUR)]
        self._pen = pg.mkPen("#ffffff", width=1)
        self._home_pen = pg.mkPen("#000000", width=2.5)
        self.scatter = pg.ScatterPlotItem(hoverable=True, tip=self._tip, hoverPen=pg.mkPen("#000000", width=2))
        self.scatter.setZValue(10)
        self.scatter.sigClicked.connect(self._clicked)
        self.addItem(self.scatter)
        self.legend = pg.LegendItem(offset=(10, 10), labelTextColor=TEXT_COLOUR, brush=pg.mkBrush(255, 255, 255, 220),
                                    pen=pg.mkPen("#cccccc"))
        self.legend.setParentItem(self.plotItem.getViewBox())
        self.scale_bar = pg.ScaleBar(size=10 / KM_PER_UNIT, width=4, brush=pg.mkBrush("#555555"), offset=(-20, -20))
        self.scale_bar.text.setColor(TEXT_COLOUR)
        self.scale_bar.setParentItem(self.plotItem.getViewBox())
        self.getViewBox().sigRangeChanged.connect(self._place_prefecture_labels)
        self.retranslate()

    # -- coordinates -----------------------------------------------------------------------------------------
    def position(self, lon: float, lat: float) -> tuple[float, float]:
        """Where a longitude/latitude is drawn (see the module doc)."""
        return lon * self.x_scale, lat

    # -- content ---------------------------------------------------------------------------------------------
    def set_map(self, points: Sequence[MapPoint], lines: Sequence[MapLine], unit: str, language: str,
                fit: bool = True) -> None:
        self.points, self.lines, self._unit, self._language = list(points), list(lines), unit, language
        if self.points:
            self.x_scale = math.cos(math.radians(float(np.mean([p.lat for p in self.points]))))
        self._draw_points()
        self._draw_lines()
        self._draw_prefectures()
        if fit:
            self.reset_view()

    def _draw_points(self) -> None:
        points = self.points
        largest = max([max(p.shortfall, p.surplus) for p in points] or [0]) or 1
        # Few distinct styles (colour x size step x home or not): pyqtgraph renders each style once and then
        # stamps it, where 1,916 slightly different sizes would mean 1,916 renderings on every update.
        steps = np.rint(np.sqrt(np.array([max(p.shortfall, p.surplus) for p in points], dtype=float) / largest)
                        * SIZE_STEPS) if points else np.zeros(0)
        sizes = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * steps / SIZE_STEPS
        brushes = [self._brushes[0 if p.shortfall > 0 else 1 if p.surplus > 0 else 2] for p in points]
        pens = [self._home_pen if p.is_home else self._pen for p in points]
        symbols = ["s" if p.is_home else "o" for p in points]
        xy = np.array([self.position(p.lon, p.lat) for p in points], dtype=float).reshape(-1, 2)
        self.scatter.setData(x=xy[:, 0], y=xy[:, 1], size=sizes, brush=brushes, pen=pens, symbol=symbols,
                             data=np.arange(len(points)))
        wanted = points if len(points) <= NAME_LABEL_LIMIT else []
        while len(self._name_items) < len(wanted):
            # A pale halo keeps names readable over lines and prefecture names.
            item = pg.TextItem(color=TEXT_COLOUR, anchor=NAME_ANCHOR, fill=pg.mkBrush(255, 255, 255, 170))
            item.setFont(self.chart_font(-1))
            item.setZValue(5)
            self.addItem(item)
            self._name_items.append(item)
        for item, p in zip(self._name_items, wanted, strict=False):
            item.setText(p.short_name)
            item.setPos(*self.position(p.lon, p.lat))
            item.show()
        for item in self._name_items[len(wanted):]:
            item.hide()

    def _draw_lines(self) -> None:
        for item in self._line_items:
            self.removeItem(item)
        self._line_items = []
        where = {p.code: self.position(p.lon, p.lat) for p in self.points}
        drawn = [line for line in self.lines if line.sender in where and line.receiver in where]
        largest = max([line.quantity for line in drawn] or [0]) or 1
        groups: dict[tuple[bool, float], list[MapLine]] = {}
        for line in drawn:
            width = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * line.quantity / largest
            groups.setdefault((line.committed, round(width * 2) / 2), []).append(line)
        for (committed, width), members in groups.items():
            xy = np.array([(*where[m.sender], *where[m.receiver]) for m in members], dtype=float)
            style = Qt.PenStyle.SolidLine if committed else Qt.PenStyle.DashLine
            curve = pg.PlotCurveItem(xy[:, [0, 2]].ravel(), xy[:, [1, 3]].ravel(), connect="pairs",
                                     pen=pg.mkPen(LINE_COLOUR, width=width, style=style, cap=Qt.PenCapStyle.FlatCap))
            curve.setZValue(2 if committed else 1)
            self._add_line_item(curve)
        if len(drawn) <= ARROW_LIMIT:
            for line in drawn:
                (x1, y1), (x2, y2) = where[line.sender], where[line.receiver]
                # An arrow head two thirds of the way, pointing at the receiver (screen y grows downwards).
                angle = math.degrees(math.atan2(y2 - y1, -(x2 - x1)))
                arrow = pg.ArrowItem(pos=(x1 + (x2 - x1) * 0.66, y1 + (y2 - y1) * 0.66), angle=angle, headLen=12,
                                     tipAngle=35, pen=pg.mkPen(None), brush=pg.mkBrush(LINE_COLOUR))
                arrow.setZValue(3)
                self._add_line_item(arrow)

    def _add_line_item(self, item: pg.GraphicsObject) -> None:
        self.addItem(item)
        self._line_items.append(item)

    def line_segments(self) -> int:
        """How many transfer lines are drawn (each flow or commitment is one segment)."""
        return sum(len(item.xData) // 2 for item in self._line_items
                   if isinstance(item, pg.PlotCurveItem) and item.xData is not None)

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
        """Frame the places shown (prefecture names alone do not widen the view)."""
        if not self.points:
            return
        xy = np.array([self.position(p.lon, p.lat) for p in self.points])
        (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
        margin = max(x1 - x0, y1 - y0, 0.05) * 0.12
        self.getViewBox().setRange(xRange=(x0 - margin, x1 + margin), yRange=(y0 - margin, y1 + margin), padding=0)
        self._place_scale_bar(max(x1 - x0, y1 - y0, 0.05) * KM_PER_UNIT)
        self._place_prefecture_labels()

    def _place_prefecture_labels(self) -> None:
        """Put each prefecture's name on the side of its office where it covers the fewest places and names.

        Only when names are drawn (few places): a national map has no names to collide with.
        """
        if not self.points or len(self.points) > NAME_LABEL_LIMIT:
            return
        box = self.getViewBox()

        def rect(x: float, y: float, item: pg.TextItem, anchor: tuple[float, float]) -> QRectF:
            at = box.mapViewToScene(QPointF(x, y))
            size = item.textItem.boundingRect()
            return QRectF(at.x() - anchor[0] * size.width(), at.y() - anchor[1] * size.height(), size.width(),
                          size.height())

        # (area, weight): text over text is what becomes unreadable; covering a marker matters less.
        taken = [(self.legend.sceneBoundingRect(), 3.0)]
        for item, p in zip(self._name_items, self.points, strict=False):
            x, y = self.position(p.lon, p.lat)
            taken.append((rect(x, y, item, NAME_ANCHOR), 3.0))
            at = box.mapViewToScene(QPointF(x, y))
            taken.append((QRectF(at.x() - MAX_SIZE / 2, at.y() - MAX_SIZE / 2, MAX_SIZE, MAX_SIZE), 1.0))

        def covered(candidate: QRectF) -> float:
            overlaps = ((candidate.intersected(r), w) for r, w in taken)
            return sum(o.width() * o.height() * w for o, w in overlaps if not o.isEmpty())

        for item, prefecture in zip(self._prefecture_items, self._prefectures, strict=True):
            x, y = self.position(prefecture.lon, prefecture.lat)
            best = min(PREFECTURE_ANCHORS, key=lambda anchor: covered(rect(x, y, item, anchor)))
            item.setAnchor(best)

    def export_png(self, path: Path, width: int = EXPORT_WIDTH) -> Path:
        """Everything shown, at an aspect that suits the places (not the widget's, which may be a thin strip)."""
        item, box = self.plotItem, self.getViewBox()
        geometry, view_range = item.geometry(), box.viewRange()
        if self.points:
            xy = np.array([self.position(p.lon, p.lat) for p in self.points])
            span_x, span_y = np.ptp(xy, axis=0) + 0.05
            height = float(np.clip(EXPORT_BASE_WIDTH * span_y / span_x, 0.45 * EXPORT_BASE_WIDTH,
                                   0.9 * EXPORT_BASE_WIDTH))
            item.setGeometry(QRectF(0, 0, EXPORT_BASE_WIDTH, height))
            item.layout.activate()
            self.reset_view()
        try:
            return super().export_png(path, width)
        finally:
            item.setGeometry(geometry)
            item.layout.activate()
            box.setRange(xRange=view_range[0], yRange=view_range[1], padding=0)

    def _place_scale_bar(self, span_km: float) -> None:
        km = _nice_km(span_km)
        self.scale_bar.size = km / KM_PER_UNIT
        self.scale_bar.text.setText(f"{km:g} km")
        self.scale_bar.updateBar()

    # -- hover and click -------------------------------------------------------------------------------------
    def tooltip(self, index: int) -> str:
        """Name, the quantity short or offered, the distance from here, and the transfers touching it."""
        p = self.points[index]
        parts = [p.name]
        if p.shortfall > 0:
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
        for line in self.lines:
            if p.code in (line.sender, line.receiver):
                text = self.tr("committed") if line.committed else self.tr("proposed")
                parts.append(self.tr("{sender} → {receiver}: {quantity:,} {unit}, {km:,.1f} km ({kind})").format(
                    sender=names.get(line.sender, line.sender), receiver=names.get(line.receiver, line.receiver),
                    quantity=line.quantity, unit=self._unit, km=line.km, kind=text))
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
        self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(LINE_COLOUR, width=3, style=Qt.PenStyle.DashLine)),
                            self.tr("Proposed transfer"))
        self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(LINE_COLOUR, width=3)), self.tr("Committed transfer"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
