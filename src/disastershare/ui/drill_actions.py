"""File ▸ New drill from scenario…: the dialog, then a window on the new drill workspace in place of this one.

The main window is built around one workspace, so switching opens a new MainWindow for the drill and closes
the old window and its workspace (releasing its lock). The first-start dialog offers the same dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QWidget

from disastershare.store.workspace import Workspace
from disastershare.ui.dialogs.new_drill_dialog import NewDrillDialog
from disastershare.ui.translations import current_language

if TYPE_CHECKING:
    from disastershare.ui.dialogs.create_workspace_dialog import CreateWorkspaceDialog
    from disastershare.ui.main_window import MainWindow

# Windows opened here have no other owner: Qt deletes them on close, this keeps them alive until then.
_opened: set[QWidget] = set()


class DrillActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.opened_window: MainWindow | None = None  # the window on the newest drill (tests follow it)

    def open_new_drill(self) -> NewDrillDialog:
        """Shown window-modal (not exec): the window keeps painting while the drill is built."""
        dialog = NewDrillDialog(self._window.workspace.root.parent, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self.switch_to)
        dialog.open()
        return dialog

    def switch_to(self, workspace: Workspace) -> MainWindow:
        from disastershare.ui.workspace_actions import switch_window  # imports the main window, which imports us

        # Closing the old window waits for its workers (they still use its workspace); a live workspace left
        # for the drill is remembered, for File ▸ Back to the live workspace.
        self.opened_window = switch_window(self._window, workspace)
        return self.opened_window


def open_window(workspace: Workspace, window_type: type[MainWindow]) -> MainWindow:
    """A main window that owns `workspace`: closing the window closes the workspace too."""
    language = current_language()
    workspace.set_language(language)  # the new drill opens in the language the person is using now
    window = window_type(workspace, language)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _opened.add(window)
    window.destroyed.connect(lambda: (_opened.discard(window), workspace.close()))
    window.show()
    return window


class NewDrillButton(QPushButton):
    """The first-start dialog's “Start a drill from a scenario…” (its own texts follow the language)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newDrillButton")
        self.drill_dialog: NewDrillDialog | None = None  # the last one opened
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Start a drill from a scenario…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def offer_new_drill(dialog: CreateWorkspaceDialog, root: Path) -> NewDrillButton:
    """Add the button to the first-start dialog: a drill built at `root` becomes the dialog's workspace."""
    button = NewDrillButton()
    # Under the drill check box, where someone thinking of a drill looks (not between Create and Cancel).
    layout = dialog.layout()
    at = layout.indexOf(dialog.drill_check) if isinstance(layout, QBoxLayout) else -1
    if at >= 0:
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.insertLayout(at + 1, row)
    else:  # the dialog was laid out differently: beside its buttons, then
        dialog.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

    def open_dialog() -> None:
        drill = NewDrillDialog(Path(root).parent, folder=Path(root), parent=dialog)
        drill.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        drill.created.connect(lambda workspace: _accept_with(dialog, workspace))
        drill.open()
        button.drill_dialog = drill

    button.clicked.connect(open_dialog)
    return button


def _accept_with(dialog: CreateWorkspaceDialog, workspace: Workspace) -> None:
    dialog.workspace = workspace
    dialog.done(QDialog.DialogCode.Accepted)  # not accept(): that would create a plain workspace as well
