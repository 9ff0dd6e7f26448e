"""Restore from a backup: the backup's facts, then an explicit Restore; refusals in one line, nothing changed.

The backup is checked when the dialog opens (store.restore.prepare_restore copies it beside the database);
closing the dialog without restoring removes that copy again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from disastershare.core.errors import DomainError
from disastershare.store.restore import PreparedRestore, describe, prepare_restore
from disastershare.store.workspace import Workspace
from disastershare.ui import styles
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.views.message_line import MessageLine


class RestoreDialog(QDialog):
    restored = Signal(object)  # the RestoreOutcome

    def __init__(self, workspace: Workspace, backup: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setMinimumWidth(600)
        self._backup = Path(backup)
        self.prepared: PreparedRestore | None = None
        self.error_line = MessageLine()
        self.error_line.setObjectName("restoreError")
        self.facts_form = QFormLayout()
        self._fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("file", "municipality", "kind", "taken", "lines"):
            name, value = QLabel(), QLabel()
            value.setObjectName(f"fact_{key}")
            self._fact_labels[key] = (name, value)
            self.facts_form.addRow(name, value)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(styles.SECTION)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setObjectName("restoreButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_line)
        layout.addLayout(self.facts_form)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        try:
            self.prepared = prepare_restore(workspace, self._backup)
        except DomainError as exc:
            self.error_line.show_error(self.tr("This backup cannot be restored: {reason}").format(
                reason=exception_reason(exc)))
        self.restore_button.setEnabled(self.prepared is not None)
        self.warning_label.setVisible(self.prepared is not None)
        self.retranslate()

    def accept(self) -> None:
        if self.prepared is None:
            return
        try:
            outcome = self.prepared.apply()
        except DomainError as exc:
            self.error_line.show_error(self.tr("The backup was not restored: {reason}").format(
                reason=exception_reason(exc)))
            return
        finally:
            self.prepared.discard()
        self.prepared = None
        self.restored.emit(outcome)
        super().accept()

    def done(self, result: int) -> None:
        if self.prepared is not None:  # closed without restoring: remove the checked copy
            self.prepared.discard()
            self.prepared = None
        super().done(result)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore from a backup"))
        names = {"file": self.tr("Backup file:"), "municipality": self.tr("Municipality:"),
                 "kind": self.tr("Workspace kind:"), "taken": self.tr("Taken at:"),
                 "lines": self.tr("Own inventory lines:")}
        for key, (name, value) in self._fact_labels.items():
            name.setText(names[key])
            name.setVisible(self.prepared is not None)
            value.setVisible(self.prepared is not None)
        self._fact_labels["file"][1].setText(self._backup.name)
        if self.prepared is not None:
            facts = self.prepared.facts
            values = {"municipality": describe(facts.municipality),
                      "kind": self.tr("Drill (訓練)") if facts.drill else self.tr("Live"),
                      "taken": facts.taken_at.strftime("%Y-%m-%d %H:%M"), "lines": f"{facts.inventory_lines:,}"}
            for key, text in values.items():
                self._fact_labels[key][1].setText(text)
        self.warning_label.setText(self.tr(
            "Restoring replaces everything in this workspace with the backup. The current database is "
            "copied to backups/ first."))
        self.restore_button.setText(self.tr("Restore"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
