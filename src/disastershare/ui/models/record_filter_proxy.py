"""Filter records by kind, category and free text; sort by the models' raw SortRole values."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from disastershare.core.catalog import ResourceKind
from disastershare.core.registry import fold_kana
from disastershare.ui.models.record_table_model import RecordTableModel, SortRole

Index = QModelIndex | QPersistentModelIndex


class RecordFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._kind: ResourceKind | None = None
        self._category: str | None = None
        self._text = ""
        self.setSortRole(SortRole)
        # Edits re-sort and re-filter live so an edited row lands where it belongs.
        self.setDynamicSortFilter(True)

    def source(self) -> RecordTableModel:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateFilter() with a begin/end pair that also tells views which way it went.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def set_kind(self, kind: ResourceKind | None) -> None:
        if kind != self._kind:
            self._refilter(lambda: setattr(self, "_kind", kind))

    def set_category(self, category: str | None) -> None:
        if category != self._category:
            self._refilter(lambda: setattr(self, "_category", category))

    def set_text(self, text: str) -> None:
        """Kana-insensitive substring match: 'ぶるーしーと' finds ブルーシート, 's-tarp' finds S-TARP."""
        folded = fold_kana(text)
        if folded != self._text:
            self._refilter(lambda: setattr(self, "_text", folded))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.source()
        if self._kind is not None or self._category is not None:
            rtype = model.resource_type(source_row)
            if rtype is None:
                return False
            if self._kind is not None and rtype.kind is not self._kind:
                return False
            if self._category is not None and rtype.category != self._category:
                return False
        return not self._text or self._text in model.search_key(source_row)

    def lessThan(self, left: Index, right: Index) -> bool:
        # Raw values straight from the model (no QVariant round trip); empty cells sort last.
        model = self.source()
        a = model.sort_value(left.row(), left.column())
        b = model.sort_value(right.row(), right.column())
        if a is None or b is None:
            return a is not None and b is None
        try:
            return a < b
        except TypeError:  # mixed types in one column (should not happen): fall back to text
            return str(a) < str(b)
