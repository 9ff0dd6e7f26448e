"""The basemap drawn under the map chart: land, lakes, coastline and prefecture borders (core.basemap's lines).

One graphics item with four painter paths built once in lon/lat; the map's projection (x = lon x cos(lat0))
is the item's transform, so a new scale costs nothing but a repaint. Pens are cosmetic (pixels wide at any
zoom). The item caches its picture in device coordinates: hovering, labels and arrows repaint over the cached
image instead of filling 15,000 vertices again; only zooming re-renders it.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from disastershare.core.basemap import Basemap

SEA_COLOUR = "#e8f1f8"
LAND_COLOUR = "#f7f5ee"
COAST_COLOUR = "#8a9aa8"
BORDER_COLOUR = "#b9b2a3"


def _path(lines: Iterable[np.ndarray], closed: bool) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for line in lines:
        polygon = QPolygonF([QPointF(float(x), float(y)) for x, y in line])
        if closed:
            path.addPolygon(polygon)
            path.closeSubpath()
        else:
            path.moveTo(polygon[0])
            for point in list(polygon)[1:]:
                path.lineTo(point)
    return path


class BasemapItem(pg.GraphicsObject):
    def __init__(self, basemap: Basemap, like: BasemapItem | None = None, borders: bool = True) -> None:
        """`like`: another item of the same basemap whose paths to share (the overview map's)."""
        super().__init__()
        self.basemap = basemap
        self.land = like.land if like else _path(basemap.land, closed=True)
        self.lakes = like.lakes if like else _path(basemap.lakes, closed=True)
        self.coast = like.coast if like else _path(basemap.coast, closed=False)
        self.borders = (like.borders if like else _path(basemap.borders, closed=False)) if borders else QPainterPath()
        self._land_brush = QBrush(QColor(LAND_COLOUR))
        self._lake_brush = QBrush(QColor(SEA_COLOUR))
        self._coast_pen = QPen(QColor(COAST_COLOUR), 1.0)
        self._coast_pen.setCosmetic(True)
        self._border_pen = QPen(QColor(BORDER_COLOUR), 0.8, Qt.PenStyle.DashLine)
        self._border_pen.setCosmetic(True)
        self._rect = self.land.boundingRect()
        self.x_scale = 1.0
        self.setZValue(-20)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity)

    def set_x_scale(self, x_scale: float) -> None:
        """Draw longitude lon at x = lon * x_scale (the map's projection)."""
        if x_scale != self.x_scale:
            self.prepareGeometryChange()
            self.x_scale = x_scale
            self.setTransform(QTransform.fromScale(x_scale, 1.0))

    def view_rect(self) -> QRectF:
        """What the basemap covers in the chart's coordinates."""
        return self.mapRectToParent(self._rect)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._land_brush)
        painter.drawPath(self.land)
        painter.setBrush(self._lake_brush)
        painter.drawPath(self.lakes)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._border_pen)
        painter.drawPath(self.borders)
        painter.setPen(self._coast_pen)
        painter.drawPath(self.coast)
        painter.drawPath(self.lakes)
