"""The base of every read-only table model: a list of typed rows, described column by column.

Subclasses name their columns (HEADERS, in translation context CONTEXT; NUMERIC ones are right-aligned) and say
per cell what it shows, how it sorts, and how it is coloured; the Qt model interface is written once, here.
SortedTableModel is the variant for the analysis tables, which are too large for a sorting proxy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from disastershare.core.catalog import Catalog

SortRole = Qt.ItemDataRole.UserRole + 1  # raw, comparable values (int, date, str, rank) or None
RowRole = Qt.ItemDataRole.UserRole + 2  # the row's object itself (a record, a request, a flow...)

Index = QModelIndex | QPersistentModelIndex

__all__ = ["Index", "ReadOnlyTableModel", "RowRole", "SortRole", "SortedTableModel"]


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class ReadOnlyTableModel(QAbstractTableModel):
    CONTEXT = ""  # translation context of the headers
    HEADERS: Sequence[str] = ()  # English sources, one per column
    NUMERIC: frozenset[int] = frozenset()  # right-aligned columns

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        # What resource and place names are read from; set by the tables that show them (set_context).
        self._catalog: Catalog | None = None
        self._home = ""
        self._place_name: Callable[[str], str] = str
        self._language = "ja"

    # -- content -------------------------------------------------------------------------------------------
    @contextmanager
    def resetting(self) -> Iterator[None]:
        """Replace the content inside the block: views drop their selection and read everything again."""
        self.beginResetModel()
        try:
            yield
        finally:
            self.endResetModel()
        self.after_reset()

    def after_reset(self) -> None:
        """Runs after each reset (SortedTableModel sorts the new rows the way the view shows them)."""

    def set_rows(self, rows: Sequence[Any]) -> None:
        with self.resetting():
            self._rows = list(rows)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_item(self, row: int) -> Any:
        return self._rows[row]

    def set_context(self, catalog: Catalog, home: str, place_name: Callable[[str], str], language: str) -> None:
        """The catalog, own municipality and place names the cells are named from (set before set_rows)."""
        self._catalog, self._home, self._place_name, self._language = catalog, home, place_name, language

    def set_language(self, language: str) -> None:
        self._language = language
        self.refresh()

    def refresh(self) -> None:
        """Texts depend on the language (or the clock): ask the views to read everything again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # -- names shared by the tables of resources -----------------------------------------------------------
    def resource_name(self, code: str) -> str:
        """The catalog name in the table's language; a type not (yet) in the catalog keeps its code."""
        rtype = self._catalog.get(code) if self._catalog else None
        return rtype.name(self._language) if rtype else code

    def resource_unit(self, code: str) -> str:
        rtype = self._catalog.get(code) if self._catalog else None
        return rtype.unit if rtype else ""

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
        """A cell's own explanation; None: the cell's whole text (for a text cut at the column's width)."""
        return None

    def _tooltip(self, item: Any, column: int) -> str | None:
        said = self.tooltip(item, column)
        if said is not None or column in self.NUMERIC:
            return said
        return self.display(item, column) or None

    def bold(self, item: Any) -> bool:
        """Rows that stand out (the own municipality's, what would come to us)."""
        return False

    def row_value(self, item: Any) -> object:
        """What RowRole hands out for a row (the item itself, unless the model stores rows another way)."""
        return item

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
        item = self.row_item(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == SortRole:
            return self.sort_value(item, column)
        if role == RowRole:
            return self.row_value(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in self.NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.FontRole and self.bold(item):
            return _bold()
        return None


class SortedTableModel(ReadOnlyTableModel):
    """A table that sorts itself (see analysis_filter_proxy: a proxy's Python lessThan is too slow for
    150,000 rows). New rows are sorted the way the view last asked; selections follow their rows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def permutation(self, column: int, descending: bool) -> Sequence[int] | np.ndarray:
        """The current rows in their new order: entry j is the row that moves to position j."""
        raise NotImplementedError

    def reorder(self, permutation: np.ndarray) -> None:
        """Rearrange the stored rows by `permutation` (as returned by `permutation`)."""
        raise NotImplementedError

    def after_reset(self) -> None:
        if self._sorted is not None:
            self.sort(*self._sorted)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        permutation = np.asarray(self.permutation(column, order == Qt.SortOrder.DescendingOrder), dtype=np.intp)
        self.reorder(permutation)
        position = np.empty(len(permutation), dtype=np.intp)
        position[permutation] = np.arange(len(permutation))
        self.changePersistentIndexList(before, [self.index(int(position[i.row()]), i.column()) for i in before])
        self.layoutChanged.emit()
