"""Sort a read-only table by its SortRole values (numbers as numbers, times as times); empty cells last."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from disastershare.ui.models.read_only_table_model import SortRole

Index = QModelIndex | QPersistentModelIndex


class SortRoleProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if a is None or b is None:
            return a is not None and b is None
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
