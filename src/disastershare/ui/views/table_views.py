"""Read-only table views set up the same way wherever a tab lists things (partners, imports, reports, analysis)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

MAX_COLUMN_WIDTH = 360  # a long file name or reason must not push the other columns off screen


def read_only_table(name: str, model: QAbstractItemModel | None = None, sortable: bool = False,
                    stretch_last: bool = True, multi_select: bool = False) -> QTableView:
    """`stretch_last`: off where the last column holds numbers, which would drift to the far right.
    `multi_select`: rows may be selected together (the analysis tables select a resource's or a place's rows)."""
    view = QTableView()
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if not multi_select:
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


def fit_columns(view: QTableView, max_width: int = MAX_COLUMN_WIDTH) -> None:
    """Columns as wide as their contents and headers, capped at `max_width`; the last one stretches."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > max_width:
            header.resizeSection(column, max_width)
