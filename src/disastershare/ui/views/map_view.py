"""The map page of the analysis tab: the map chart, what it shows, and a button to frame everything again."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from disastershare.core.matching_model import Flow
from disastershare.core.reference_data import shipped_prefectures
from disastershare.ui.analysis_data import AnalysisData, map_lines, map_points
from disastershare.ui.charts.map_chart import MapChart


class MapView(QWidget):
    municipality_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        self.chart = MapChart(shipped_prefectures())
        self.caption = QLabel()
        self.caption.setObjectName("mapCaption")
        self.caption.setWordWrap(True)
        self.fit_button = QPushButton()
        self.fit_button.setObjectName("fitMapButton")
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        self.fit_button.clicked.connect(self.chart.reset_view)
        self.chart.municipality_clicked.connect(self.municipality_clicked)
        self._resource_label = ""
        self._key: tuple[object, ...] | None = None
        self.retranslate()

    def show_data(self, data: AnalysisData, flows: Sequence[Flow], resource: str | None, language: str) -> None:
        """Draw `resource` for the places of `data`; the view is re-framed only when the places change."""
        points = map_points(data, resource)
        lines = map_lines(data, flows, resource)
        key = (tuple(p.code for p in points),)
        self.chart.set_map(points, lines, data.unit(resource) if resource else "", language, fit=key != self._key)
        self._key = key
        self._resource_label = data.resource_label(resource, language) if resource else ""
        self.retranslate()

    def retranslate(self) -> None:
        self.fit_button.setText(self.tr("Show all places"))
        hint = self.tr("Wheel: zoom, drag: move, click a place: select its rows, hover: details.")
        if self._resource_label:
            self.caption.setText(self.tr("Map of {resource}. {hint}").format(resource=self._resource_label,
                                                                             hint=hint))
        else:
            self.caption.setText(hint)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
