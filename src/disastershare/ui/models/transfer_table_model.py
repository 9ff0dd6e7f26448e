"""Proposed transfers: the flows of the current plan (the exact optimum, or a greedy preview until it arrives)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from disastershare.core.catalog import Catalog
from disastershare.core.matching_model import Flow
from disastershare.ui.models.record_table_model import RowRole, SortRole

Index = QModelIndex | QPersistentModelIndex

RESOURCE, SENDER, RECEIVER, QUANTITY, UNIT, KM, WEIGHT = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("AnalysisColumns", "Resource"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "From"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "To"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Quantity"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Unit"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "km"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Weight"),
)
NUMERIC = {QUANTITY, KM, WEIGHT}


class TransferTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._flows: list[Flow] = []
        self._home = ""
        self._language = "ja"
        self._catalog: Catalog | None = None
        self._place_name: Callable[[str], str] = str
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def set_flows(self, flows: Sequence[Flow], catalog: Catalog, home: str, place_name: Callable[[str], str],
                  language: str) -> None:
        self.beginResetModel()
        self._flows = list(flows)
        self._catalog, self._home, self._place_name, self._language = catalog, home, place_name, language
        self.endResetModel()
        if self._sorted is not None:
            self.sort(*self._sorted)

    def set_language(self, language: str) -> None:
        self._language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._flows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._flows) - 1, len(HEADERS) - 1))

    def flow(self, row: int) -> Flow:
        return self._flows[row]

    def flows(self) -> list[Flow]:
        return list(self._flows)

    def resource_at(self, row: int) -> str:
        return self._flows[row].resource

    def rows_where(self, resource: str | None = None, municipality: str | None = None) -> list[int]:
        return [r for r, f in enumerate(self._flows) if (resource is None or f.resource == resource)
                and (municipality is None or municipality in (f.sender, f.receiver))]

    def is_incoming(self, row: int) -> bool:
        """We are the receiver: a request can be made from this flow."""
        return self._flows[row].receiver == self._home

    def _value(self, flow: Flow, column: int) -> object:
        if column == RESOURCE:
            rtype = self._catalog.get(flow.resource) if self._catalog else None
            return rtype.name(self._language) if rtype else flow.resource
        if column == UNIT:
            rtype = self._catalog.get(flow.resource) if self._catalog else None
            return rtype.unit if rtype else ""
        return {SENDER: lambda: self._place_name(flow.sender), RECEIVER: lambda: self._place_name(flow.receiver),
                QUANTITY: lambda: flow.quantity, KM: lambda: flow.km, WEIGHT: lambda: flow.weight}[column]()

    # -- Qt model interface ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._flows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("AnalysisColumns", HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        flow = self._flows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(flow, column)
            if column == QUANTITY:
                return f"{value:,}"
            if column == KM:
                return f"{value:,.1f}"
            if column == WEIGHT:
                return f"{value:.2f}"
            return str(value)
        if role == SortRole:
            return self._value(flow, column)
        if role == RowRole:
            return flow
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and flow.receiver == self._home:
            font = QFont()
            font.setBold(True)  # what would come to us: the rows a request can be made from
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == WEIGHT and flow.weight != 1.0:
            return QCoreApplication.translate("TransferTableModel", "Mutual-aid partner: distance counted × {w:.2f}"
                                              ).format(w=flow.weight)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(self._flows[i.row()], i.column()) for i in before]
        indexed = sorted(range(len(self._flows)), key=lambda r: self._value(self._flows[r], column),
                         reverse=order == Qt.SortOrder.DescendingOrder)
        self._flows = [self._flows[r] for r in indexed]
        where = {id(f): r for r, f in enumerate(self._flows)}
        self.changePersistentIndexList(before, [self.index(where[id(f)], c) for f, c in moved])
        self.layoutChanged.emit()
