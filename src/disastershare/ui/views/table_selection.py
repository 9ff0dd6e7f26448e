"""Rows of a source model in a view that shows it through a proxy: select them (bar and map clicks, a row
kept across a reload) and read which one is selected."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSortFilterProxyModel
from PySide6.QtWidgets import QTableView


def select_source_rows(view: QTableView, proxy: QSortFilterProxyModel, rows: Sequence[int],
                       current: int | None = None) -> int:
    """Select `rows` (source rows) that the proxy shows, scroll to `current` (or the first); how many were selected."""
    source = proxy.sourceModel()
    last_column = source.columnCount() - 1
    shown = sorted(r for r in (proxy.mapFromSource(source.index(row, 0)).row() for row in rows) if r >= 0)
    selection = QItemSelection()
    start = previous = None
    for row in [*shown, None]:  # contiguous proxy rows become one range
        if row is not None and previous is not None and row == previous + 1:
            previous = row
            continue
        if start is not None:
            selection.select(proxy.index(start, 0), proxy.index(previous, last_column))
        start = previous = row
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().select(selection, flags)
    if shown:
        target = proxy.mapFromSource(source.index(current, 0)) if current is not None else proxy.index(shown[0], 0)
        if not target.isValid():
            target = proxy.index(shown[0], 0)
        view.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)
        view.scrollTo(target)
    return len(shown)


def select_source_row(view: QTableView, proxy: QSortFilterProxyModel, row: int | None) -> None:
    """Make source row `row` the one selected and current row (None: leave the selection as it is)."""
    if row is None:
        return
    index = proxy.mapFromSource(proxy.sourceModel().index(row, 0))
    view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.setCurrentIndex(index)


def selected_source_row(view: QTableView, proxy: QSortFilterProxyModel) -> int | None:
    """The source row of the (first) selected row, or None."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return proxy.mapToSource(rows[0]).row() if rows else None
