"""Writes one table's edits, additions and removals through its repository and the shared undo stack."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from disastershare.core.errors import DomainError
from disastershare.core.records import Record
from disastershare.store.repositories import RecordRepository
from disastershare.ui.labels import refusal_text
from disastershare.ui.models.record_table_model import RecordTableModel
from disastershare.ui.undo_commands import AddRecordCommand, EditRecordCommand, RemoveRecordsCommand


class RecordEditor(QObject):
    refused = Signal(str)  # one line, in the UI language where possible
    saved = Signal()

    def __init__(self, repository: RecordRepository, model: RecordTableModel, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._model = model
        self._stack = undo_stack
        model.set_edit_handler(self.edit)
        model.refused.connect(self.refused)

    def _report(self, message: str) -> None:
        self.refused.emit(message)

    def edit(self, before: Record, after: Record) -> bool:
        """Store `after`; on refusal the row keeps showing `before` and the reason is reported."""
        try:
            stored = self._repository.update(after)
        except DomainError as exc:
            self.refused.emit(refusal_text(exc))
            return False
        self._model.put(stored)
        self._stack.push(EditRecordCommand(self._repository, self._model, self._report, before, stored))
        self.saved.emit()
        return True

    def add(self, record: Record) -> Record | None:
        try:
            stored = self._repository.add(record)
        except DomainError as exc:
            self.refused.emit(refusal_text(exc))
            return None
        self._model.put(stored)
        self._stack.push(AddRecordCommand(self._repository, self._model, self._report, stored))
        self.saved.emit()
        return stored

    def remove(self, records: Sequence[Record]) -> int:
        """Tombstone the records (own only); one undo step for all of them. Returns how many went."""
        removed: list[Record] = []
        for record in records:
            try:
                removed.append(self._repository.delete(record.meta.id))
            except DomainError as exc:
                self.refused.emit(refusal_text(exc))
                break
        if not removed:
            return 0
        for record in removed:
            self._model.drop(record.meta.id)
        self._stack.push(RemoveRecordsCommand(self._repository, self._model, self._report, removed))
        self.saved.emit()
        return len(removed)
