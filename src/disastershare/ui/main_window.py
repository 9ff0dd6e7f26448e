"""The main window: drill banner, the Inventory / Staff / Needs / Partners / Sync / Reports tabs, menus, status bar."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from disastershare import __version__
from disastershare.store.restore import RestoreOutcome
from disastershare.store.workspace import Workspace
from disastershare.ui.analysis_controller import AnalysisController
from disastershare.ui.analysis_data import WorkspaceSource
from disastershare.ui.backup_actions import BackupActions
from disastershare.ui.dialogs.import_wizard import ImportWizard
from disastershare.ui.dialogs.manual_dialog import ManualDialog
from disastershare.ui.drill_actions import DrillActions
from disastershare.ui.drill_controller import is_scenario_drill
from disastershare.ui.translations import apply_language
from disastershare.ui.views.drill_banner import DrillBanner
from disastershare.ui.views.drill_panel import DrillPanel, beside_tabs
from disastershare.ui.views.partners_tab import PartnersTab
from disastershare.ui.views.record_tab import RecordTab
from disastershare.ui.views.reports_tab import ReportsTab
from disastershare.ui.views.requests_tab import RequestsTab
from disastershare.ui.views.shortfall_tab import ShortfallTab
from disastershare.ui.views.sync_tab import SyncTab
from disastershare.ui.views.tab_specs import ALL_TABS
from disastershare.ui.window_actions import WindowActions
from disastershare.ui.workspace_actions import WorkspaceActions

STATUS_MESSAGE_MS = 15_000
WORKSPACE_LABEL_MAX_WIDTH = 420


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        """`language` must already be applied (translations.apply_language); set_language switches it."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.workspace = workspace
        self.language = language
        self.window_actions = WindowActions(self)
        self.undo_stack = self.window_actions.undo_stack
        self.drill_banner = DrillBanner() if workspace.drill else None
        self.drill_panel = DrillPanel(workspace) if is_scenario_drill(workspace) else None
        self.tab_widget = QTabWidget()
        self.tab_widget.setObjectName("recordTabs")
        self.tabs = [RecordTab(spec, workspace, self.undo_stack, language) for spec in ALL_TABS]
        self.partners_tab = PartnersTab(workspace, language)
        self.sync_tab = SyncTab(workspace)
        self.reports_tab = ReportsTab(workspace, language)
        self.pages: list[RecordTab | PartnersTab | SyncTab | ReportsTab] = [
            *self.tabs, self.partners_tab, self.sync_tab, self.reports_tab]
        # Analysis (shortfalls, map, transfers) right after the record tabs; it re-reads whenever data change.
        self.analysis = AnalysisController(WorkspaceSource(workspace), self)
        self.shortfall_tab = ShortfallTab(self.analysis)
        self.requests_tab = RequestsTab(workspace)
        self.pages[len(self.tabs):len(self.tabs)] = [self.shortfall_tab, self.requests_tab]
        self.undo_stack.indexChanged.connect(self.analysis.schedule_reload)
        self.requests_tab.requests_changed.connect(self.analysis.schedule_reload)
        self.shortfall_tab.request_wanted.connect(self.requests_tab.open_request_for_flow)
        self.requests_tab.flow_request_made.connect(self.shortfall_tab.show_info)
        self.requests_tab.flow_request_refused.connect(self.shortfall_tab.show_error)
        QTimer.singleShot(0, self.analysis.reload)  # after the window is up: reading may take a moment
        for page in self.pages:
            self.tab_widget.addTab(page, "")
            page.message.connect(self._show_status)
        self.sync_tab.snapshots_applied.connect(self.reload_all)
        self.backup_actions = BackupActions(workspace, self, self.is_busy)
        self.backup_actions.message.connect(self._show_status)
        self.drill_actions = DrillActions(self)
        self.window_actions.new_drill_action.triggered.connect(self.drill_actions.open_new_drill)
        self.workspace_actions = WorkspaceActions(self)
        self.workspace_actions.message.connect(self._show_status)
        if self.drill_panel is not None:
            self.drill_panel.message.connect(self._show_status)
            self.drill_panel.data_changed.connect(self.reload_all)  # as after a snapshot import
            self.drill_panel.drill_reset.connect(self.undo_stack.clear)
        self.backup_actions.restored.connect(self._restored)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.drill_banner is not None:
            layout.addWidget(self.drill_banner)
        body = QVBoxLayout()
        body.setContentsMargins(8, 8, 8, 4)
        body.addWidget(self.tab_widget if self.drill_panel is None else beside_tabs(self.tab_widget, self.drill_panel))
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self.municipality_label = QLabel()
        self.municipality_label.setObjectName("municipalityLabel")
        self.workspace_label = QLabel()
        self.workspace_label.setObjectName("workspaceLabel")
        self.workspace_label.setToolTip(str(workspace.root))
        # A long path must neither widen the window nor crowd out status messages: capped, tooltip has it all.
        self.workspace_label.setMaximumWidth(WORKSPACE_LABEL_MAX_WIDTH)
        self.statusBar().addPermanentWidget(self.municipality_label)
        self.statusBar().addPermanentWidget(self.workspace_label)

        self.window_actions.import_action.triggered.connect(self.open_import_wizard)
        self.window_actions.add_action.triggered.connect(lambda: self._on_record_tab(RecordTab.open_add_dialog))
        self.window_actions.remove_action.triggered.connect(lambda: self._on_record_tab(RecordTab.remove_selected))
        self.window_actions.backup_action.triggered.connect(self.backup_actions.back_up_now)
        self.window_actions.restore_action.triggered.connect(lambda: self.backup_actions.open_restore())
        self.tab_widget.currentChanged.connect(self._update_record_actions)
        for tab in self.tabs:
            tab.import_requested.connect(self.open_import_wizard)
        self.window_actions.manual_action.triggered.connect(lambda: self.open_manual())
        self.window_actions.about_action.triggered.connect(self._about)
        self.window_actions.language_actions[language].setChecked(True)
        self.window_actions.language_group.triggered.connect(lambda action: self.set_language(action.data()))
        self._fit_to_screen()
        self.retranslate()

    def _fit_to_screen(self) -> None:
        # 1280x800 shows every column; smaller municipal laptops (1366x768) get 90% of their screen.
        size = QSize(1280, 800)
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry().size() * 0.9
            size = size.boundedTo(available)
        self.resize(size)

    # -- behaviour ----------------------------------------------------------------------------------------
    def current_tab(self) -> RecordTab | None:
        """The current tab if it is a record table (Inventory, Staff, Needs), else None."""
        tab = self.tab_widget.currentWidget()
        return tab if isinstance(tab, RecordTab) else None

    def _on_record_tab(self, action) -> None:
        tab = self.current_tab()
        if tab is not None:
            action(tab)

    def _update_record_actions(self) -> None:
        on_records = self.current_tab() is not None
        self.window_actions.add_action.setEnabled(on_records)
        self.window_actions.remove_action.setEnabled(on_records)

    def tab(self, name: str) -> RecordTab:
        return next(t for t in self.tabs if t.objectName() == name)

    def set_language(self, language: str, save: bool = True) -> None:
        """Switch the whole window now; saved in the workspace so the next start uses it too."""
        if save:
            self.workspace.set_language(language)
        if language == self.language:
            return
        self.language = language
        self.window_actions.language_actions[language].setChecked(True)
        for tab in self.tabs:
            tab.set_language(language)  # catalog names; Qt-translated texts follow LanguageChange
        self.partners_tab.set_language(language)
        apply_language(language)

    def open_import_wizard(self) -> ImportWizard:
        wizard = ImportWizard(self.workspace, self.language, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._imported)
        wizard.open()
        return wizard

    def import_snapshots(self, paths: Sequence[Path]) -> bool:
        """Show the Sync tab and import these files (`gui --import FILE`, a double-clicked .dsnap)."""
        self.tab_widget.setCurrentWidget(self.sync_tab)
        return self.sync_tab.start_import(paths)

    def is_busy(self) -> bool:
        drilling = self.drill_panel is not None and self.drill_panel.runner.is_busy()
        return self.sync_tab.runner.is_busy() or self.reports_tab.runner.is_busy() or drilling

    def reload_all(self) -> None:
        """Read everything shown again: after a snapshot import (partners' rows) or a restore."""
        for tab in self.tabs:
            tab.reload()
        self.partners_tab.reload()
        self.sync_tab.reload()
        self.requests_tab.reload()
        self.analysis.schedule_reload()

    def _restored(self, outcome: RestoreOutcome) -> None:
        self.reload_all()
        self.undo_stack.clear()  # the undo steps describe the database that was just replaced
        self._show_status(self.tr("Restored {file}; the previous database is kept as {copy}.").format(
            file=outcome.restored.path.name, copy=outcome.safety_copy))

    def _imported(self, added: int, changed: int) -> None:
        for tab in self.tabs:
            tab.reload()
        self.analysis.schedule_reload()
        # Undoing an older edit would now overwrite imported values without anyone noticing.
        self.undo_stack.clear()
        self._show_status(self.tr("Imported: {adds} added, {changes} changed.").format(adds=added, changes=changed))

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def open_manual(self) -> ManualDialog:
        """Help ▸ Manual: not modal, so it can stay open beside the window while following its steps."""
        dialog = ManualDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About DisasterShare"), self.tr(
            "DisasterShare {version}\nShare disaster-response resources with partner municipalities.").format(
            version=__version__))

    # -- texts ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        own = self.workspace.own_municipality()
        title = self.tr("DisasterShare — {municipality}").format(municipality=f"{own.prefecture}{own.name}")
        if self.workspace.drill:
            title = self.tr("[DRILL] {title}").format(title=title)
        self.setWindowTitle(title)
        for index, page in enumerate(self.pages):
            self.tab_widget.setTabText(index, page.title())
        self.municipality_label.setText(f"{own.code} {own.prefecture}{own.name}")
        text = self.tr("Workspace: {path}").format(path=self.workspace.root)
        # Long paths lose their middle ("/home/…/workspace"), not their end: the folder name matters most.
        metrics = self.workspace_label.fontMetrics()
        self.workspace_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, WORKSPACE_LABEL_MAX_WIDTH))
        self.window_actions.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A worker still importing or writing must stop before the workspace is closed after us.
        self.analysis.shutdown()
        drill_runners = [] if self.drill_panel is None else [self.drill_panel.runner]
        for runner in (self.sync_tab.runner, self.reports_tab.runner, *drill_runners):
            if runner.is_busy():
                runner.wait()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
