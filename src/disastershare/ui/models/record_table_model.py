"""The base of the inventory, staff and needs table models: one row per record, columns described by Column.

Edits are not written here: setData builds the changed record and hands it to the edit handler (the
RecordEditor), which writes through the repository and the undo stack and then calls put() back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from disastershare.core.catalog import Catalog, ResourceType
from disastershare.core.errors import DomainError
from disastershare.core.records import Condition, Priority, Record, with_changes
from disastershare.core.registry import fold_kana
from disastershare.ui import styles
from disastershare.ui.labels import category_label, cell_text, refusal_text
from disastershare.ui.models.columns import CATEGORY, CODE, KIND, OWNER, RESOURCE, UNIT, Column, Edit, parse_cell
from disastershare.ui.models.read_only_table_model import RowRole, SortRole

__all__ = ["EditHandler", "RecordTableModel", "RowRole", "SortRole"]

EditHandler = Callable[[Record, Record], bool]
Index = QModelIndex | QPersistentModelIndex

# Sorting by priority or condition means by urgency, not alphabetically by label.
_RANKS = {Priority.HIGH: 0, Priority.NORMAL: 1, Priority.LOW: 2,
          Condition.READY: 0, Condition.NEEDS_CHECK: 1, Condition.DAMAGED: 2}


def _free_text(column: Column) -> bool:
    """Names, places and notes, which may be cut at the column's width (dates, numbers and choices are short)."""
    return not column.numeric and column.edit in (None, Edit.TEXT)


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


class RecordTableModel(QAbstractTableModel):
    COLUMNS: Sequence[Column] = ()

    refused = Signal(str)  # a typed value could not be read (e.g. "abc" as a quantity)

    def __init__(self, catalog: Catalog, own: str, language: str = "ja",
                 owner_name: Callable[[str], str] = str, parent=None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._own = own
        self._language = language
        self._owner_name = owner_name
        self._records: list[Record] = []
        self._row_of: dict[str, int] = {}
        self._search: dict[str, str] = {}
        self._edit_handler: EditHandler | None = None

    # -- content ----------------------------------------------------------------------------------
    def set_records(self, records: Sequence[Record], catalog: Catalog | None = None) -> None:
        self.beginResetModel()
        if catalog is not None:
            self._catalog = catalog
        self._records = list(records)
        self._reindex()
        self.endResetModel()

    def put(self, record: Record) -> None:
        """Show a record as now stored: replace its row, add it, or drop it if it is now a tombstone."""
        if record.meta.deleted:
            self.drop(record.meta.id)
            return
        row = self._row_of.get(record.meta.id)
        self._search.pop(record.meta.id, None)
        if row is None:
            row = len(self._records)
            self.beginInsertRows(QModelIndex(), row, row)
            self._records.append(record)
            self._row_of[record.meta.id] = row
            self.endInsertRows()
        else:
            self._records[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def drop(self, record_id: str) -> None:
        row = self._row_of.get(record_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self._reindex()
        self.endRemoveRows()

    def _reindex(self) -> None:
        self._row_of = {r.meta.id: i for i, r in enumerate(self._records)}
        self._search = {}

    def set_language(self, language: str) -> None:
        """Resource names and labels follow the UI language; headers are re-read by the views."""
        self._language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_edit_handler(self, handler: EditHandler | None) -> None:
        self._edit_handler = handler

    # -- look-ups used by the proxy and the views -------------------------------------------------------
    def record(self, row: int) -> Record:
        return self._records[row]

    def row_of(self, record_id: str) -> int | None:
        return self._row_of.get(record_id)

    def records(self) -> list[Record]:
        return list(self._records)

    def resource_type(self, row: int) -> ResourceType | None:
        return self._catalog.get(self._records[row].resource)

    def is_own(self, row: int) -> bool:
        return self._records[row].meta.owner == self._own

    def search_key(self, row: int) -> str:
        """Folded text the free-text filter looks in: code, names, reading and aliases (もうふ finds 毛布),
        and the place fields."""
        record = self._records[row]
        key = self._search.get(record.meta.id)
        if key is None:
            rtype = self._catalog.get(record.resource)
            names = (rtype.name_ja, rtype.name_en, rtype.reading, *rtype.aliases) if rtype else ()
            places = (getattr(record, "location", ""), getattr(record, "contact_section", ""))
            key = fold_kana("\n".join((record.resource, *names, *places)))
            self._search[record.meta.id] = key
        return key

    def sort_value(self, row: int, column: int) -> object:
        """What SortRole returns; the proxy calls it directly to skip the QVariant round trip."""
        value = self._raw(self._records[row], self.COLUMNS[column])
        return _RANKS.get(value, value.value) if isinstance(value, StrEnum) else value

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.COLUMNS) if c.key == key)

    # -- Qt model interface -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("Columns", self.COLUMNS[section].header)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.EditRole:
            value = self._raw(record, column)
            if isinstance(value, date):
                return value.isoformat()
            return value.value if isinstance(value, StrEnum) else value
        if role == SortRole:
            return self.sort_value(index.row(), index.column())
        if role == RowRole:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        mirrored = record.meta.owner != self._own
        # Partners' rows are read-only mirrors: a tint, italics and a dark blue-grey say so, and stay readable
        # (a greyed, disabled-looking text was too faint to read on white).
        if role == Qt.ItemDataRole.ForegroundRole and mirrored:
            return styles.PARTNER_TEXT
        if role == Qt.ItemDataRole.BackgroundRole and mirrored:
            return styles.PARTNER_FILL
        if role == Qt.ItemDataRole.FontRole and mirrored:
            return _italic()
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text (a long name or note is cut at the column's width), and whose row it is.
            text = self._display(record, column) if _free_text(column) else ""
            if not mirrored:
                return text or None
            note = QCoreApplication.translate("RecordTableModel", "Read-only: data of {name}").format(
                name=self._owner_name(record.meta.owner))
            return f"{text}\n{note}" if text else note
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if self._edit_handler is not None and self.COLUMNS[index.column()].edit is not None \
                and self.is_own(index.row()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        old = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        try:
            new = with_changes(old, **{column.key: parse_cell(column, value)})
        except DomainError as exc:
            self.refused.emit(refusal_text(exc))
            return False
        if new == old:
            return True
        assert self._edit_handler is not None
        return self._edit_handler(old, new)

    # -- cell values ---------------------------------------------------------------------------------------
    def _raw(self, record: Record, column: Column) -> object:
        key = column.key
        if key in (RESOURCE, KIND, CATEGORY, UNIT):
            rtype = self._catalog.get(record.resource)
            if rtype is None:
                return record.resource if key == RESOURCE else None
            return {RESOURCE: rtype.name(self._language), KIND: rtype.kind, CATEGORY: category_label(rtype.category),
                    UNIT: rtype.unit}[key]
        if key == CODE:
            return record.resource
        if key == OWNER:
            return self._owner_name(record.meta.owner)
        return getattr(record, key)

    def _display(self, record: Record, column: Column) -> str:
        return cell_text(self._raw(record, column))
