"""Shortfalls and offerable surpluses per municipality and resource type (rows of core.shortfalls.positions).

Only positions with a shortfall or a surplus are rows. Values are kept as numpy columns and looked up by row
through `_order`, which `sort` rearranges with numpy (see analysis_filter_proxy for why the model sorts);
the cells' `item` is a position in those columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex
from PySide6.QtGui import QColor

from disastershare.core.catalog import Catalog
from disastershare.ui.models.read_only_table_model import Index, SortedTableModel

PLACE, RESOURCE, NEED, AVAILABLE, SHORTFALL, PERCENT, SURPLUS, UNIT = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("AnalysisColumns", "Municipality"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Resource"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Need"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Available"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Shortfall"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Short %"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Can offer"),
    QT_TRANSLATE_NOOP("AnalysisColumns", "Unit"),
)
NUMERIC = frozenset({NEED, AVAILABLE, SHORTFALL, PERCENT, SURPLUS})
SHORT_TEXT = QColor("#b71c1c")
SURPLUS_TEXT = QColor("#0d47a1")


@dataclass(frozen=True, slots=True)
class ShortfallRow:
    municipality: str
    resource: str
    need: int
    available: int
    shortfall: int
    surplus: int
    unit: str


class ShortfallTableModel(SortedTableModel):
    CONTEXT = "AnalysisColumns"
    HEADERS = HEADERS
    NUMERIC = NUMERIC

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame(columns=["municipality", "resource", "need", "available", "shortfall", "surplus",
                                            "unit"])
        self._columns: dict[str, np.ndarray] = {}
        self._order = np.zeros(0, dtype=np.intp)
        self._places: np.ndarray = np.zeros(0, dtype=object)
        self._names: np.ndarray = np.zeros(0, dtype=object)
        self._load_columns()

    # -- content ---------------------------------------------------------------------------------------------
    def set_positions(self, table: pd.DataFrame, catalog: Catalog, home: str, place_name: Callable[[str], str],
                      language: str) -> None:
        with self.resetting():
            self._frame = table[(table["shortfall"] > 0) | (table["surplus"] > 0)].reset_index(drop=True)
            self.set_context(catalog, home, place_name, language)
            self._load_columns()

    def _load_columns(self) -> None:
        frame = self._frame
        self._columns = {key: frame[key].to_numpy() for key in frame.columns}
        need = self._columns["need"].astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            self._percent = np.where(need > 0, 100.0 * self._columns["shortfall"] / need, 0.0)
        codes = pd.Series(self._columns["municipality"], dtype=object)
        names = {code: self._place_name(code) for code in codes.unique()}
        self._places = codes.map(names).to_numpy(dtype=object)
        self._order = np.arange(len(frame), dtype=np.intp)
        self._load_names()

    def _load_names(self) -> None:
        resources = pd.Series(self._columns["resource"], dtype=object)
        names = {code: self.resource_name(code) for code in resources.unique()}
        self._names = resources.map(names).to_numpy(dtype=object)

    def set_language(self, language: str) -> None:
        self._language = language
        self._load_names()
        self.refresh()

    # -- look-ups ----------------------------------------------------------------------------------------------
    def row(self, row: int) -> ShortfallRow:
        return self.row_value(self._order[row])

    def resource_at(self, row: int) -> str:
        return self._columns["resource"][self._order[row]]

    def rows_where(self, resource: str | None = None, municipality: str | None = None) -> list[int]:
        """Model rows of a resource, a municipality, or both."""
        mask = np.ones(len(self._order), dtype=bool)
        if resource is not None:
            mask &= self._columns["resource"][self._order] == resource
        if municipality is not None:
            mask &= self._columns["municipality"][self._order] == municipality
        return np.flatnonzero(mask).tolist()

    def _key(self, column: int) -> np.ndarray:
        c = self._columns
        return {PLACE: self._places, RESOURCE: self._names, NEED: c["need"], AVAILABLE: c["available"],
                SHORTFALL: c["shortfall"], PERCENT: self._percent, SURPLUS: c["surplus"], UNIT: c["unit"]}[column]

    # -- cells: `i` is a position in the columns ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._order)

    def row_item(self, row: int) -> int:
        return self._order[row]

    def row_value(self, i: int) -> ShortfallRow:
        c = self._columns
        return ShortfallRow(str(c["municipality"][i]), str(c["resource"][i]), int(c["need"][i]),
                            int(c["available"][i]), int(c["shortfall"][i]), int(c["surplus"][i]), str(c["unit"][i]))

    def display(self, i: int, column: int) -> str:
        value = self._key(column)[i]
        if column == PERCENT:
            return f"{value:.0f}%" if self._columns["shortfall"][i] > 0 else ""
        if column in (SHORTFALL, SURPLUS) and value == 0:
            return ""
        return f"{int(value):,}" if column in NUMERIC else str(value)

    def sort_value(self, i: int, column: int) -> object:
        value = self._key(column)[i]
        return value.item() if isinstance(value, np.generic) else value

    def foreground(self, i: int, column: int) -> object:
        if column in (SHORTFALL, PERCENT) and self._columns["shortfall"][i] > 0:
            return SHORT_TEXT
        if column == SURPLUS and self._columns["surplus"][i] > 0:
            return SURPLUS_TEXT
        return None

    def bold(self, i: int) -> bool:
        return self._columns["municipality"][i] == self._home  # the own rows stand out among partners'

    # -- sorting (with numpy; see SortedTableModel) --------------------------------------------------------------
    def permutation(self, column: int, descending: bool) -> np.ndarray:
        keys = self._key(column)[self._order]
        if keys.dtype == object:
            keys = keys.astype(str)
        permutation = np.argsort(keys, kind="stable")
        return permutation[::-1] if descending else permutation

    def reorder(self, permutation: np.ndarray) -> None:
        self._order = self._order[permutation]
