"""Text labels of the map drawn by one graphics item: names, the own municipality, quantities, the hovered place.

pyqtgraph's TextItem keeps a transform per label that goes stale when the view is re-laid out for an export or
while hidden (halos drawn as streaks, boxes apart from their text), and updates each label on every pan. Here
the labels are plain data, painted in device pixels at their anchor points: the same at every zoom, and scaled
with the picture when an exporter renders it larger.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

PADDING_X, PADDING_Y = 5.0, 3.0


@dataclass(frozen=True)
class LabelStyle:
    font: QFont
    colour: str
    fill: tuple[int, int, int, int] | None = None
    border: str | None = None

    def size(self, text: str) -> QSizeF:
        """The label's size in pixels, padding and border included."""
        size = QFontMetricsF(self.font).size(0, text)
        return QSizeF(size.width() + 2 * PADDING_X, size.height() + 2 * PADDING_Y)


@dataclass(frozen=True)
class Label:
    x: float  # view coordinates of the anchor point
    y: float
    text: str
    style: LabelStyle
    anchor: tuple[float, float] = (0.5, 0.5)  # which point of the box sits on (x, y): (0, 0) top left

    def rect_at(self, px: float, py: float) -> QRectF:
        """The box in pixels when the anchor point is at pixel (px, py)."""
        size = self.style.size(self.text)
        return QRectF(px - self.anchor[0] * size.width(), py - self.anchor[1] * size.height(), size.width(),
                      size.height())


class LabelLayer(pg.GraphicsObject):
    def __init__(self, z: float) -> None:
        super().__init__()
        self.labels: list[Label] = []
        self._bounds = QRectF()
        self.setZValue(z)

    def set_labels(self, labels: Sequence[Label], pixel: tuple[float, float]) -> None:
        """Show `labels`; `pixel` is the view's size of one pixel (x, y), for the area they cover: a new hover
        label repaints that area only, not the whole map."""
        self.labels = list(labels)
        px, py = pixel
        bounds = QRectF()
        for label in self.labels:
            box = label.rect_at(0.0, 0.0).adjusted(-2, -2, 2, 2)  # pixels about the anchor, y down
            bounds = bounds.united(QRectF(label.x + box.left() * px, label.y - box.bottom() * py, box.width() * px,
                                          box.height() * py))
        self.prepareGeometryChange()
        self._bounds = bounds
        self.update()

    def texts(self) -> list[str]:
        return [label.text for label in self.labels]

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        if not self.labels:
            return
        device = painter.transform()
        scene = self.sceneTransform()
        # Device pixels per scene pixel: 1 on screen, more when an exporter renders a larger picture.
        scale = math.hypot(device.m11(), device.m12()) / max(math.hypot(scene.m11(), scene.m12()), 1e-300)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for label in self.labels:
            at = device.map(QPointF(label.x, label.y))
            painter.setTransform(QTransform(scale, 0, 0, scale, at.x(), at.y()))
            box = label.rect_at(0.0, 0.0)
            style = label.style
            if style.fill is not None or style.border is not None:
                painter.setPen(QPen(QColor(style.border), 1.0) if style.border else Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(QColor(*style.fill)) if style.fill else Qt.BrushStyle.NoBrush)
                painter.drawRect(box)
            painter.setFont(style.font)
            painter.setPen(QColor(style.colour))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label.text)
        painter.restore()
