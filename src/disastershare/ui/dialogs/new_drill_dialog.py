"""New drill from a scenario: choose a shipped scenario (or a file) and an empty folder, then build it on a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.errors import DomainError
from disastershare.core.reference_data import shipped_registry
from disastershare.core.scenario import Scenario
from disastershare.ui import styles
from disastershare.ui.drill_controller import build_drill, check_drill_folder, read_scenario_file, shipped_scenarios
from disastershare.ui.drill_labels import hazard_label, scenario_name
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.task_runner import TaskRunner
from disastershare.ui.views.message_line import MessageLine

NAME, HAZARD, HOST, PARTNERS, INJECTS = range(5)
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class NewDrillDialog(QDialog):
    created = Signal(object)  # the new drill's host Workspace (open; whoever receives it closes it)

    def __init__(self, suggest_in: Path, folder: Path | None = None, parent: QWidget | None = None) -> None:
        """The folder is `folder` if given, else a new one in `suggest_in` named after the chosen scenario."""
        super().__init__(parent)
        self.setObjectName("newDrillDialog")
        self.setMinimumSize(760, 500)
        self._suggest_in = Path(suggest_in)
        self._folder_chosen = folder is not None  # the person's choice is never replaced by a suggestion
        self._scenarios: list[tuple[Path, Scenario]] = shipped_scenarios()
        self._registry = shipped_registry()
        self.workspace = None
        self.scenario: Scenario | None = None
        self.runner = TaskRunner(self)

        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.scenario_list = QTreeWidget()
        self.scenario_list.setObjectName("scenarioList")
        self.scenario_list.setRootIsDecorated(False)
        self.scenario_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scenario_list.setColumnCount(5)
        self.file_button = QPushButton()
        self.file_button.setObjectName("scenarioFileButton")
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        self.description_label.setStyleSheet(styles.HELP_TEXT)
        self.folder_caption = QLabel()
        self.folder_edit = QLineEdit(str(folder) if folder is not None else "")
        self.folder_edit.setObjectName("drillFolder")
        self.folder_button = QPushButton()
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)  # new_drill reports no steps: busy until it is done
        self.progress_bar.setTextVisible(False)
        self.error_line = MessageLine()
        self.error_line.setObjectName("newDrillError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Not the standard Ok button: the box would put "OK" back on it at every language change.
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createDrillButton")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self._layout()

        self.scenario_list.currentItemChanged.connect(self._selection_changed)
        self.scenario_list.itemDoubleClicked.connect(lambda *_: self.accept())
        self.file_button.clicked.connect(self._choose_file)
        self.folder_button.clicked.connect(self._choose_folder)
        self.folder_edit.textEdited.connect(self._folder_edited)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.runner.started.connect(self.progress_label.setText)
        self.runner.busy_changed.connect(self._set_busy)
        self.runner.failed.connect(self._failed)
        self.retranslate()
        self._set_busy(False)
        if self.scenario_list.topLevelItemCount():
            self.scenario_list.setCurrentItem(self.scenario_list.topLevelItem(0))

    def _layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.description_label, 1)
        file_row.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignTop)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_caption)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress_bar, 1)
        self.progress_row = QWidget()
        self.progress_row.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.scenario_list, 1)
        layout.addLayout(file_row)
        layout.addLayout(folder_row)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.error_line)
        layout.addWidget(self.buttons)

    # -- choices --------------------------------------------------------------------------------------------
    def _fill_list(self) -> None:
        current = self.scenario_path()
        self.scenario_list.clear()
        for path, scenario in self._scenarios:
            host = self._registry.get(scenario.host)
            item = QTreeWidgetItem([scenario_name(scenario), hazard_label(scenario.hazard),
                                    f"{host.prefecture}{host.name}" if host else scenario.host,
                                    f"{len(scenario.partners):,}", f"{len(scenario.injects):,}"])
            item.setData(NAME, PATH_ROLE, str(path))
            item.setToolTip(NAME, str(path))
            for column in (PARTNERS, INJECTS):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.scenario_list.addTopLevelItem(item)
            if current is not None and path == current:
                self.scenario_list.setCurrentItem(item)
        header = self.scenario_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (HAZARD, HOST, PARTNERS, INJECTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def scenario_path(self) -> Path | None:
        item = self.scenario_list.currentItem()
        return None if item is None else Path(item.data(NAME, PATH_ROLE))

    def add_scenario_file(self, path: Path) -> bool:
        """Read a scenario file and select it; a bad one is refused here with its one-line reason."""
        path = Path(path)
        self.error_line.clear_message()
        try:
            scenario = read_scenario_file(path)
        except DomainError as exc:
            self.error_line.show_error(self.tr("This scenario file cannot be used: {reason}").format(
                reason=exception_reason(exc)))
            return False
        self._scenarios = [(p, s) for p, s in self._scenarios if p != path] + [(path, scenario)]
        self._fill_list()
        self.scenario_list.setCurrentItem(self.scenario_list.topLevelItem(self.scenario_list.topLevelItemCount() - 1))
        return True

    def set_folder(self, folder: Path) -> None:
        self._folder_chosen = True
        self.folder_edit.setText(str(folder))

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def _folder_edited(self, _text: str) -> None:
        self._folder_chosen = True

    def _selection_changed(self) -> None:
        path = self.scenario_path()
        scenario = next((s for p, s in self._scenarios if p == path), None)
        self.description_label.setText(scenario.description if scenario else "")
        if path is not None and not self._folder_chosen:
            self.folder_edit.setText(str(_unused(self._suggest_in / f"drill-{path.stem}")))
        self._update_button()

    def _update_button(self) -> None:
        self.create_button.setEnabled(not self.runner.is_busy() and self.scenario_path() is not None)

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a scenario file"), str(self._suggest_in),
                                                self.tr("Drill scenarios (*.toml);;All files (*)"))
        if chosen:
            self.add_scenario_file(Path(chosen))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the drill workspace"),
                                                  str(self.folder() or self._suggest_in))
        if folder:
            self.set_folder(Path(folder))

    # -- building ---------------------------------------------------------------------------------------------
    def accept(self) -> None:
        """Start building on a worker; the dialog closes when the drill is there, or says why it is not."""
        path, folder = self.scenario_path(), self.folder()
        if path is None or self.runner.is_busy():
            return
        self.error_line.clear_message()
        if folder is None:
            self.error_line.show_error(self.tr("Choose a folder for the drill workspace."))
            return
        try:
            check_drill_folder(folder)
        except DomainError as exc:
            self._failed(exception_reason(exc))
            return
        self.runner.start(self.tr("Building the drill and its simulated partners…"),
                          lambda: build_drill(folder, path), self._built)

    def _built(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.workspace, self.scenario = result
        super().accept()
        self.created.emit(self.workspace)

    def _failed(self, reason: str) -> None:
        self.error_line.show_error(self.tr("The drill was not created: {reason}").format(reason=reason))

    def _set_busy(self, busy: bool) -> None:
        self.progress_row.setVisible(busy)
        for widget in (self.scenario_list, self.file_button, self.folder_edit, self.folder_button, self.cancel_button):
            widget.setEnabled(not busy)
        self._update_button()

    def reject(self) -> None:
        if not self.runner.is_busy():  # the build cannot be stopped halfway: the dialog waits for it
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.is_busy():
            event.ignore()
            return
        super().closeEvent(event)

    # -- texts ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New drill from a scenario"))
        self.intro_label.setText(self.tr(
            "A drill runs on this computer: a drill workspace for the host municipality, with every partner of "
            "the scenario simulated beside it. The clock starts at T+0; timed injects add needs as it advances."))
        self.scenario_list.setHeaderLabels([self.tr("Scenario"), self.tr("Hazard"), self.tr("Host municipality"),
                                            self.tr("Partners"), self.tr("Injects")])
        self.file_button.setText(self.tr("Scenario file…"))
        self.folder_caption.setText(self.tr("Drill folder:"))
        self.folder_button.setText(self.tr("Choose…"))
        self.create_button.setText(self.tr("Create drill"))
        self._fill_list()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _unused(folder: Path) -> Path:
    """`folder`, or folder-2, folder-3, ... if it is taken (a suggestion must not point at someone's files)."""
    candidate, n = folder, 1
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        n += 1
        candidate = folder.with_name(f"{folder.name}-{n}")
    return candidate
