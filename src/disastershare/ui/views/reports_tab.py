"""The Reports tab: scope, language and HXL choices, a preview of the report's tables, and Save….

The preview shows the tables the workbook and CSV files hold (PySide6-Essentials has no QtPdf to draw
PDF pages); Save writes PDF, XLSX, CSV or a zip of CSV files by the chosen suffix, atomically. The PDF also
holds the Shortfalls tab's bar chart and map, as that tab shows them when Save (or Preview) is pressed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.errors import DomainError
from disastershare.reports.model import SCOPES, Chart, ReportData
from disastershare.reports.numbering import suggested_name
from disastershare.reports.output import FORMATS
from disastershare.reports.tables import data_tables
from disastershare.store.workspace import Workspace
from disastershare.ui import styles
from disastershare.ui.models.report_table_model import ReportTableModel
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.report_controller import ReportController
from disastershare.ui.task_runner import TaskRunner
from disastershare.ui.views.shortfall_tab import REPORT_CHART_KINDS, ShortfallTab
from disastershare.ui.views.tab_page import TabPage
from disastershare.ui.views.table_views import fit_columns, read_only_table
from disastershare.ui.views.task_progress import TaskProgress
from disastershare.ui.window_actions import LANGUAGE_NAMES

TITLE = QT_TRANSLATE_NOOP("Tabs", "Reports")
_SCOPE_NAMES = {
    "own": QT_TRANSLATE_NOOP("ReportsTab", "Own municipality only"),
    "all": QT_TRANSLATE_NOOP("ReportsTab", "Own municipality and all partners"),
    "prefecture": QT_TRANSLATE_NOOP("ReportsTab", "Municipalities of the same prefecture"),
}
_FILTERS = {
    ".pdf": QT_TRANSLATE_NOOP("ReportsTab", "PDF report (*.pdf)"),
    ".xlsx": QT_TRANSLATE_NOOP("ReportsTab", "Excel workbook (*.xlsx)"),
    ".csv": QT_TRANSLATE_NOOP("ReportsTab", "CSV files, one per table (*.csv)"),
    ".zip": QT_TRANSLATE_NOOP("ReportsTab", "CSV files in one zip (*.zip)"),
}
assert set(_FILTERS) == set(FORMATS) and set(_SCOPE_NAMES) == set(SCOPES)


class ReportsTab(TabPage):
    TITLE = TITLE

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__("reportsTab", "reportMessage", parent)
        self._workspace = workspace
        self.data: ReportData | None = None
        self.runner = TaskRunner(self)
        self.controller = ReportController(workspace, self.runner, self, charts=self.analysis_charts)
        self.model = ReportTableModel(self)

        self.settings_box = QGroupBox()
        self.scope_label, self.language_label, self.hxl_label = QLabel(), QLabel(), QLabel()
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("reportScope")
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("reportLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))
        self.hxl_check = QCheckBox()
        self.hxl_check.setObjectName("reportHxl")
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("previewReportButton")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveReportButton")
        self.progress = TaskProgress(self.runner)
        self.progress.disable_while_busy([self.preview_button, self.save_button])
        self.summary_label = QLabel()
        self.summary_label.setObjectName("reportSummary")
        self.summary_label.setStyleSheet(styles.SECTION)
        self.summary_label.setWordWrap(True)
        self.table_label = QLabel()
        self.table_combo = QComboBox()
        self.table_combo.setObjectName("reportTableChoice")
        self.table_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(styles.HELP_TEXT)
        self.view = read_only_table("reportPreview", self.model, stretch_last=False)
        self._layout()

        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(lambda: self.save())
        self.language_combo.currentIndexChanged.connect(self._show_preview)
        self.table_combo.currentIndexChanged.connect(self._show_table)
        self.controller.previewed.connect(self._previewed)
        self.controller.saved.connect(self._saved)
        self.runner.failed.connect(lambda reason: self.show_error(self.tr("Not done: {reason}").format(reason=reason)))
        self.runner.cancelled.connect(lambda: self.show_error(self.tr("Cancelled; nothing was written.")))
        self.retranslate()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.scope_label, self.scope_combo)
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.hxl_label, self.hxl_check)
        buttons = QVBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box_layout = QHBoxLayout(self.settings_box)
        box_layout.addLayout(form)
        box_layout.addStretch(1)
        box_layout.addLayout(buttons)
        table_row = QHBoxLayout()
        table_row.addWidget(self.table_label)
        table_row.addWidget(self.table_combo)
        table_row.addWidget(self.note_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.settings_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.message_line)
        layout.addWidget(self.summary_label)
        layout.addLayout(table_row)
        layout.addWidget(self.view, 1)

    # -- choices --------------------------------------------------------------------------------------------
    def scope(self) -> str:
        return self.scope_combo.currentData() or "all"

    def report_language(self) -> str:
        return self.language_combo.currentData() or "ja"

    def analysis_charts(self, folder: Path) -> list[Chart]:
        """The Shortfalls tab's bar chart and map (with its transfers) as PNGs in `folder`, for the PDF.

        No charts while that tab has read no data yet (empty axes would only puzzle a reader), nor when this tab
        is not in a window that has one. The tab is found through the window, so the two need no wiring."""
        window = self.window()
        shortfalls = window.findChild(ShortfallTab) if window is not self else None
        if shortfalls is None or shortfalls.controller.data is None:
            return []
        return shortfalls.report_charts(folder, REPORT_CHART_KINDS)

    # -- actions ------------------------------------------------------------------------------------------
    def preview(self) -> bool:
        self.message_line.clear_message()
        return self.controller.preview(self.tr("Gathering the report's figures…"), self.scope())

    def save(self, path: Path | None = None) -> bool:
        """Write the report to `path` (asks where if None); the format follows the suffix."""
        if path is None:
            path = self._ask_path()
            if path is None:
                return False
        self.message_line.clear_message()
        try:
            return self.controller.save(self.tr("Writing the report…"), path, self.scope(), self.report_language(),
                                        self.hxl_check.isChecked())
        except DomainError as exc:
            self.show_error(self.tr("The report was not written: {reason}").format(reason=exception_reason(exc)))
            return False

    def _ask_path(self) -> Path | None:
        # The name the CLI also gives (益城町_第3報_20261203-1430.pdf) once the figures are there.
        name = suggested_name(self.data, ".pdf", self.report_language()) if self.data is not None else \
            f"report-{self._workspace.municipality}-{date.today():%Y%m%d}.pdf"
        suggested = Path.home() / name
        filters = [QCoreApplication.translate("ReportsTab", text) for text in _FILTERS.values()]
        chosen, chosen_filter = QFileDialog.getSaveFileName(self, self.tr("Save the report"), str(suggested),
                                                            ";;".join(filters))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in _FILTERS and chosen_filter in filters:
            path = path.with_name(path.name + list(_FILTERS)[filters.index(chosen_filter)])
        return path

    # -- outcomes -------------------------------------------------------------------------------------------
    def _previewed(self, data: ReportData) -> None:
        self.data = data
        self._show_preview()

    def _show_preview(self) -> None:
        data = self.data
        if data is None:
            return
        language = self.report_language()
        current = self.table_combo.currentData()
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        for table in data_tables(data):
            self.table_combo.addItem(f"{table.title(language)} ({len(table.rows):,})", table.key)
        self.table_combo.setCurrentIndex(max(self.table_combo.findData(current), 0))
        self.table_combo.blockSignals(False)
        self._show_table()
        self._show_summary()

    def _show_table(self) -> None:
        if self.data is None:
            return
        key = self.table_combo.currentData()
        table = next((t for t in data_tables(self.data) if t.key == key), None)
        self.model.set_table(table, self.report_language())
        fit_columns(self.view)

    def _show_summary(self) -> None:
        data = self.data
        if data is None:
            self.summary_label.setText(self.tr("Press Preview to see the report's tables before saving."))
            return
        self.summary_label.setText(self.tr(
            "Report of {name}: {places} municipalities, {stock} stock lines, {short} shortfalls "
            "(figures as of {time}).").format(
            name=data.meta.subject.label, places=len(data.municipality_totals) or 1, stock=f"{len(data.stock):,}",
            short=f"{len(data.shortfalls):,}", time=data.meta.generated_at.strftime("%Y-%m-%d %H:%M")))
        if data.charts:  # named in the report's language, as the PDF names them
            ja = self.report_language() == "ja"
            titles = ("、" if ja else ", ").join(c.title_ja if ja else c.title_en for c in data.charts)
            self.summary_label.setText(self.tr("{summary} The PDF also holds: {charts}.").format(
                summary=self.summary_label.text(), charts=titles))

    def _saved(self, written: list[Path]) -> None:
        if len(written) == 1:
            self.show_info(self.tr("Report saved: {path}").format(path=written[0]))
        else:
            self.show_info(self.tr("Report saved as {count} files in {folder}").format(
                count=len(written), folder=written[0].parent))

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.settings_box.setTitle(self.tr("Coordination report"))
        self.scope_label.setText(self.tr("Whose data:"))
        self.language_label.setText(self.tr("Report language:"))
        self.hxl_label.setText(self.tr("CSV:"))
        self.hxl_check.setText(self.tr("Add a row of HXL hashtags under the headers"))
        self.preview_button.setText(self.tr("Preview"))
        self.save_button.setText(self.tr("Save…"))
        self.table_label.setText(self.tr("Table:"))
        self.note_label.setText(self.tr(
            "The preview shows the tables of the workbook and CSV files; the PDF holds the same figures."))
        current = self.scope_combo.currentData() or "all"
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        for scope in SCOPES:
            self.scope_combo.addItem(QCoreApplication.translate("ReportsTab", _SCOPE_NAMES[scope]), scope)
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(current), 0))
        self.scope_combo.blockSignals(False)
        self._show_summary()
