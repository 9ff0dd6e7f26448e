"""File menu: Back up now (and say where the copy went) and Restore from backup… (facts, then confirmation)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from disastershare.core.errors import DomainError
from disastershare.store.workspace import Workspace
from disastershare.ui.dialogs.restore_dialog import RestoreDialog
from disastershare.ui.reason_text import exception_reason


class BackupActions(QObject):
    message = Signal(str)  # one line for the status bar
    restored = Signal(object)  # RestoreOutcome: everything shown must be read again

    def __init__(self, workspace: Workspace, window: QWidget, busy: Callable[[], bool]) -> None:
        """`busy` tells whether a background task is running (a restore must not swap the file under it)."""
        super().__init__(window)
        self._workspace = workspace
        self._window = window
        self._busy = busy

    def back_up_now(self) -> Path | None:
        try:
            path = self._workspace.backup_now("manual")
        except (DomainError, OSError, sqlite3.Error) as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("No backup was written: {reason}").format(
                reason=exception_reason(exc)))
            return None
        self._tell(QMessageBox.Icon.Information, self.tr("Backup written to:\n{path}").format(path=path))
        self.message.emit(self.tr("Backup written: {path}").format(path=path))
        return path

    def _tell(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Backup"), text, QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("backupMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec: the window (and tests) keep running while it is shown
        return box

    def open_restore(self, backup: Path | None = None) -> RestoreDialog | None:
        """Check `backup` (asks for the file when None) and show its facts with a Restore button."""
        if self._busy():
            self.message.emit(self.tr("Wait until the running task has finished before restoring."))
            return None
        if backup is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Restore which backup?"), str(self._workspace.backups),
                self.tr("Backups (*.sqlite);;All files (*)"))
            if not chosen:
                return None
            backup = Path(chosen)
        dialog = RestoreDialog(self._workspace, backup, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self.restored)
        dialog.open()
        return dialog
