"""The Sync tab: export own snapshots or relay bundles, import partners' files, and the import results."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import BundleResult, ExportResult
from disastershare.sync.results import ImportStatus
from disastershare.sync.snapshot_format import BUNDLE_SUFFIX, SNAPSHOT_SUFFIX
from disastershare.ui import styles
from disastershare.ui.models.snapshot_import_table_model import (
    ImportHistoryTableModel,
    SnapshotImportTableModel,
    SnapshotRow,
)
from disastershare.ui.sync_controller import SyncController
from disastershare.ui.task_runner import TaskRunner
from disastershare.ui.views.tab_page import TabPage
from disastershare.ui.views.table_views import fit_columns, read_only_table
from disastershare.ui.views.task_progress import TaskProgress

TITLE = QT_TRANSLATE_NOOP("Tabs", "Sync")


class SyncTab(TabPage):
    TITLE = TITLE
    snapshots_applied = Signal()  # partners' records may have changed: reload what shows them

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("syncTab", "syncMessage", parent)
        self._workspace = workspace
        self._folder: Path | None = None  # None: the workspace's outbox/
        self.runner = TaskRunner(self)
        self.controller = SyncController(workspace, self.runner, self)
        self.results_model = SnapshotImportTableModel(self)
        self.history_model = ImportHistoryTableModel(self)

        self.export_box = QGroupBox()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("exportFolderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # long paths
        self.folder_button = QPushButton()
        self.outbox_button = QPushButton()
        self.snapshot_button = QPushButton()
        self.snapshot_button.setObjectName("exportSnapshotButton")
        self.bundle_button = QPushButton()
        self.bundle_button.setObjectName("exportBundleButton")
        self.export_help = QLabel()
        self.export_help.setWordWrap(True)
        self.export_help.setStyleSheet(styles.HELP_TEXT)
        self.import_box = QGroupBox()
        self.import_files_button = QPushButton()
        self.import_files_button.setObjectName("importFilesButton")
        self.import_folder_button = QPushButton()
        self.import_inbox_button = QPushButton()
        self.import_inbox_button.setObjectName("importInboxButton")
        self.import_help = QLabel()
        self.import_help.setWordWrap(True)
        self.import_help.setStyleSheet(styles.HELP_TEXT)
        self.progress = TaskProgress(self.runner)
        self.progress.disable_while_busy([self.snapshot_button, self.bundle_button, self.import_files_button,
                                          self.import_folder_button, self.import_inbox_button, self.folder_button,
                                          self.outbox_button])
        self.results_label = QLabel()
        self.results_label.setStyleSheet(styles.SECTION)
        self.results_view = read_only_table("importResults", self.results_model)
        self.history_label = QLabel()
        self.history_label.setStyleSheet(styles.SECTION)
        self.history_view = read_only_table("importHistory", self.history_model)
        self._layout()

        self.folder_button.clicked.connect(self._choose_folder)
        self.outbox_button.clicked.connect(lambda: self.set_export_folder(None))
        self.snapshot_button.clicked.connect(self.export_snapshot)
        self.bundle_button.clicked.connect(self.export_bundle)
        self.import_files_button.clicked.connect(self._choose_files)
        self.import_folder_button.clicked.connect(self._choose_import_folder)
        self.import_inbox_button.clicked.connect(lambda: self.start_import([self._workspace.inbox]))
        self.controller.snapshot_exported.connect(self._snapshot_exported)
        self.controller.bundle_exported.connect(self._bundle_exported)
        self.controller.imported.connect(self._imported)
        self.runner.failed.connect(lambda reason: self.show_error(self.tr("Not done: {reason}").format(reason=reason)))
        self.runner.cancelled.connect(self._cancelled)
        self.retranslate()
        self.reload()

    def _layout(self) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        folder_row.addWidget(self.outbox_button)
        export_row = QHBoxLayout()
        export_row.addWidget(self.snapshot_button)
        export_row.addWidget(self.bundle_button)
        export_row.addWidget(self.export_help, 1)
        export_layout = QVBoxLayout(self.export_box)
        export_layout.addLayout(folder_row)
        export_layout.addLayout(export_row)
        import_row = QHBoxLayout()
        for button in (self.import_files_button, self.import_folder_button, self.import_inbox_button):
            import_row.addWidget(button)
        import_row.addWidget(self.import_help, 1)
        QVBoxLayout(self.import_box).addLayout(import_row)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results_view, 1)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.history_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(results)
        splitter.addWidget(history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.export_box)
        layout.addWidget(self.import_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.message_line)
        layout.addWidget(splitter, 1)

    # -- data ---------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """The import history (after an import, a restore, or a language change)."""
        self.history_model.set_rows(self.controller.history())
        fit_columns(self.history_view)

    def set_export_folder(self, folder: Path | None) -> None:
        self._folder = folder
        self._show_folder()

    def export_folder(self) -> Path:
        return self._folder or self._workspace.outbox

    # -- actions ------------------------------------------------------------------------------------------
    def export_snapshot(self) -> bool:
        return self.controller.export_snapshot(self.tr("Writing a snapshot…"), self._folder)

    def export_bundle(self) -> bool:
        return self.controller.export_bundle(self.tr("Writing a bundle…"), self._folder)

    def start_import(self, paths: Sequence[Path]) -> bool:
        """Import snapshot files, bundles or folders of them (also used for `gui --import FILE`)."""
        if not paths:
            return False
        self.message_line.clear_message()
        started = self.controller.import_paths(self.tr("Importing snapshots…"), paths)
        if not started:
            self.show_error(self.tr("Wait until the running task has finished (or cancel it)."))
        return started

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to which folder?"), str(self.export_folder()))
        if folder:
            self.set_export_folder(Path(folder))

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose snapshot files"), str(self._workspace.inbox),
            self.tr("Snapshots and bundles (*{snapshot} *{bundle});;All files (*)").format(
                snapshot=SNAPSHOT_SUFFIX, bundle=BUNDLE_SUFFIX))
        if files:
            self.start_import([Path(f) for f in files])

    def _choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import every snapshot in which folder?"),
                                                  str(self._workspace.inbox))
        if folder:
            self.start_import([Path(folder)])

    # -- outcomes -----------------------------------------------------------------------------------------
    def _snapshot_exported(self, result: ExportResult) -> None:
        self.show_info(self.tr("Snapshot number {sequence} written ({records} records): {path}").format(
            sequence=result.sequence, records=f"{sum(result.counts.values()):,}", path=result.path))

    def _bundle_exported(self, result: BundleResult) -> None:
        self.show_info(self.tr("Bundle of {count} snapshots written: {path}").format(
            count=len(result.snapshots), path=result.path))

    def _imported(self, rows: list[SnapshotRow]) -> None:
        self.results_model.set_rows(rows)
        fit_columns(self.results_view)
        self.reload()
        if not rows:
            self.show_error(self.tr("No snapshot files (*{snapshot}, *{bundle}) were found there.").format(
                snapshot=SNAPSHOT_SUFFIX, bundle=BUNDLE_SUFFIX))
            return
        counts = Counter(row.status for row in rows)
        text = self.tr("Import finished: {applied} applied, {same} up to date, {refused} refused, {forks} forks.")
        text = text.format(applied=counts[ImportStatus.APPLIED], same=counts[ImportStatus.UP_TO_DATE],
                           refused=counts[ImportStatus.REFUSED], forks=counts[ImportStatus.FORK])
        if counts[ImportStatus.REFUSED] or counts[ImportStatus.FORK]:
            self.show_error(text)
        else:
            self.show_info(text)
        if counts[ImportStatus.APPLIED]:
            self.snapshots_applied.emit()

    def _cancelled(self) -> None:
        self.results_model.set_rows([])
        self.reload()
        self.show_error(self.tr("Cancelled. Snapshots applied before Cancel are kept whole; see the history below."))
        self.snapshots_applied.emit()

    # -- texts ----------------------------------------------------------------------------------------------
    def _show_folder(self) -> None:
        where = self.tr("{path} (this workspace's outbox)") if self._folder is None else "{path}"
        self.folder_label.setText(self.tr("Export to: {folder}").format(
            folder=where.format(path=self.export_folder())))
        self.folder_label.setToolTip(str(self.export_folder()))

    def retranslate(self) -> None:
        self.export_box.setTitle(self.tr("Send to partners"))
        self.folder_button.setText(self.tr("Choose folder…"))
        self.outbox_button.setText(self.tr("Use outbox"))
        self.snapshot_button.setText(self.tr("Export snapshot"))
        self.bundle_button.setText(self.tr("Export bundle"))
        self.export_help.setText(self.tr(
            "A snapshot holds your own records, signed. A bundle adds every enabled partner's latest snapshot, "
            "for relaying to municipalities that cannot reach each other."))
        self.import_box.setTitle(self.tr("Receive from partners"))
        self.import_files_button.setText(self.tr("Import files…"))
        self.import_folder_button.setText(self.tr("Import folder…"))
        self.import_inbox_button.setText(self.tr("Import inbox"))
        self.import_help.setText(self.tr(
            "Each file is checked (signature, partner, sequence) before anything is applied; refused files "
            "change nothing."))
        self.results_label.setText(self.tr("Last import, file by file"))
        self.history_label.setText(self.tr("Import history (newest first)"))
        self._show_folder()
        self.results_model.refresh()
        self.history_model.refresh()
