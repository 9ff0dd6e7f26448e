"""A read-only table over a list of typed rows: the base of the partner, import and report table models.

Subclasses name their columns, return display text and raw sort values per column, and may colour cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from disastershare.ui.models.record_table_model import RowRole, SortRole

Index = QModelIndex | QPersistentModelIndex

__all__ = ["Index", "ReadOnlyTableModel", "RowRole", "SortRole"]


class ReadOnlyTableModel(QAbstractTableModel):
    CONTEXT = ""  # translation context of the headers
    HEADERS: Sequence[str] = ()  # English sources, one per column
    NUMERIC: frozenset[int] = frozenset()  # right-aligned columns

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # -- content -------------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_item(self, row: int) -> Any:
        return self._rows[row]

    def refresh(self) -> None:
        """Texts depend on the language (or the clock): ask the views to read everything again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # -- what subclasses describe --------------------------------------------------------------------------
    def display(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, item: Any, column: int) -> object:
        return self.display(item, column)

    def background(self, item: Any, column: int) -> object:
        return None

    def foreground(self, item: Any, column: int) -> object:
        return None

    def tooltip(self, item: Any, column: int) -> str | None:
        return None

    def header(self, column: int) -> str:
        return QCoreApplication.translate(self.CONTEXT, self.HEADERS[column])

    # -- Qt model interface --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.columnCount():
            return self.header(section)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == SortRole:
            return self.sort_value(item, column)
        if role == RowRole:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in self.NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        return None
