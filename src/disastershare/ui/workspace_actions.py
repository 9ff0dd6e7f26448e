"""File ▸ Open workspace…, Recent workspaces and Back to the live workspace: a window on another workspace.

The main window is built around one workspace, so moving to another opens a new MainWindow on it and closes
this one and its workspace (releasing its lock), as a new drill does. Opening a drill from a live workspace
remembers the live one, so the drill window offers the way back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from disastershare.core.errors import DomainError
from disastershare.store.workspace import DB_NAME, Workspace
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.recent_workspaces import RecentWorkspaces, is_workspace

if TYPE_CHECKING:
    from disastershare.ui.main_window import MainWindow

RECENT_TEXT_CHARS = 70  # a long path loses its middle in the menu; the tooltip has it whole


class WorkspaceActions(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.recent = RecentWorkspaces()
        self.opened_window: MainWindow | None = None  # the window on the workspace opened last (tests follow it)
        self.refusal: QMessageBox | None = None  # the last refusal shown
        self.folder_dialog: QFileDialog | None = None
        self.recent.add(window.workspace.root)
        actions = window.window_actions
        actions.open_workspace_action.triggered.connect(lambda: self.choose_folder())
        actions.back_to_live_action.triggered.connect(lambda: self.back_to_live())
        actions.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        self.update_back_to_live()

    # -- choosing -----------------------------------------------------------------------------------------------
    def choose_folder(self) -> QFileDialog:
        """The folder chooser (window-modal, not exec); the chosen folder is opened as a workspace."""
        start = self._window.workspace.root.parent
        dialog = QFileDialog(self._window, self.tr("Open a workspace folder"), str(start))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda folder: self.open_workspace(Path(folder)))
        dialog.open()
        self.folder_dialog = dialog
        return dialog

    def fill_recent_menu(self) -> None:
        menu: QMenu = self._window.window_actions.recent_menu
        menu.clear()
        current = _same_folder_key(self._window.workspace.root)
        paths = self.recent.paths()
        for path in paths:
            text = str(path)
            if len(text) > RECENT_TEXT_CHARS:
                half = (RECENT_TEXT_CHARS - 1) // 2
                text = f"{text[:half]}…{text[-half:]}"
            action = QAction(text.replace("&", "&&"), menu)
            action.setToolTip(str(path))
            action.setData(str(path))
            if _same_folder_key(path) == current:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)  # the one open now
            else:
                action.triggered.connect(lambda _checked=False, p=path: self.open_workspace(p))
            menu.addAction(action)
        if not paths:
            empty = menu.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)
        menu.menuAction().setEnabled(True)

    # -- opening ------------------------------------------------------------------------------------------------
    def open_workspace(self, root: Path) -> MainWindow | None:
        """A window on the workspace at `root` in place of this one; None (and one clear sentence) if refused."""
        root = Path(root)
        if _same_folder_key(root) == _same_folder_key(self._window.workspace.root):
            self.message.emit(self.tr("This workspace is already open: {path}").format(path=root))
            return None
        if not is_workspace(root):
            self.recent.remove(root)
            self._refuse(self.tr(
                "{path} is not a DisasterShare workspace: it holds no {file}. Choose the workspace folder itself "
                "(the one with {file}, keys and inbox in it).").format(path=root, file=DB_NAME))
            return None
        try:
            workspace = Workspace.open(root)
        except (DomainError, OSError) as exc:
            self._refuse(self.tr("The workspace at {path} cannot be opened: {reason}").format(
                path=root, reason=exception_reason(exc)))
            return None
        return self.switch_to(workspace)

    def back_to_live(self) -> MainWindow | None:
        live = self.recent.live()
        if live is None:
            self.message.emit(self.tr("No live workspace is remembered; open it with File ▸ Open workspace…."))
            return None
        return self.open_workspace(live)

    def switch_to(self, workspace: Workspace) -> MainWindow:
        """Close this window (and its workspace) and show one on `workspace`; a drill remembers the live one."""
        new = switch_window(self._window, workspace)
        self.opened_window = new
        return new

    def _refuse(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Open a workspace"), text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("openWorkspaceRefusal")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.refusal = box
        self.message.emit(text)

    def update_back_to_live(self) -> None:
        """Offered in a drill window when the live workspace it came from is known and still there."""
        action = self._window.window_actions.back_to_live_action
        live = self.recent.live()
        usable = self._window.workspace.drill and live is not None and is_workspace(live)
        action.setVisible(self._window.workspace.drill)
        action.setEnabled(bool(usable))
        action.setToolTip(str(live) if live is not None else "")


def switch_window(old: MainWindow, workspace: Workspace) -> MainWindow:
    """A window on `workspace` where `old` was; `old` and its workspace are closed (it waits for its workers)."""
    from disastershare.ui.drill_actions import open_window
    from disastershare.ui.main_window import MainWindow  # the main window imports us

    recent = RecentWorkspaces()
    if workspace.drill and not old.workspace.drill:
        recent.set_live(old.workspace.root)  # the way back from the drill
    new = open_window(workspace, MainWindow)
    new.move(old.pos())
    new.resize(old.size())
    old.close()
    old.workspace.close()
    return new


def _same_folder_key(root: Path) -> str:
    try:
        return str(Path(root).resolve())
    except OSError:
        return str(Path(root).absolute())
