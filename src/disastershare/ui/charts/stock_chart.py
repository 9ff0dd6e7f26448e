"""Stock over time of one resource type: a step line per municipality, built from the snapshot history.

Stock only changes when a new snapshot (or an own edit) says so, hence steps held until the next reading,
drawn up to the latest reading of any municipality. More than MAX_LINES municipalities would be an unreadable
tangle: the own municipality and the largest holders get their own line, the rest one summed line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from disastershare.ui.charts.chart_widget import AXIS_COLOUR, TEXT_COLOUR, ChartWidget

MAX_LINES = 10
OWN_COLOUR = "#c62828"
OTHERS_COLOUR = "#757575"
PALETTE = ("#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e", "#393b79",
           "#637939", "#843c39", "#7b4173")

Series = Sequence[tuple[datetime, int]]
# pyqtgraph's date ticks use English month and weekday names ("Apr", "Mon 14"); numbers read in any language.
_NUMERIC_FORMATS = {"%Y": "%Y", "%b": "%Y/%m", "%d": "%m/%d", "%a %d": "%m/%d", "%H:%M": "%H:%M",
                    "%H:%M:%S": "%H:%M:%S", "%S.%f": "%S.%f"}


class _NumericDateAxis(pg.DateAxisItem):
    def tickStrings(self, values, scale, spacing):
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        pattern = _NUMERIC_FORMATS.get(spec.format, "%m/%d") if spec is not None else "%m/%d"
        out = []
        for value in values:
            try:
                out.append(datetime.fromtimestamp(value).strftime(pattern))
            except (OverflowError, OSError, ValueError):
                out.append("")
        return out


def _summed(all_points: Sequence[Series], until: float) -> tuple[np.ndarray, np.ndarray]:
    """The sum of several step lines. Each reading changes the total by its difference to the previous reading of
    the same municipality, so the total over time is a cumulative sum of those changes in time order."""
    moments, changes = [], []
    for points in all_points:
        previous = 0
        for moment, value in points:
            moments.append(moment.timestamp())
            changes.append(value - previous)
            previous = value
    order = np.argsort(np.array(moments), kind="stable")
    times = np.array(moments)[order]
    totals = np.cumsum(np.array(changes, dtype=float)[order])
    last = np.r_[times[1:] != times[:-1], True]  # the total after the last change at each moment
    return _steps([(datetime.fromtimestamp(t), int(v)) for t, v in zip(times[last], totals[last], strict=True)],
                  until)


def _steps(points: Series, until: float) -> tuple[np.ndarray, np.ndarray]:
    """x, y of a step line: each value held until the next reading, the last one until `until`."""
    times = [p[0].timestamp() for p in points]
    values = [p[1] for p in points]
    x = np.repeat(np.array([*times, max(until, times[-1])], dtype=float), 2)[1:-1]
    y = np.repeat(np.array(values, dtype=float), 2)
    return x, y


class StockChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        date_axis = _NumericDateAxis(orientation="bottom")
        super().__init__(parent)
        self.setAxisItems({"bottom": date_axis})
        date_axis.setPen(pg.mkPen(AXIS_COLOUR))
        date_axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        date_axis.setTickFont(self.chart_font())
        self.setObjectName("stockChart")
        self.plotItem.showGrid(x=True, y=True, alpha=0.15)
        # The legend stands beside the plot, not on it: lines run to the right edge, where a legend would hide
        # the latest readings.
        self.legend = pg.LegendItem(labelTextColor=TEXT_COLOUR)
        self.plotItem.layout.addItem(self.legend, 2, 3)
        self.names: list[str] = []  # the lines drawn, in legend order
        self._unit = ""
        self._items: list[pg.PlotDataItem] = []
        self._brushes: dict[str, object] = {}
        self.dots = pg.ScatterPlotItem(symbol="o", size=7, pen=pg.mkPen("#ffffff"))
        self.dots.setZValue(5)
        self.addItem(self.dots)
        self.empty_text = pg.TextItem(color=TEXT_COLOUR, anchor=(0.5, 0.5))
        self.empty_text.setFont(self.chart_font(1))
        self.addItem(self.empty_text, ignoreBounds=True)
        self.empty_text.hide()
        self.retranslate()

    def set_series(self, series: Mapping[str, Series], own: str | None, unit: str) -> None:
        """`series`: display name -> readings (time, quantity), oldest first; `own` names the own line."""
        self._unit = unit
        filled = {name: list(points) for name, points in series.items() if points}
        until = max((p[-1][0].timestamp() for p in filled.values()), default=0.0)
        by_size = sorted((n for n in filled if n != own), key=lambda n: (-filled[n][-1][1], n))
        keep = ([own] if own in filled else []) + by_size[: MAX_LINES - (1 if own in filled else 0)]
        rest = by_size[len(keep) - (1 if own in filled else 0):]
        lines = []  # (name, x, y, colour, width)
        dots: list[tuple[float, int, object]] = []
        own_dots: list[tuple[float, int, object]] = []  # drawn last and larger: on top of a partner's equal reading
        for i, name in enumerate(keep):
            colour = OWN_COLOUR if name == own else PALETTE[i % len(PALETTE)]
            lines.append((name, *_steps(filled[name], until), colour, 3 if name == own else 2))
            # A dot at each reading: a municipality read once (the own one: now) still shows.
            brush = self._brush(colour)
            target = own_dots if name == own else dots
            target.extend((moment.timestamp(), value, brush) for moment, value in filled[name])
        if rest:
            lines.append((self.tr("Others ({count}, summed)").format(count=len(rest)),
                          *_summed([filled[n] for n in rest], until), OTHERS_COLOUR, 2))
        self._show_lines(lines)
        everything = dots + own_dots
        self.dots.setData(x=[d[0] for d in everything], y=[d[1] for d in everything],
                          brush=[d[2] for d in everything], size=[7] * len(dots) + [11] * len(own_dots))
        self.empty_text.setVisible(not lines)
        if not lines:
            self.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            self.empty_text.setPos(0.5, 0.5)
        self.retranslate()
        if lines:
            self.reset_view()

    def _brush(self, colour: str) -> object:
        if colour not in self._brushes:
            self._brushes[colour] = pg.mkBrush(colour)
        return self._brushes[colour]

    def _show_lines(self, lines: Sequence[tuple[str, np.ndarray, np.ndarray, str, float]]) -> None:
        """Reuse the line items (creating items and legend rows is what costs, not drawing them)."""
        while len(self._items) < len(lines):
            item = pg.PlotDataItem()
            self.addItem(item)
            self._items.append(item)
        for item, (_name, x, y, colour, width) in zip(self._items, lines, strict=False):
            item.setData(x, y)
            item.setPen(pg.mkPen(colour, width=width))
            item.show()
        for item in self._items[len(lines):]:
            item.setData([], [])
            item.hide()
        names = [line[0] for line in lines]
        if len(names) != len(self.names):
            self.legend.clear()
            for item, name in zip(self._items, names, strict=False):
                self.legend.addItem(item, name)
        else:
            for (_sample, label), name in zip(self.legend.items, names, strict=True):
                label.setText(name)
        self.legend.setVisible(bool(names))
        self.names = names

    def line_count(self) -> int:
        return len(self.names)

    def retranslate(self) -> None:
        self.setLabel("left", self.tr("Stock [{unit}]").format(unit=self._unit) if self._unit else self.tr("Stock"))
        self.setLabel("bottom", self.tr("Date of the reading (snapshot or edit)"))
        self.empty_text.setText(self.tr("No stock history of this resource yet."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
