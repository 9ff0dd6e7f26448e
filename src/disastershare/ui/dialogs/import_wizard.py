"""Import a spreadsheet: choose the file → check it on a worker thread → preview and fix → import.

The file is read once; each fix (a type for a name, a new local type, a pack size, a corrected cell, a
skipped row) recomputes the plan on the worker from the same tables. Nothing is written before the Import
button, and apply_import writes all of it (records, new local types, learned names) or none of it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.catalog import ResourceKind
from disastershare.core.errors import DomainError, ValidationError
from disastershare.core.import_fixes import ImportFixes
from disastershare.core.records import Record
from disastershare.core.sheet_import import ImportPlan
from disastershare.core.sheet_reading import SheetSet
from disastershare.store.workspace import Workspace
from disastershare.ui import styles
from disastershare.ui.dialogs.learned_names_dialog import LearnedNamesDialog
from disastershare.ui.import_corrections import INVENTORY, NEEDS, ImportCorrections, ImportPlanning, correctable_fields
from disastershare.ui.models.import_preview_model import (
    note_text,
    preview_rows,
    problem_text,
    several_sheets,
    skipped_lines,
)
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.views.import_preview_page import ImportPreviewPage, plain_button
from disastershare.ui.workers import GeneratorWorker, start_worker

CHOOSE_PAGE, PROGRESS_PAGE, PREVIEW_PAGE = range(3)
SLOW_REPLAN_MS = 400  # a replan that takes longer shows its progress bar
PREFERRED_SIZE = QSize(1180, 700)  # fits a 1366×768 laptop with its task bar


class ImportWizard(QDialog):
    planned = Signal(object)  # the ImportPlan, after checking and after each fix
    failed = Signal(str)  # the file was refused (the message is also shown on the first page)
    imported = Signal(int, int)  # added, changed

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setMinimumSize(780, 520)
        self._workspace = workspace
        self._language = language
        self._worker: GeneratorWorker | None = None
        self._replanning = False
        self._planning: ImportPlanning | None = None
        self.corrections: ImportCorrections | None = None
        self.plan: ImportPlan | None = None
        self._result = ""
        self._slow_timer = QTimer(self)
        self._slow_timer.setSingleShot(True)
        self._slow_timer.setInterval(SLOW_REPLAN_MS)
        self._slow_timer.timeout.connect(lambda: self.preview_page.replan_row.setVisible(self._replanning))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._make_choose_page())
        self.pages.addWidget(self._make_progress_page())
        self.pages.addWidget(self._make_preview_page())
        self.close_button = plain_button()
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self._fit_to_screen()
        self.retranslate()

    def _fit_to_screen(self) -> None:
        size = PREFERRED_SIZE
        screen = self.screen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size() * 0.95)
        self.resize(size.expandedTo(self.minimumSize()))

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
        self.browse_button = plain_button("browseButton")  # not auto-default: Return must not reopen the chooser
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
        self.cancel_button = plain_button("cancelButton")
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
        page = self.preview_page = ImportPreviewPage()
        # The page's parts, named as the wizard (and its tests) have always named them.
        self.summary_label, self.preview_model, self.preview_view = page.summary_label, page.model, page.view
        self.skip_check, self.back_button, self.import_button = page.skip_check, page.back_button, page.import_button
        self.fix_panel, self.learned_button = page.fix_panel, page.learned_button
        page.replan_cancel.clicked.connect(self.cancel_check)
        self.preview_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected_problem())
        self.fix_panel.type_chosen.connect(self._choose_type)
        self.fix_panel.type_created.connect(self._create_type)
        self.fix_panel.pack_size_entered.connect(self._set_pack_size)
        self.fix_panel.cells_corrected.connect(self._correct_cells)
        self.fix_panel.skip_requested.connect(self._skip_row)
        self.skip_check.toggled.connect(self._update_import_button)
        self.learned_button.clicked.connect(self.open_learned_names)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(CHOOSE_PAGE))
        self.import_button.clicked.connect(self.apply)
        return page

    # -- steps ---------------------------------------------------------------------------------------------
    def _browse(self) -> None:
        # Opened, not exec'd: the wizard keeps its event loop (and a test can see it).
        dialog = QFileDialog(self, self.tr("Choose a spreadsheet"), str(Path.home()),
                             self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"))
        dialog.setObjectName("importFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.file_edit.setText)
        dialog.open()

    def kind(self) -> str:
        return NEEDS if self.needs_radio.isChecked() else INVENTORY

    def start_check(self) -> None:
        """Read and plan on the pool; the existing records are read here, on the thread that owns the DB."""
        if self._worker is not None or not self.file_edit.text().strip():
            return
        path = Path(self.file_edit.text().strip())
        kind = self.kind()
        if kind == NEEDS:
            existing: list[Record] = list(self._workspace.needs.list())
        else:
            existing = [*self._workspace.inventory.list(), *self._workspace.staff.list()]
        planning = ImportPlanning(kind, self._workspace.import_catalog(), existing, self._workspace.municipality,
                                  self._workspace.learned_names())
        self._planning, self.corrections, self.plan, self._result = planning, None, None, ""
        self.error_label.hide()
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.pages.setCurrentIndex(PROGRESS_PAGE)
        self._run(lambda: planning.run(path, ImportFixes()), replanning=False)

    def replan(self) -> None:
        """Plan the kept tables again with the fixes so far; the preview stays, busy, until it is done."""
        corrections, planning = self.corrections, self._planning
        if corrections is None or planning is None or self._worker is not None:
            return
        tables, fixes = corrections.tables, corrections.pending()
        self.preview_page.replan_bar.setRange(0, 0)
        self._run(lambda: planning.run(tables, fixes), replanning=True)

    def _run(self, start, replanning: bool) -> None:
        self._replanning = replanning
        self._set_busy(True)
        self._worker = GeneratorWorker(start)
        self._worker.signals.progress.connect(self._progress)
        self._worker.signals.finished.connect(self._checked)
        self._worker.signals.failed.connect(self._refused)
        self._worker.signals.cancelled.connect(self._cancelled)
        if replanning:
            self._slow_timer.start()
        start_worker(self._worker)

    def _set_busy(self, busy: bool) -> None:
        self.fix_panel.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.learned_button.setEnabled(not busy)
        self.skip_check.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
        else:
            self._slow_timer.stop()
            self.preview_page.replan_row.hide()

    def cancel_check(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def _progress(self, done: int, total: int) -> None:
        bar = self.preview_page.replan_bar if self._replanning else self.progress_bar
        bar.setRange(0, max(total, 1))
        bar.setValue(done)

    def _checked(self, result: tuple[SheetSet, ImportFixes, ImportPlan]) -> None:
        tables, fixes, plan = result
        self._worker = None
        if self.corrections is None:
            self.corrections = ImportCorrections(tables, self._planning.catalog, self._planning.owner)
        self.corrections.planned(fixes)
        selected = self.preview_view.currentIndex().row() if self._replanning else 0
        self.plan = plan
        self._set_busy(False)
        self._show_plan(max(selected, 0))
        self.planned.emit(plan)

    def _show_plan(self, selected: int = 0) -> None:
        plan, corrections = self.plan, self.corrections
        if plan is None or corrections is None:
            return
        catalog = corrections.planning_catalog()
        self.preview_model.set_rows(preview_rows(plan, catalog, self._language))
        self.preview_page.fit_rows(len(plan.problems))
        sheets = several_sheets(plan)
        self.preview_page.show_notes([note_text(n, self._language, sheets) for n in plan.notes])
        if not self._replanning:
            self.skip_check.setChecked(False)
        self.skip_check.setVisible(not plan.ok)
        self.preview_page.fix_scroll.setVisible(not plan.ok)
        if plan.problems:
            self.preview_view.selectRow(min(selected, len(plan.problems) - 1))
        self._show_selected_problem()
        self._show_summary()
        self._update_import_button()
        self.pages.setCurrentIndex(PREVIEW_PAGE)

    def _show_selected_problem(self) -> None:
        index = self.preview_view.currentIndex()
        problem = self.preview_model.problem_at(index.row()) if index.isValid() else None
        if problem is None or self.corrections is None:
            self.fix_panel.show_problem(None)
            return
        cells = {field: self.corrections.cell_text(problem, field) for field in correctable_fields(problem)}
        self.fix_panel.show_problem(problem, problem_text(problem, self._language), cells,
                                    self.corrections.planning_catalog(), self._language,
                                    self.corrections.several_sheets())

    def _refused(self, message: str) -> None:
        self._worker = None
        if self._replanning:
            self._replan_ended(self.tr("The fix was undone: {reason}").format(reason=message))
            return
        self._set_busy(False)
        self._back_to_start(self.tr("This file cannot be imported: {reason}").format(reason=message))
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self._worker = None
        if self._replanning:
            self._replan_ended(self.tr("Recomputing was cancelled; the last fix was undone."))
            return
        self._set_busy(False)
        self._back_to_start(self.tr("Checking was cancelled; nothing was imported."))

    def _replan_ended(self, message: str) -> None:
        """A replan that did not finish: back to the fixes of the plan still shown."""
        if self.corrections is not None:
            self.corrections.revert()
        self._set_busy(False)
        self._update_import_button()
        self._show_selected_problem()
        self.fix_panel.show_error(message)

    def _back_to_start(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.pages.setCurrentIndex(CHOOSE_PAGE)

    # -- fixes ---------------------------------------------------------------------------------------------
    def _fixing(self):
        """The problem the panel shows, if a fix can be made now."""
        if self.corrections is None or self._worker is not None or self.plan is None:
            return None
        return self.fix_panel.problem

    def _choose_type(self, code: str) -> None:
        if (problem := self._fixing()) is not None:
            self.corrections.choose_type(problem, code)
            self.replan()

    def _create_type(self, name: str, kind: ResourceKind, unit: str) -> None:
        if (problem := self._fixing()) is None:
            return
        try:
            self.corrections.create_type(problem, name, kind, unit)
        except ValidationError as exc:
            self.fix_panel.show_error(self.tr("The type was not created: {reason}").format(
                reason=exception_reason(exc)))
            return
        self.replan()

    def _set_pack_size(self, per_unit: int) -> None:
        if (problem := self._fixing()) is not None:
            self.corrections.set_pack_size(problem, per_unit)
            self.replan()

    def _correct_cells(self, cells: dict[str, str]) -> None:
        if (problem := self._fixing()) is not None:
            self.corrections.correct(problem, cells)
            self.replan()

    def _skip_row(self) -> None:
        if (problem := self._fixing()) is not None:
            self.corrections.skip(problem)
            self.replan()

    def open_learned_names(self) -> LearnedNamesDialog:
        dialog = LearnedNamesDialog(self._workspace, self._language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._learned_names_closed(dialog.removed))
        dialog.open()
        return dialog

    def _learned_names_closed(self, removed: list[str]) -> None:
        if removed and self._planning is not None and self.plan is not None:
            # A forgotten name is no longer read by itself: the plan must ask about it again.
            self._planning = replace(self._planning, learned=self._workspace.learned_names())
            self.replan()

    # -- summary and import --------------------------------------------------------------------------------
    def _show_summary(self) -> None:
        plan = self.plan
        if plan is None:
            return
        text = self.tr("Rows read: {rows}. To add: {adds}. To change: {changes}. Unchanged: {same}. "
                       "Problem rows: {problems}.").format(
            rows=plan.rows_read, adds=len(plan.adds), changes=len(plan.changes), same=plan.unchanged,
            problems=len(plan.problems))
        if plan.skipped_rows:
            text += " " + self.tr("Rows you chose not to import: {n}.").format(n=len(plan.skipped_rows))
        if plan.problems:
            text += "\n" + self.tr("Select a problem row to fix it in the panel on the right, or tick the box "
                                   "below to import the rest.")
        self.summary_label.setText(text)

    def _update_import_button(self) -> None:
        plan = self.plan
        has_work = plan is not None and bool(plan.adds or plan.changes)
        ready = self._worker is None and (plan is not None and (plan.ok or self.skip_check.isChecked()))
        self.import_button.setEnabled(has_work and ready)

    def apply(self) -> None:
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return
        try:
            added, changed = self._workspace.apply_import(
                plan.kind, Path(self.file_edit.text().strip()).name, plan.rows_read, plan.adds,
                [new for _, new in plan.changes], plan.learned, plan.new_types)
        except DomainError as exc:
            self._show_summary()
            self.summary_label.setText(self.summary_label.text() + "\n" + self.tr(
                "Nothing was imported: {reason}").format(reason=exception_reason(exc)))
            return
        self.plan = None  # applied once: a second click must not import the same rows again
        self.import_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.skip_check.setEnabled(False)
        self.preview_page.fix_scroll.hide()
        done = self.tr("Imported: {adds} added, {changes} changed.").format(adds=added, changes=changed)
        corrections = self.corrections
        left_out = skipped_lines(plan, corrections.skipped_name if corrections else lambda _sheet, _line: "",
                                 self.skip_check.isChecked(), self._language)
        self._result = "\n".join([done, *left_out])
        self.summary_label.setText(self._result)
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
        self.preview_page.replan_label.setText(self.tr("Recomputing…"))
        self.preview_page.replan_cancel.setText(self.tr("Cancel"))
        self.preview_page.notes_toggle.setText(self.tr("Notes"))
        self.skip_check.setText(self.tr("Skip the problem rows and import the rest"))
        self.learned_button.setText(self.tr("Learned names…"))
        self.back_button.setText(self.tr("Back"))
        self.import_button.setText(self.tr("Import"))
        self.close_button.setText(self.tr("Close"))
        if self._result:
            self.summary_label.setText(self._result)
        else:
            self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self.cancel_check()  # closing while checking: stop the worker at its next step
        super().done(result)
