"""The Shortfalls tab (不足と調整): charts above (bars, map, stock over time), shortfalls and transfers below.

Layout and wiring only; reading, matching and refreshing are the AnalysisController's. Clicking a bar selects
that resource's rows in the shortfall table; clicking a place on the map selects its rows in both tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.matching_model import Flow
from disastershare.reports.model import Chart
from disastershare.ui import styles
from disastershare.ui.analysis_controller import AnalysisController
from disastershare.ui.charts.shortfall_bar_chart import ShortfallBarChart
from disastershare.ui.charts.stock_chart import StockChart
from disastershare.ui.models.analysis_filter_proxy import AnalysisFilterProxy
from disastershare.ui.models.shortfall_table_model import SHORTFALL, ShortfallTableModel
from disastershare.ui.models.transfer_table_model import QUANTITY, TransferTableModel
from disastershare.ui.translations import current_language
from disastershare.ui.views.elided_combo import ElidedComboBox
from disastershare.ui.views.map_view import MapView
from disastershare.ui.views.matching_status import MatchingStatus
from disastershare.ui.views.tab_page import TabPage
from disastershare.ui.views.table_selection import select_source_rows
from disastershare.ui.views.table_views import fit_columns, read_only_table

CHART_KINDS = ("shortfall", "map", "stock")
REPORT_CHART_KINDS = ("shortfall", "map")  # what a coordination report shows; stock over time is a detail
_CHART_TITLES = {  # for reports: (Japanese, English)
    "shortfall": ("資源別の不足（需要に対する割合）", "Shortfall by resource type (share of need)"),
    "map": ("不足・余剰と輸送案の地図", "Map of shortfalls, surpluses and transfers"),
    "stock": ("在庫の推移", "Stock over time"),
}
_MAX_COLUMN_WIDTH = 170  # long resource names are elided: the numbers must stay in view


def _table(model, proxy: AnalysisFilterProxy, name: str, stretch_last: bool = True) -> QTableView:
    proxy.setSourceModel(model)
    view = read_only_table(name, proxy, sortable=True, multi_select=True, stretch_last=stretch_last)
    # Fitting columns reads 100 rows per column, not 1,000: a national table has 150,000 and looks alike.
    view.horizontalHeader().setResizeContentsPrecision(100)
    return view


class ShortfallTab(TabPage):
    # The person wants to request this proposed transfer (to us): the window opens the request dialog on it.
    request_wanted = Signal(object)  # Flow

    def __init__(self, controller: AnalysisController, parent: QWidget | None = None) -> None:
        super().__init__("shortfallTab", "analysisMessage", parent)
        self.controller = controller
        self._language = current_language()

        self.resource_label = QLabel()
        self.resource_combo = ElidedComboBox()
        self.resource_combo.setObjectName("resourceCombo")
        self.resource_combo.setMinimumContentsLength(18)  # longer names are elided; the list shows them whole
        self.resource_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.only_resource_check = QCheckBox()
        self.only_resource_check.setObjectName("onlyResourceCheck")
        self.status = MatchingStatus(controller)

        self.bar_chart = ShortfallBarChart()
        self.map_view = MapView()
        self.stock_chart = StockChart()
        self.chart_tabs = QTabWidget()
        self.chart_tabs.setObjectName("chartTabs")
        for page in (self.bar_chart, self.map_view, self.stock_chart):
            self.chart_tabs.addTab(page, "")

        self.shortfall_model = ShortfallTableModel(self)
        self.shortfall_proxy = AnalysisFilterProxy(self)
        self.shortfall_view = _table(self.shortfall_model, self.shortfall_proxy, "shortfallTable")
        self.shortfall_view.sortByColumn(SHORTFALL, Qt.SortOrder.DescendingOrder)
        self.transfer_model = TransferTableModel(self)
        self.transfer_proxy = AnalysisFilterProxy(self)
        # Its last column (weight) is a number: stretched, it would sit far from its header's right edge.
        self.transfer_view = _table(self.transfer_model, self.transfer_proxy, "transferTable", stretch_last=False)
        self.transfer_view.sortByColumn(QUANTITY, Qt.SortOrder.DescendingOrder)
        self.shortfall_title = QLabel()
        self.shortfall_title.setStyleSheet(styles.SECTION)
        self.transfer_title = QLabel()
        self.transfer_title.setStyleSheet(styles.SECTION)
        self.create_request_button = QPushButton()
        self.create_request_button.setObjectName("createRequestButton")
        self._layout()

        controller.data_changed.connect(self._data_changed)
        controller.plan_changed.connect(self._plan_changed)
        controller.resource_changed.connect(self._resource_changed)
        self.resource_combo.activated.connect(lambda i: controller.set_resource(self.resource_combo.itemData(i)))
        # The whole name, when the box elides it (refilled in another language too)
        self.resource_combo.currentTextChanged.connect(self.resource_combo.setToolTip)
        self.only_resource_check.toggled.connect(lambda _on: self._filter_tables())
        self.bar_chart.resource_clicked.connect(self.select_resource)
        self.map_view.municipality_clicked.connect(self.select_municipality)
        self.transfer_view.selectionModel().selectionChanged.connect(self._update_button)
        self.create_request_button.clicked.connect(self.create_request)
        self.retranslate()
        if controller.data is not None:
            self._data_changed()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.resource_label)
        top.addWidget(self.resource_combo)
        top.addWidget(self.only_resource_check)
        top.addSpacing(16)
        top.addWidget(self.status, 1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.shortfall_title)
        left.addWidget(self.shortfall_view, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.transfer_title, 1)
        header.addWidget(self.create_request_button)
        right.addLayout(header)
        right.addWidget(self.transfer_view, 1)
        tables = QSplitter(Qt.Orientation.Horizontal)
        for box in (left, right):
            holder = QWidget()
            holder.setLayout(box)
            tables.addWidget(holder)
        # The shortfall table has more columns than the transfer table: it gets more of a narrow window.
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("analysisSplitter")
        self.splitter.addWidget(self.chart_tabs)
        self.splitter.addWidget(tables)
        self.splitter.setSizes([360, 260])  # kept in proportion when the window is resized
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_line)
        layout.addWidget(self.splitter, 1)

    # -- refreshing from the controller ---------------------------------------------------------------------
    def _data_changed(self) -> None:
        data = self.controller.data
        if data is None:
            return
        self.shortfall_model.set_positions(data.positions, data.catalog, data.home, data.place_name, self._language)
        self._fill_combo()
        self._draw_bars()
        self._plan_changed()
        fit_columns(self.shortfall_view, _MAX_COLUMN_WIDTH)

    def _fill_combo(self) -> None:
        data = self.controller.data
        self.resource_combo.clear()
        if data is None:
            return
        for code in self.controller.resources():
            self.resource_combo.addItem(data.resource_label(code, self._language), code)
        self.resource_combo.setCurrentIndex(max(self.resource_combo.findData(self.controller.resource), 0))

    def _draw_bars(self) -> None:
        data = self.controller.data
        if data is None:
            return
        self.bar_chart.set_bars(self.controller.bars, lambda code: data.resource_label(code, self._language),
                                data.unit, data.place_name(data.home))
        self.bar_chart.set_selected(self.controller.resource)

    def _plan_changed(self) -> None:
        data, plan = self.controller.data, self.controller.plan
        if data is None:
            return
        flows = plan.flows if plan is not None else []
        self.transfer_model.set_flows(flows, data.catalog, data.home, data.place_name, self._language)
        self.map_view.show_data(data, flows, self.controller.resource, self._language)
        fit_columns(self.transfer_view, _MAX_COLUMN_WIDTH)
        self._update_button()

    def _resource_changed(self, resource: str) -> None:
        data = self.controller.data
        self.resource_combo.setCurrentIndex(max(self.resource_combo.findData(resource), 0))
        self.bar_chart.set_selected(resource)
        if data is not None:
            plan = self.controller.plan
            self.map_view.show_data(data, plan.flows if plan else [], resource, self._language)
            names = {code: data.place_name(code) for code in data.places()}
            series = self.controller.stock_series()
            self.stock_chart.set_series({names.get(owner, owner): points for owner, points in series.items()},
                                        names.get(data.home), data.unit(resource))
        self._filter_tables()

    def _filter_tables(self) -> None:
        only = self.controller.resource if self.only_resource_check.isChecked() else None
        self.shortfall_proxy.set_resource(only)
        self.transfer_proxy.set_resource(only)

    # -- selections from the charts -------------------------------------------------------------------------
    def select_resource(self, resource: str) -> int:
        """Make `resource` current and select its rows in the shortfall table; how many rows were selected."""
        self.controller.set_resource(resource)
        rows = self.shortfall_model.rows_where(resource=resource)
        self.select_transfers(resource=resource)
        return select_source_rows(self.shortfall_view, self.shortfall_proxy, rows)

    def select_municipality(self, code: str) -> int:
        """Select the rows of municipality `code` in both tables (its row for the current resource first)."""
        rows = self.shortfall_model.rows_where(municipality=code)
        current = next(iter(self.shortfall_model.rows_where(resource=self.controller.resource, municipality=code)),
                       None)
        self.select_transfers(municipality=code)
        return select_source_rows(self.shortfall_view, self.shortfall_proxy, rows, current)

    def select_transfers(self, resource: str | None = None, municipality: str | None = None) -> int:
        rows = self.transfer_model.rows_where(resource, municipality)
        return select_source_rows(self.transfer_view, self.transfer_proxy, rows)

    # -- requests from flows --------------------------------------------------------------------------------
    def selected_flow(self) -> Flow | None:
        rows = self.transfer_view.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.transfer_model.flow(self.transfer_proxy.mapToSource(rows[0]).row())

    def _update_button(self) -> None:
        flow = self.selected_flow()
        plan = self.controller.plan
        data = self.controller.data
        usable = flow is not None and plan is not None and plan.exact and data is not None \
            and flow.receiver == data.home
        self.create_request_button.setEnabled(usable)

    def create_request(self) -> None:
        """Ask for the selected transfer: the request dialog opens prefilled, and nothing is sent before OK."""
        flow = self.selected_flow()
        if flow is not None:
            self.request_wanted.emit(flow)

    # -- charts for reports -------------------------------------------------------------------------------------
    def export_chart_png(self, kind: str, path: Path) -> Path:
        """Write chart `kind` (one of CHART_KINDS) as a PNG, whether or not it is on screen."""
        charts = {"shortfall": self.bar_chart, "map": self.map_view.chart, "stock": self.stock_chart}
        if kind not in charts:
            raise ValueError(f"chart kind must be one of {', '.join(CHART_KINDS)}")
        return charts[kind].export_png(Path(path))

    def report_charts(self, folder: Path, kinds: Sequence[str] = CHART_KINDS) -> list[Chart]:
        """Charts `kinds` as PNGs in `folder`, described for reports.report_data.build_report_data(charts=...).

        The stock chart shows one resource, so its title names it; the map shows every resource's transfers."""
        data, resource = self.controller.data, self.controller.resource
        charts = []
        for kind in kinds:
            path = self.export_chart_png(kind, Path(folder) / f"chart_{kind}.png")
            title_ja, title_en = _CHART_TITLES[kind]
            if kind == "stock" and data is not None and resource is not None:
                title_ja = f"{title_ja}：{data.resource_label(resource, 'ja')}"
                title_en = f"{title_en}: {data.resource_label(resource, 'en')}"
            charts.append(Chart(path, title_ja, title_en))
        return charts

    # -- texts ---------------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Shortfalls and transfers")

    def retranslate(self) -> None:
        self.resource_label.setText(self.tr("Resource:"))
        self.only_resource_check.setText(self.tr("Only this resource in the tables"))
        for index, text in enumerate((self.tr("Shortfall by resource"), self.tr("Map"), self.tr("Stock over time"))):
            self.chart_tabs.setTabText(index, text)
        self.shortfall_title.setText(self.tr("Shortfalls and what can be offered"))
        self.transfer_title.setText(self.tr("Proposed transfers"))
        self.create_request_button.setText(self.tr("Request this transfer…"))
        self.create_request_button.setToolTip(self.tr(
            "Ask the sender for this transfer: the request form opens filled in, to check before it is made (only "
            "for transfers to us, once the optimal plan is in)"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # retranslates on a language change
        if event.type() == QEvent.Type.LanguageChange and current_language() != self._language:
            self._language = current_language()  # resource names come from the catalog, not from Qt
            self.shortfall_model.set_language(self._language)
            self.transfer_model.set_language(self._language)
            self._data_changed()
