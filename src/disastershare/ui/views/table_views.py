"""Read-only table views set up the same way wherever a tab lists things (partners, imports, report tables)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

MAX_COLUMN_WIDTH = 360  # a long file name or reason must not push the other columns off screen


def read_only_table(name: str, model: QAbstractItemModel | None = None, sortable: bool = False,
                    stretch_last: bool = True) -> QTableView:
    """`stretch_last`: off where the last column holds numbers, which would drift to the far right."""
    view = QTableView()
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    if sortable:
        view.setSortingEnabled(True)
        view.sortByColumn(-1, view.horizontalHeader().sortIndicatorOrder())
    return view


def fit_columns(view: QTableView) -> None:
    """Columns as wide as their contents and headers, capped; the last one stretches."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > MAX_COLUMN_WIDTH:
            header.resizeSection(column, MAX_COLUMN_WIDTH)
