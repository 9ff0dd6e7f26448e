"""Snapshot imports, one row per file: the result of the import just run, or the import history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from PySide6.QtCore import QT_TRANSLATE_NOOP

from disastershare.core.quantities import format_quantity
from disastershare.sync.history import ImportLogEntry
from disastershare.sync.results import Changes, ImportResult, ImportStatus
from disastershare.ui import styles
from disastershare.ui.models.read_only_table_model import ReadOnlyTableModel
from disastershare.ui.reason_text import localized_reason
from disastershare.ui.sync_labels import status_label
from disastershare.ui.translations import current_language


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    """One imported (or refused) snapshot as the Sync tab shows it."""

    file: str  # a path, or "bundle path:member"
    owner: str | None
    owner_name: str
    sequence: int | None
    status: ImportStatus
    reason: str
    changes: Changes
    at: datetime | None = None  # when it was imported (history only)

    @classmethod
    def from_result(cls, result: ImportResult, owner_name: Callable[[str], str]) -> SnapshotRow:
        return cls(result.file, result.owner, owner_name(result.owner) if result.owner else "", result.sequence,
                   result.status, result.reason, result.changes)

    @classmethod
    def from_log(cls, entry: ImportLogEntry, owner_name: Callable[[str], str]) -> SnapshotRow:
        return cls(entry.file, entry.owner, owner_name(entry.owner) if entry.owner else "", entry.sequence,
                   entry.status, entry.reason, entry.changes, entry.at)

    @property
    def file_name(self) -> str:
        # Bundle members read "…/bundle.dsbundle:434434-000002.dsnap": keep the bundle's name and the member.
        return PurePath(self.file).name


COL_FILE, COL_OWNER, COL_SEQUENCE, COL_STATUS, COL_ADDED, COL_CHANGED, COL_REMOVED, COL_REASON, COL_AT = range(9)
_HEADERS = {
    COL_AT: QT_TRANSLATE_NOOP("SnapshotImports", "Imported at"),
    COL_FILE: QT_TRANSLATE_NOOP("SnapshotImports", "File"),
    COL_OWNER: QT_TRANSLATE_NOOP("SnapshotImports", "Municipality"),
    COL_SEQUENCE: QT_TRANSLATE_NOOP("SnapshotImports", "Sequence"),
    COL_STATUS: QT_TRANSLATE_NOOP("SnapshotImports", "Status"),
    COL_ADDED: QT_TRANSLATE_NOOP("SnapshotImports", "Added"),
    COL_CHANGED: QT_TRANSLATE_NOOP("SnapshotImports", "Changed"),
    COL_REMOVED: QT_TRANSLATE_NOOP("SnapshotImports", "Removed"),
    COL_REASON: QT_TRANSLATE_NOOP("SnapshotImports", "Reason"),
}
_COUNTS = (COL_ADDED, COL_CHANGED, COL_REMOVED)
_FILLS = {ImportStatus.REFUSED: styles.REFUSED_FILL, ImportStatus.FORK: styles.FORK_FILL,
          ImportStatus.APPLIED: styles.APPLIED_FILL}


class SnapshotImportTableModel(ReadOnlyTableModel):
    """The per-file result list of the import just run. COLUMNS maps view columns to the COL_ keys."""

    CONTEXT = "SnapshotImports"
    COLUMNS: tuple[int, ...] = (COL_FILE, COL_OWNER, COL_SEQUENCE, COL_STATUS, *_COUNTS, COL_REASON)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.HEADERS = tuple(_HEADERS[key] for key in self.COLUMNS)
        self.NUMERIC = frozenset(i for i, key in enumerate(self.COLUMNS) if key in (COL_SEQUENCE, *_COUNTS))

    def column_of(self, key: int) -> int:
        return self.COLUMNS.index(key)

    def display(self, row: SnapshotRow, column: int) -> str:
        key = self.COLUMNS[column]
        if key == COL_FILE:
            return row.file_name
        if key == COL_OWNER:
            return row.owner_name
        if key == COL_SEQUENCE:
            return "" if row.sequence is None else str(row.sequence)
        if key == COL_STATUS:
            return status_label(row.status)
        if key in _COUNTS:
            return format_quantity(row.changes[_COUNTS.index(key)])
        if key == COL_REASON:
            return localized_reason(row.reason, current_language())  # read at paint time: follows a switch
        return "" if row.at is None else row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")

    def sort_value(self, row: SnapshotRow, column: int) -> object:
        key = self.COLUMNS[column]
        if key == COL_SEQUENCE:
            return row.sequence
        if key in _COUNTS:
            return row.changes[_COUNTS.index(key)]
        if key == COL_AT:
            return row.at
        return self.display(row, column)

    def background(self, row: SnapshotRow, column: int) -> object:
        return _FILLS.get(row.status)

    def foreground(self, row: SnapshotRow, column: int) -> object:
        return styles.CELL_TEXT if row.status in _FILLS else None

    def tooltip(self, row: SnapshotRow, column: int) -> str | None:
        key = self.COLUMNS[column]
        if key == COL_FILE:
            return row.file
        if key == COL_REASON and row.reason:
            return localized_reason(row.reason, current_language())
        if key == COL_OWNER:
            return row.owner
        return None



class ImportHistoryTableModel(SnapshotImportTableModel):
    """The import log, newest first, with the time of each import in front."""

    COLUMNS = (COL_AT, *SnapshotImportTableModel.COLUMNS)
