"""Undoable record changes. Each command writes through the repository and then shows the stored result.

The editor performs the first write itself (so a refusal never reaches the undo stack) and pushes
the command already applied; the command's first redo() is therefore skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from disastershare.core.errors import DomainError
from disastershare.core.records import Record
from disastershare.store.repositories import RecordRepository
from disastershare.ui.labels import refusal_text


class RecordView(Protocol):
    """What a command needs of a table model: show a record as stored, or drop it."""

    def put(self, record: Record) -> None: ...

    def drop(self, record_id: str) -> None: ...


class RecordCommand(QUndoCommand):
    """Subclasses write in _forward / _backward, yielding each record as stored after the write."""

    def __init__(self, repository: RecordRepository, view: RecordView, report: Callable[[str], None]) -> None:
        # No parent commands anywhere: PySide would let both Python and the parent delete a child.
        super().__init__()
        self._repository = repository
        self._view = view
        self._report = report
        self._applied_by_editor = True

    def describe(self) -> str:
        """The menu text, translated when asked (the language can change while the command is on the stack)."""
        raise NotImplementedError

    def redo(self) -> None:
        if self._applied_by_editor:
            self._applied_by_editor = False
            return
        self._run(self._forward())

    def undo(self) -> None:
        self._run(self._backward())

    def _run(self, writes: Iterator[Record]) -> None:
        try:
            for stored in writes:
                self._view.put(stored)
        except DomainError as exc:
            # The record changed elsewhere (an import, a deletion): say so and drop this command.
            self._report(refusal_text(exc))
            self.setObsolete(True)

    def _forward(self) -> Iterator[Record]:
        raise NotImplementedError

    def _backward(self) -> Iterator[Record]:
        raise NotImplementedError


class EditRecordCommand(RecordCommand):
    def __init__(self, repository: RecordRepository, view: RecordView, report: Callable[[str], None],
                 before: Record, after: Record) -> None:
        super().__init__(repository, view, report)
        self._before, self._after = before, after

    def describe(self) -> str:
        return QCoreApplication.translate("UndoCommands", "edit of {code}").format(code=self._after.resource)

    def _forward(self) -> Iterator[Record]:
        yield self._repository.update(self._after)

    def _backward(self) -> Iterator[Record]:
        yield self._repository.update(self._before)


class AddRecordCommand(RecordCommand):
    def __init__(self, repository: RecordRepository, view: RecordView, report: Callable[[str], None],
                 record: Record) -> None:
        super().__init__(repository, view, report)
        self._record = record

    def describe(self) -> str:
        return QCoreApplication.translate("UndoCommands", "new row {code}").format(code=self._record.resource)

    def _forward(self) -> Iterator[Record]:
        # The undone add left a tombstone with the same id: bring it back rather than insert twice.
        yield self._repository.undelete(self._record.meta.id)

    def _backward(self) -> Iterator[Record]:
        yield self._repository.delete(self._record.meta.id)


class RemoveRecordsCommand(RecordCommand):
    """One or more rows removed together: one undo step brings all of them back."""

    def __init__(self, repository: RecordRepository, view: RecordView, report: Callable[[str], None],
                 records: Sequence[Record]) -> None:
        super().__init__(repository, view, report)
        self._records = list(records)

    def describe(self) -> str:
        if len(self._records) == 1:
            return QCoreApplication.translate("UndoCommands", "removal of {code}").format(
                code=self._records[0].resource)
        return QCoreApplication.translate("UndoCommands", "removal of {count} rows").format(count=len(self._records))

    def _forward(self) -> Iterator[Record]:
        for record in self._records:
            yield self._repository.delete(record.meta.id)

    def _backward(self) -> Iterator[Record]:
        for record in reversed(self._records):
            yield self._repository.undelete(record.meta.id)
