"""Read-only table views set up the same way wherever a tab lists things (partners, imports, reports, analysis)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, QTimer
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
    """Columns as wide as their contents and headers, capped at `max_width` (a longer cell is elided and its
    tooltip has it whole) but never narrower than the header; the last one stretches.

    Fitted again after a language change: Japanese headers (提供可能数) are wider than English ones."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        cap = max(max_width, header_width(view, column))
        if header.sectionSize(column) > cap:
            header.resizeSection(column, cap)
    if view.property(_FITTED_TO) is None:
        view.installEventFilter(_refitter())
    view.setProperty(_FITTED_TO, max_width)


def header_width(view: QTableView, column: int) -> int:
    """The width the header's text needs in its section (with the sort arrow's room)."""
    header = view.horizontalHeader()
    return header.sectionSizeFromContents(column).width()


_FITTED_TO = "fittedColumnWidth"  # the view's cap, kept for the refit after a language change


class _Refitter(QObject):
    """Fits a view's columns again once a language change has reached its models (on the next loop turn)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and isinstance(watched, QTableView):
            view = watched
            QTimer.singleShot(0, view, lambda: fit_columns(view, int(view.property(_FITTED_TO))))
        return False


_REFITTER: _Refitter | None = None


def _refitter() -> _Refitter:
    global _REFITTER
    if _REFITTER is None:
        _REFITTER = _Refitter(QCoreApplication.instance())
    return _REFITTER
