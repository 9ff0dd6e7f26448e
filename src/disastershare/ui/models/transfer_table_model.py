"""Proposed transfers: the flows of the current plan (the exact optimum, or a greedy preview until it arrives)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from disastershare.core.catalog import Catalog
from disastershare.core.matching_model import Flow
from disastershare.ui.models.read_only_table_model import SortedTableModel

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
NUMERIC = frozenset({QUANTITY, KM, WEIGHT})


class TransferTableModel(SortedTableModel):
    CONTEXT = "AnalysisColumns"
    HEADERS = HEADERS
    NUMERIC = NUMERIC

    def set_flows(self, flows: Sequence[Flow], catalog: Catalog, home: str, place_name: Callable[[str], str],
                  language: str) -> None:
        self.set_context(catalog, home, place_name, language)
        self.set_rows(flows)

    def flow(self, row: int) -> Flow:
        return self.row_item(row)

    def flows(self) -> list[Flow]:
        return self.rows()

    def resource_at(self, row: int) -> str:
        return self._rows[row].resource

    def rows_where(self, resource: str | None = None, municipality: str | None = None) -> list[int]:
        return [r for r, f in enumerate(self._rows) if (resource is None or f.resource == resource)
                and (municipality is None or municipality in (f.sender, f.receiver))]

    def is_incoming(self, row: int) -> bool:
        """We are the receiver: a request can be made from this flow."""
        return self._rows[row].receiver == self._home

    def _value(self, flow: Flow, column: int) -> object:
        if column == RESOURCE:
            return self.resource_name(flow.resource)
        if column == UNIT:
            return self.resource_unit(flow.resource)
        return {SENDER: lambda: self._place_name(flow.sender), RECEIVER: lambda: self._place_name(flow.receiver),
                QUANTITY: lambda: flow.quantity, KM: lambda: flow.km, WEIGHT: lambda: flow.weight}[column]()

    # -- cells -----------------------------------------------------------------------------------------------
    def display(self, flow: Flow, column: int) -> str:
        value = self._value(flow, column)
        if column == QUANTITY:
            return f"{value:,}"
        if column == KM:
            return f"{value:,.1f}"
        if column == WEIGHT:
            return f"{value:.2f}"
        return str(value)

    def sort_value(self, flow: Flow, column: int) -> object:
        return self._value(flow, column)

    def bold(self, flow: Flow) -> bool:
        return flow.receiver == self._home  # what would come to us: the rows a request can be made from

    def tooltip(self, flow: Flow, column: int) -> str | None:
        if column == WEIGHT and flow.weight != 1.0:
            return QCoreApplication.translate("TransferTableModel", "Mutual-aid partner: distance counted × {w:.2f}"
                                              ).format(w=flow.weight)
        return None

    # -- sorting (the model sorts; see SortedTableModel) ------------------------------------------------------
    def permutation(self, column: int, descending: bool) -> list[int]:
        return sorted(range(len(self._rows)), key=lambda r: self._value(self._rows[r], column), reverse=descending)

    def reorder(self, permutation: np.ndarray) -> None:
        self._rows = [self._rows[r] for r in permutation]
