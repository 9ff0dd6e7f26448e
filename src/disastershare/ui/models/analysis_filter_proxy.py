"""The proxy in front of the analysis tables: filters by resource type; the source model sorts.

The shortfall table of a national picture has some 150,000 rows. A proxy sorting them through Python lessThan
calls takes seconds; the source models sort with numpy instead (their `sort` keeps persistent indexes, so
selections survive), and this proxy forwards header clicks to them and only filters.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from disastershare.ui.models.read_only_table_model import SortRole

Index = QModelIndex | QPersistentModelIndex


class AnalysisFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._resource: str | None = None
        self.setSortRole(SortRole)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def resource(self) -> str | None:
        return self._resource

    def set_resource(self, resource: str | None) -> None:
        """Show only rows of `resource` (None: every resource)."""
        if resource == self._resource:
            return
        if hasattr(self, "endFilterChange"):  # Qt 6.10+: tell views which way the filter went
            self.beginFilterChange()
            self._resource = resource
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._resource = resource
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._resource is None:
            return True
        return self.sourceModel().resource_at(source_row) == self._resource
