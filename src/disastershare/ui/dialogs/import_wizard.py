"""Import a spreadsheet: choose the file → check it on a worker thread → preview → import.

Nothing is written before the Import button, and apply_import writes all of it or none of it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.errors import DomainError
from disastershare.core.sheet_import import ImportPlan, plan_inventory_import, plan_needs_import, read_table
from disastershare.store.workspace import Workspace
from disastershare.ui import styles
from disastershare.ui.models.import_preview_model import ImportPreviewModel, preview_rows
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.workers import GeneratorWorker, ProgressGenerator, start_worker

INVENTORY, NEEDS = "inventory", "needs"
CHOOSE_PAGE, PROGRESS_PAGE, PREVIEW_PAGE = range(3)


class ImportWizard(QDialog):
    planned = Signal(object)  # the ImportPlan, once checking has finished
    failed = Signal(str)  # the file was refused (the message is also shown on the first page)
    imported = Signal(int, int)  # added, changed

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setMinimumSize(820, 520)
        self._workspace = workspace
        self._language = language
        self._worker: GeneratorWorker | None = None
        self.plan: ImportPlan | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._make_choose_page())
        self.pages.addWidget(self._make_progress_page())
        self.pages.addWidget(self._make_preview_page())
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self.retranslate()

    # -- pages ---------------------------------------------------------------------------------------------
    def _make_choose_page(self) -> QWidget:
        page = QWidget()
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.inventory_radio = QRadioButton()
        self.inventory_radio.setChecked(True)
        self.needs_radio = QRadioButton()
        self.kind_group = QButtonGroup(page)
        self.kind_group.addButton(self.inventory_radio)
        self.kind_group.addButton(self.needs_radio)
        self.file_label = QLabel()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFile")
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        self.error_label = QLabel()
        self.error_label.setObjectName("importError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(styles.ERROR_MESSAGE)
        self.error_label.hide()
        self.check_button = QPushButton()
        self.check_button.setObjectName("checkButton")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.start_check)
        self.file_edit.textChanged.connect(lambda text: self.check_button.setEnabled(bool(text.strip())))
        self.check_button.setEnabled(False)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        check_row = QHBoxLayout()
        check_row.addStretch(1)
        check_row.addWidget(self.check_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.inventory_radio)
        layout.addWidget(self.needs_radio)
        layout.addLayout(file_row)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(check_row)
        return page

    def _make_progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("importProgress")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_check)
        row = QHBoxLayout()
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _make_preview_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.preview_model = ImportPreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setObjectName("importPreview")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only: no focus frame on a cell
        self.preview_view.verticalHeader().setVisible(False)
        self.preview_view.horizontalHeader().setStretchLastSection(True)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.skip_check = QCheckBox()
        self.skip_check.setObjectName("skipProblems")
        self.skip_check.toggled.connect(self._update_import_button)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(CHOOSE_PAGE))
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.apply)
        row = QHBoxLayout()
        row.addWidget(self.skip_check)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.preview_view, 1)
        layout.addLayout(row)
        return page

    # -- steps ---------------------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a spreadsheet"), str(Path.home()),
            self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"))
        if path:
            self.file_edit.setText(path)

    def kind(self) -> str:
        return NEEDS if self.needs_radio.isChecked() else INVENTORY

    def start_check(self) -> None:
        """Read and plan on the pool; the existing records are read here, on the thread that owns the DB."""
        path = Path(self.file_edit.text().strip())
        catalog, owner = self._workspace.catalog(), self._workspace.municipality
        if self.kind() == NEEDS:
            existing: list = self._workspace.needs.list()
            plan = plan_needs_import
        else:
            existing = [*self._workspace.inventory.list(), *self._workspace.staff.list()]
            plan = plan_inventory_import

        def start() -> ProgressGenerator:
            return plan(read_table(path), catalog, existing, owner)

        self.plan = None
        self.error_label.hide()
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.pages.setCurrentIndex(PROGRESS_PAGE)
        self._worker = GeneratorWorker(start)
        self._worker.signals.progress.connect(self._progress)
        self._worker.signals.finished.connect(self._checked)
        self._worker.signals.failed.connect(self._refused)
        self._worker.signals.cancelled.connect(self._cancelled)
        start_worker(self._worker)

    def cancel_check(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _checked(self, plan: ImportPlan) -> None:
        self._worker = None
        self.plan = plan
        self.preview_model.set_rows(preview_rows(plan, self._workspace.catalog(), self._language))
        self.preview_view.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            self.preview_view.setColumnWidth(column, min(self.preview_view.columnWidth(column), 360))
        self.skip_check.setChecked(False)
        self.skip_check.setVisible(not plan.ok)
        self._show_summary()
        self._update_import_button()
        self.pages.setCurrentIndex(PREVIEW_PAGE)
        self.planned.emit(plan)

    def _refused(self, message: str) -> None:
        self._worker = None
        self._back_to_start(self.tr("This file cannot be imported: {reason}").format(reason=message))
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self._worker = None
        self._back_to_start(self.tr("Checking was cancelled; nothing was imported."))

    def _back_to_start(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.pages.setCurrentIndex(CHOOSE_PAGE)

    def _show_summary(self, result: str = "") -> None:
        plan = self.plan
        if plan is None:
            return
        text = self.tr("Rows read: {rows}. To add: {adds}. To change: {changes}. Unchanged: {same}. "
                       "Problem rows: {problems}.").format(
            rows=plan.rows_read, adds=len(plan.adds), changes=len(plan.changes), same=plan.unchanged,
            problems=len(plan.problems))
        if plan.problems:
            text += "\n" + self.tr("Fix the problem rows in the file, or tick the box below to import the rest.")
        self.summary_label.setText(f"{text}\n{result}" if result else text)

    def _update_import_button(self) -> None:
        plan = self.plan
        has_work = plan is not None and bool(plan.adds or plan.changes)
        self.import_button.setEnabled(has_work and (plan.ok or self.skip_check.isChecked()))

    def apply(self) -> None:
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return
        try:
            added, changed = self._workspace.apply_import(
                plan.kind, Path(self.file_edit.text().strip()).name, plan.rows_read, plan.adds,
                [new for _, new in plan.changes])
        except DomainError as exc:
            self._show_summary(self.tr("Nothing was imported: {reason}").format(reason=exception_reason(exc)))
            return
        self.plan = None  # applied once: a second click must not import the same rows again
        self.import_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.summary_label.setText(self.tr("Imported: {adds} added, {changes} changed.").format(
            adds=added, changes=changed))
        self.imported.emit(added, changed)

    # -- texts ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.intro_label.setText(self.tr(
            "Choose a CSV or Excel (.xlsx) file. The file is checked first; nothing is saved until you "
            "press Import."))
        self.inventory_radio.setText(self.tr("Inventory and staff (stock lists, staff headcounts)"))
        self.needs_radio.setText(self.tr("Needs (what is short)"))
        self.file_label.setText(self.tr("File:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.check_button.setText(self.tr("Check file"))
        self.progress_label.setText(self.tr("Reading and checking the file…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.skip_check.setText(self.tr("Skip the problem rows and import the rest"))
        self.back_button.setText(self.tr("Back"))
        self.import_button.setText(self.tr("Import"))
        self.close_button.setText(self.tr("Close"))
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self.cancel_check()  # closing while checking: stop the worker at its next step
        super().done(result)
