"""The map page of the analysis tab: the map chart, what it shows (every resource or one), and a button to frame
everything again.

The combo above the map chooses 「すべての品目」 (every resource's transfers at once) or one resource. While it is on
one resource the map follows the tab's resource (a bar clicked, the tab's combo); choosing a resource here emits
`resource_chosen` for the tab to follow too, if it wants. A report's map always shows every resource:
MapChart.export_png draws `all_resources_content` whatever the window shows, and `save_all_resources_map` draws
it without any window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from disastershare.core.matching_model import Flow
from disastershare.core.reference_data import shipped_prefectures
from disastershare.ui.analysis_data import AnalysisData, MapPoint, map_lines, map_points, resource_bars
from disastershare.ui.charts.chart_widget import EXPORT_WIDTH
from disastershare.ui.charts.map_chart import MapChart, Transfer

ALL = ""  # the combo's data for 「すべての品目」


def resource_name(data: AnalysisData, code: str, language: str) -> str:
    rtype = data.catalog.get(code)
    return rtype.name(language) if rtype else code


def map_resources(data: AnalysisData, flows: Sequence[Flow] = ()) -> list[str]:
    """Resources worth a map: short somewhere (most severe first, as the tab's combo), then offered or moved."""
    short = [b.resource for b in resource_bars(data.positions, data.home)]
    table = data.positions
    others = set(table.loc[table["surplus"] > 0, "resource"].unique()) if not table.empty else set()
    others |= {f.resource for f in flows} | {c.resource for c in data.committed}
    return short + sorted(others - set(short))


def all_resources_content(data: AnalysisData, flows: Sequence[Flow],
                          language: str) -> tuple[list[MapPoint], list[Transfer]]:
    """Every place, with the number of resource types it is short of and can offer (as shortfall and surplus),
    and every resource's transfers (proposed and committed), each named in `language` with its unit."""
    table = data.positions
    counts: dict[str, tuple[int, int, int]] = {}
    if not table.empty:
        by_place = table.assign(short=table["shortfall"] > 0, offer=table["surplus"] > 0,
                                needed=table["need"] > 0).groupby("municipality")[["needed", "short", "offer"]].sum()
        counts = {code: (int(n), int(s), int(o)) for code, n, s, o in zip(
            by_place.index.tolist(), by_place["needed"].tolist(), by_place["short"].tolist(),
            by_place["offer"].tolist(), strict=True)}
    points = []
    for p in map_points(data, None):
        needed, short, offer = counts.get(p.code, (0, 0, 0))
        points.append(replace(p, need=needed, available=0, shortfall=short, surplus=offer))
    by_resource: dict[str, list[Flow]] = {}
    for flow in flows:
        by_resource.setdefault(flow.resource, []).append(flow)
    for committed in data.committed:
        by_resource.setdefault(committed.resource, [])
    transfers = []
    for code, some in by_resource.items():
        name, unit = resource_name(data, code, language), data.unit(code)
        transfers += [Transfer(line, name, unit) for line in map_lines(data, some, code)]
    return points, transfers


def save_all_resources_map(data: AnalysisData, flows: Sequence[Flow], path: Path, language: str = "ja",
                           width: int = EXPORT_WIDTH) -> Path:
    """Draw the all-resources map (every place, every resource's transfers) to a PNG, without any window.

    For reports: needs a QApplication (ui.app.ensure_application), nothing else. `flows` are the plan's
    (AnalysisController.plan.flows); committed transfers come from `data`."""
    if QApplication.instance() is None:
        raise RuntimeError("save_all_resources_map needs a QApplication (ui.app.ensure_application())")
    chart = MapChart(shipped_prefectures())
    try:
        chart.resize(1100, 800)
        points, transfers = all_resources_content(data, flows, language)
        chart.set_content(points, transfers, language, all_resources=True)
        return chart.export_shown_png(Path(path), width)
    finally:
        chart.deleteLater()


class MapView(QWidget):
    municipality_clicked = Signal(str)
    resource_chosen = Signal(str)  # a resource chosen in the map's combo (not 「すべての品目」)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        self.chart = MapChart(shipped_prefectures())
        self.resource_combo = QComboBox()
        self.resource_combo.setObjectName("mapResourceCombo")
        self.resource_combo.setMinimumContentsLength(18)
        self.resource_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.caption = QLabel()
        self.caption.setObjectName("mapCaption")
        self.caption.setWordWrap(True)
        self.fit_button = QPushButton()
        self.fit_button.setObjectName("fitMapButton")
        top = QHBoxLayout()
        top.addWidget(self.resource_combo)
        top.addWidget(self.caption, 1)
        top.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        self.fit_button.clicked.connect(self.chart.reset_view)
        self.chart.municipality_clicked.connect(self.municipality_clicked)
        self.resource_combo.activated.connect(self._chosen)
        self.chart.set_report_source(self._report_content)
        self._data: AnalysisData | None = None
        self._flows: list[Flow] = []
        self._resource: str | None = None  # the tab's resource
        self._language = "ja"
        self._combo_key: tuple[object, ...] | None = None
        self._resource_label = ""
        self._key: tuple[object, ...] | None = None
        self.retranslate()

    @property
    def all_resources(self) -> bool:
        return self.resource_combo.currentData() == ALL and self.resource_combo.count() > 0

    def shown_resource(self) -> str | None:
        """The resource drawn, or None for every resource."""
        return None if self.all_resources else self._resource

    def show_data(self, data: AnalysisData, flows: Sequence[Flow], resource: str | None, language: str) -> None:
        """Draw `resource` (or every resource, if so chosen) for the places of `data`; the view is re-framed only
        when the places change."""
        self._data, self._flows, self._language = data, list(flows), language
        self._resource = resource
        self._fill_combo()
        if not self.all_resources:
            self.resource_combo.setCurrentIndex(max(self.resource_combo.findData(resource), 0)
                                                if resource is not None else 0)
        self._draw()

    def show_all_resources(self, on: bool = True) -> None:
        """Choose 「すべての品目」 (or back to the tab's resource) as the combo would."""
        index = 0 if on else max(self.resource_combo.findData(self._resource), 0)
        self.resource_combo.setCurrentIndex(index)
        self._chosen(index)

    def _fill_combo(self) -> None:
        data = self._data
        if data is None:
            return
        key = (id(data), self._language, len(self._flows))
        if key == self._combo_key:
            return
        self._combo_key = key
        current = self.resource_combo.currentData()
        self.resource_combo.blockSignals(True)
        self.resource_combo.clear()
        self.resource_combo.addItem(self.tr("All resources"), ALL)
        for code in map_resources(data, self._flows):
            self.resource_combo.addItem(data.resource_label(code, self._language), code)
        found = self.resource_combo.findData(current) if current is not None else -1
        self.resource_combo.setCurrentIndex(found if found >= 0 else
                                            max(self.resource_combo.findData(self._resource), 0))
        self.resource_combo.blockSignals(False)

    def _chosen(self, index: int) -> None:
        code = self.resource_combo.itemData(index)
        if code and code != self._resource:
            self._resource = code
            self.resource_chosen.emit(code)
        self._draw()

    def _draw(self) -> None:
        data = self._data
        if data is None:
            return
        resource = self.shown_resource()
        if resource is None and self.all_resources:
            points, transfers = all_resources_content(data, self._flows, self._language)
            unit, all_resources = "", True
            self._resource_label = self.tr("all resources")
        else:
            points = map_points(data, resource)
            unit = data.unit(resource) if resource else ""
            transfers = [Transfer(line, "", unit) for line in map_lines(data, self._flows, resource)]
            all_resources = False
            self._resource_label = data.resource_label(resource, self._language) if resource else ""
        key = (tuple(p.code for p in points),)
        self.chart.set_content(points, transfers, self._language, fit=key != self._key, all_resources=all_resources,
                               unit=unit)
        self._key = key
        self.retranslate()

    def _report_content(self) -> tuple[list[MapPoint], list[Transfer]]:
        if self._data is None:
            return list(self.chart.points), list(self.chart.transfers)
        return all_resources_content(self._data, self._flows, self._language)

    def retranslate(self) -> None:
        self.fit_button.setText(self.tr("Show all places"))
        if self.resource_combo.count():
            self.resource_combo.setItemText(0, self.tr("All resources"))
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
