"""What a partner's latest applied snapshot added, changed and removed, per resource type."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP

from disastershare.core.catalog import Catalog
from disastershare.core.quantities import format_quantity
from disastershare.sync.history import ResourceChange
from disastershare.ui.models.read_only_table_model import ReadOnlyTableModel

COL_RESOURCE, COL_CODE, COL_ADDED, COL_CHANGED, COL_REMOVED = range(5)


class ResourceChangesTableModel(ReadOnlyTableModel):
    CONTEXT = "ResourceChanges"
    HEADERS = (
        QT_TRANSLATE_NOOP("ResourceChanges", "Resource"),
        QT_TRANSLATE_NOOP("ResourceChanges", "Code"),
        QT_TRANSLATE_NOOP("ResourceChanges", "Added"),
        QT_TRANSLATE_NOOP("ResourceChanges", "Changed"),
        QT_TRANSLATE_NOOP("ResourceChanges", "Removed"),
    )
    NUMERIC = frozenset({COL_ADDED, COL_CHANGED, COL_REMOVED})

    def __init__(self, catalog: Catalog, language: str, parent=None) -> None:
        super().__init__(parent)
        self._catalog, self._language = catalog, language

    def set_changes(self, changes: Sequence[ResourceChange], catalog: Catalog | None = None) -> None:
        if catalog is not None:
            self._catalog = catalog  # a snapshot may have brought the partner's local types
        self.set_rows(changes)

    def display(self, change: ResourceChange, column: int) -> str:
        if column == COL_RESOURCE:
            return self.resource_name(change.resource)
        if column == COL_CODE:
            return change.resource
        return format_quantity((change.added, change.changed, change.removed)[column - COL_ADDED])

    def sort_value(self, change: ResourceChange, column: int) -> object:
        if column >= COL_ADDED:
            return (change.added, change.changed, change.removed)[column - COL_ADDED]
        return self.display(change, column)
