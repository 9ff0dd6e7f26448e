"""Shortfall by resource type: horizontal bars, own municipality and partners, most severe on top.

Units differ per resource type (L, 枚, 人), so bar length is the shortfall as a percentage of the need, which
compares across types; the absolute shortfall is written after each bar with its unit, and the unit is part
of every tick label ("毛布 [枚]"). See ui.analysis_data for how severity is defined.

Rows scroll (scroll bar or mouse wheel) when there are more resource types than fit; clicking a bar emits
`resource_clicked` with the resource code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollBar, QWidget

from disastershare.ui.analysis_data import ResourceBar
from disastershare.ui.charts.chart_widget import EXPORT_WIDTH, TEXT_COLOUR, ChartWidget

OWN_COLOUR = "#c62828"
PARTNER_COLOUR = "#f57c00"
SELECTED_FILL = (25, 118, 210, 40)
ROW_PIXELS = 44  # each row holds two bars and their value labels
BAR_HEIGHT = 0.36
X_END = 130.0  # percent axis runs to 100; the rest leaves room for the value labels
LABEL_CHARS = 16  # longer resource names are cut with … (the tooltip has the whole name)
EXPORT_ROWS = 20


class _Bars(pg.BarGraphItem):
    """One series of bars that reports clicks and hovers by row."""

    def __init__(self, on_click: Callable[[int], None], on_hover: Callable[[int | None], None], **opts) -> None:
        super().__init__(**opts)
        self._on_click = on_click
        self._on_hover = on_hover
        self.setAcceptHoverEvents(True)

    def mouseClickEvent(self, ev) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._on_click(int(round(ev.pos().y())))

    def hoverEvent(self, ev) -> None:
        self._on_hover(None if ev.isExit() else int(round(ev.pos().y())))


class ShortfallBarChart(QWidget):
    resource_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortfallBarChart")
        self.plot = ChartWidget()
        self.plot.reset_handler = lambda: self.scroll_bar.setValue(0)
        self.plot.export_handler = self.export_png
        self.scroll_bar = QScrollBar(Qt.Orientation.Vertical)
        self.scroll_bar.setObjectName("barScroll")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.scroll_bar)

        self._bars: list[ResourceBar] = []
        self._label: Callable[[str], str] = str
        self._unit: Callable[[str], str] = lambda code: ""
        self._own_name = ""
        self._selected: str | None = None
        box = self.plot.getViewBox()
        box.setMouseEnabled(x=False, y=False)
        box.invertY(True)
        box.setDefaultPadding(0)
        self.plot.plotItem.showGrid(x=True, y=False, alpha=0.15)
        self._band = pg.BarGraphItem(x0=[0], width=[X_END], y=[0], height=[0.96], brush=pg.mkBrush(SELECTED_FILL),
                                     pen=pg.mkPen(None))
        self._band.setZValue(-10)
        self._band.hide()
        self.plot.addItem(self._band)
        self._own = _Bars(self._clicked, self._hovered, x0=[], width=[], y=[], height=BAR_HEIGHT,
                          brush=OWN_COLOUR, pen=pg.mkPen(None))
        self._partners = _Bars(self._clicked, self._hovered, x0=[], width=[], y=[], height=BAR_HEIGHT,
                               brush=PARTNER_COLOUR, pen=pg.mkPen(None))
        self.plot.addItem(self._own)
        self.plot.addItem(self._partners)
        self._texts: list[pg.TextItem] = []  # value labels of the visible rows, reused between updates
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}%") for v in (0, 25, 50, 75, 100)]])
        self.scroll_bar.valueChanged.connect(self._show_rows)
        box.sigResized.connect(self._fit_rows)
        self.plot.viewport().installEventFilter(self)  # the wheel scrolls rows; zooming bars helps nobody
        self.retranslate()
        self._fit_rows()

    # -- content ---------------------------------------------------------------------------------------------
    def set_bars(self, bars: Sequence[ResourceBar], label: Callable[[str], str], unit: Callable[[str], str],
                 own_name: str = "") -> None:
        """Show `bars` in the order given (ui.analysis_data.resource_bars sorts them by severity)."""
        self._bars = list(bars)
        self._label, self._unit, self._own_name = label, unit, own_name
        n = len(self._bars)
        rows = np.arange(n, dtype=float)
        zeros = np.zeros(n)
        self._own.setOpts(x0=zeros, y=rows - 0.2, width=self.heights("own"), height=BAR_HEIGHT)
        self._partners.setOpts(x0=zeros, y=rows + 0.2, width=self.heights("partners"), height=BAR_HEIGHT)
        ticks = [(i, self._tick(b.resource)) for i, b in enumerate(self._bars)]
        axis = self.plot.getAxis("left")
        axis.setTicks([ticks, []])
        # pyqtgraph widens the axis only after a label did not fit (and drops that label meanwhile): size it now.
        metrics = QFontMetrics(self.plot.chart_font())
        axis.setWidth(max([metrics.horizontalAdvance(text) for _, text in ticks] or [40]) + 16)
        self._update_title()
        self._fit_rows()
        self.set_selected(self._selected)

    def resources(self) -> list[str]:
        return [b.resource for b in self._bars]

    def heights(self, series: str) -> np.ndarray:
        """Bar lengths in percent of need, in row order: series "own" or "partners"."""
        if series == "own":
            return np.array([b.own_percent for b in self._bars], dtype=float)
        return np.array([b.partner_percent for b in self._bars], dtype=float)

    def row_centre(self, resource: str, series: str = "own") -> tuple[float, float]:
        """Where the middle of a bar is, in plot coordinates (for tests and tooltips)."""
        row = self.resources().index(resource)
        length = self.heights(series)[row]
        return length / 2, row + (-0.2 if series == "own" else 0.2)

    def set_selected(self, resource: str | None) -> None:
        """Shade the row of `resource` (None: no row) and scroll it into view."""
        self._selected = resource
        if resource not in self.resources():
            self._band.hide()
            return
        row = self.resources().index(resource)
        self._band.setOpts(y=[row])
        self._band.show()
        top, visible = self.scroll_bar.value(), self._visible_rows()
        if not top <= row < top + visible:
            self.scroll_bar.setValue(max(0, row - visible // 2))

    def _tick(self, resource: str) -> str:
        text = self._label(resource)
        unit = self._unit(resource)
        name = text[: -len(f" [{unit}]")] if unit and text.endswith(f" [{unit}]") else text
        if len(name) > LABEL_CHARS:
            name = name[: LABEL_CHARS - 1] + "…"
        return f"{name} [{unit}]" if unit else name

    # -- rows and scrolling ----------------------------------------------------------------------------------
    def _visible_rows(self) -> int:
        height = self.plot.getViewBox().height()
        return max(3, int(height // ROW_PIXELS)) if height > 0 else 8

    def _fit_rows(self) -> None:
        visible = self._visible_rows()
        self.scroll_bar.setRange(0, max(0, len(self._bars) - visible))
        self.scroll_bar.setPageStep(visible)
        self.scroll_bar.setVisible(len(self._bars) > visible)
        self._show_rows()

    def _show_rows(self) -> None:
        top, visible = self.scroll_bar.value(), self._visible_rows()
        self.plot.getViewBox().setRange(xRange=(0, X_END), yRange=(top - 0.5, top + visible - 0.5), padding=0)
        self._update_value_labels(top, min(len(self._bars), top + visible))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            delta = event.angleDelta().y()
            if delta:
                self.scroll_bar.setValue(self.scroll_bar.value() - max(1, abs(delta) // 120) * (1 if delta > 0 else -1))
            return True
        return super().eventFilter(watched, event)

    def _update_value_labels(self, first: int, last: int) -> None:
        """'1,200 枚' after each visible bar with a shortfall; only visible rows get a label item."""
        wanted = []
        for row in range(first, last):
            bar = self._bars[row]
            unit = self._unit(bar.resource)
            for quantity, percent, offset in ((bar.own_shortfall, bar.own_percent, -0.2),
                                              (bar.partner_shortfall, bar.partner_percent, 0.2)):
                if quantity > 0:
                    wanted.append((f"{quantity:,} {unit}".rstrip(), percent, row + offset))
        while len(self._texts) < len(wanted):
            item = pg.TextItem(color=TEXT_COLOUR, anchor=(0, 0.5))
            item.setFont(self.plot.chart_font(-1))
            self.plot.addItem(item)
            self._texts.append(item)
        for item, (text, x, y) in zip(self._texts, wanted, strict=False):
            item.setText(text)
            item.setPos(x + 1, y)
            item.show()
        for item in self._texts[len(wanted):]:
            item.hide()

    # -- input -----------------------------------------------------------------------------------------------
    def _clicked(self, row: int) -> None:
        if 0 <= row < len(self._bars):
            resource = self._bars[row].resource
            self.set_selected(resource)
            self.resource_clicked.emit(resource)

    def _hovered(self, row: int | None) -> None:
        self.plot.setToolTip(self.tooltip(row) if row is not None else "")

    def tooltip(self, row: int) -> str:
        if not 0 <= row < len(self._bars):
            return ""
        bar = self._bars[row]
        unit = self._unit(bar.resource)
        return self.tr("{resource}\nOwn: short {own:,} of {own_need:,} {unit} ({own_pct:.0f}%)\n"
                       "Partners: short {partners:,} of {partner_need:,} {unit} ({partner_pct:.0f}%)").format(
            resource=self._label(bar.resource), own=bar.own_shortfall, own_need=bar.own_need, unit=unit,
            own_pct=bar.own_percent, partners=bar.partner_shortfall, partner_need=bar.partner_need,
            partner_pct=bar.partner_percent)

    # -- texts and export ------------------------------------------------------------------------------------
    def _update_title(self) -> None:
        own = self.tr("Own ({name})").format(name=self._own_name) if self._own_name else self.tr("Own municipality")
        partners = self.tr("Partners")
        self.plot.plotItem.setTitle(
            f"<span style='color:{OWN_COLOUR}'>■</span> {own}"
            f"&nbsp;&nbsp;&nbsp;<span style='color:{PARTNER_COLOUR}'>■</span> {partners}",
            color=TEXT_COLOUR, size=f"{self.plot.chart_font().pointSizeF():.0f}pt")

    def retranslate(self) -> None:
        self.plot.setLabel("bottom", self.tr("Shortfall as % of need (value after each bar: shortfall in its unit)"))
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def export_png(self, path: Path, width: int = EXPORT_WIDTH) -> Path:
        """The most severe rows (up to EXPORT_ROWS) at a readable row height, whatever is scrolled into view now.

        The plot item (not the widget, which may be hidden) gets an export-sized geometry for the call only.
        """
        item, box = self.plot.plotItem, self.plot.getViewBox()
        top, geometry = self.scroll_bar.value(), item.geometry()
        rows = max(1, min(len(self._bars), EXPORT_ROWS))
        band = self._band.isVisible()
        self._band.hide()
        frame = geometry.height() - box.height() if box.height() > 0 else 90  # title, axis and its label
        item.setGeometry(QRectF(0, 0, max(geometry.width(), 1000), rows * ROW_PIXELS + max(frame, 90)))
        item.layout.activate()
        box.setRange(xRange=(0, X_END), yRange=(-0.5, rows - 0.5), padding=0)
        self._update_value_labels(0, rows)
        try:
            return self.plot.export_png(path, width)
        finally:
            item.setGeometry(geometry)
            item.layout.activate()
            self._band.setVisible(band)
            self.scroll_bar.setValue(top)
            self._show_rows()
