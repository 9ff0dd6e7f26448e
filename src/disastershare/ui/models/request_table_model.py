"""Requests in both directions (we asked a partner / a partner asked us), with the status derived from both sides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from disastershare.core.catalog import Catalog
from disastershare.core.requests import RequestStatus, RequestView
from disastershare.ui import styles
from disastershare.ui.models.record_table_model import RowRole, SortRole

Index = QModelIndex | QPersistentModelIndex

(DIRECTION, PARTNER, RESOURCE, QUANTITY, ACCEPTED, DISPATCHED, RECEIVED, RETURNED, UNIT, STATUS, NEEDED_BY, UPDATED,
 NOTES) = range(13)
HEADERS = (
    QT_TRANSLATE_NOOP("RequestColumns", "Direction"),
    QT_TRANSLATE_NOOP("RequestColumns", "Partner"),
    QT_TRANSLATE_NOOP("RequestColumns", "Resource"),
    QT_TRANSLATE_NOOP("RequestColumns", "Requested"),
    QT_TRANSLATE_NOOP("RequestColumns", "Accepted"),
    QT_TRANSLATE_NOOP("RequestColumns", "Dispatched"),
    QT_TRANSLATE_NOOP("RequestColumns", "Received"),
    QT_TRANSLATE_NOOP("RequestColumns", "Returned"),
    QT_TRANSLATE_NOOP("RequestColumns", "Unit"),
    QT_TRANSLATE_NOOP("RequestColumns", "Status"),
    QT_TRANSLATE_NOOP("RequestColumns", "Needed by"),
    QT_TRANSLATE_NOOP("RequestColumns", "Last change"),
    QT_TRANSLATE_NOOP("RequestColumns", "Notes"),
)
NUMERIC = {QUANTITY, ACCEPTED, DISPATCHED, RECEIVED, RETURNED}

STATUS_LABELS = {
    RequestStatus.REQUESTED: QT_TRANSLATE_NOOP("RequestStatus", "Awaiting answer"),
    RequestStatus.ACCEPTED: QT_TRANSLATE_NOOP("RequestStatus", "Accepted"),
    RequestStatus.PARTLY_ACCEPTED: QT_TRANSLATE_NOOP("RequestStatus", "Partly accepted"),
    RequestStatus.DECLINED: QT_TRANSLATE_NOOP("RequestStatus", "Declined"),
    RequestStatus.DISPATCHED: QT_TRANSLATE_NOOP("RequestStatus", "Dispatched"),
    RequestStatus.RECEIVED: QT_TRANSLATE_NOOP("RequestStatus", "Received"),
    RequestStatus.RETURNED: QT_TRANSLATE_NOOP("RequestStatus", "Returned"),
    RequestStatus.CANCELLED: QT_TRANSLATE_NOOP("RequestStatus", "Cancelled"),
}
# Pale fills under dark text (styles.CELL_TEXT): waiting yellow, agreed green, moving blue, refused red, done grey.
STATUS_FILLS = {
    RequestStatus.REQUESTED: styles.STALE_FILL,
    RequestStatus.ACCEPTED: styles.APPLIED_FILL,
    RequestStatus.PARTLY_ACCEPTED: QColor("#f1f8e9"),
    RequestStatus.DECLINED: styles.REFUSED_FILL,
    RequestStatus.DISPATCHED: QColor("#e3f2fd"),
    RequestStatus.RECEIVED: QColor("#e0f2f1"),
    RequestStatus.RETURNED: QColor("#eeeeee"),
    RequestStatus.CANCELLED: QColor("#eeeeee"),
}
WE_ASKED = QT_TRANSLATE_NOOP("RequestTableModel", "We asked")
ASKED_OF_US = QT_TRANSLATE_NOOP("RequestTableModel", "Asked of us")
# Sorting by status follows the lifecycle, not the alphabet.
STATUS_ORDER = {status: i for i, status in enumerate(STATUS_LABELS)}


def status_label(status: RequestStatus) -> str:
    return QCoreApplication.translate("RequestStatus", STATUS_LABELS[status])


class RequestTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._views: list[RequestView] = []
        self._home = ""
        self._language = "ja"
        self._catalog: Catalog | None = None
        self._place_name: Callable[[str], str] = str

    def set_requests(self, views: Sequence[RequestView], catalog: Catalog, home: str,
                     place_name: Callable[[str], str], language: str) -> None:
        self.beginResetModel()
        self._views = list(views)
        self._catalog, self._home, self._place_name, self._language = catalog, home, place_name, language
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self._language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._views:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._views) - 1, len(HEADERS) - 1))

    def request(self, row: int) -> RequestView:
        return self._views[row]

    def row_of(self, request_id: str) -> int | None:
        return next((r for r, v in enumerate(self._views) if v.id == request_id), None)

    def is_ours(self, row: int) -> bool:
        """We made this request (we are the requester)."""
        return self._views[row].requester == self._home

    def _value(self, view: RequestView, column: int) -> object:
        ours = view.requester == self._home
        rtype = self._catalog.get(view.resource) if self._catalog else None
        if column == DIRECTION:
            return QCoreApplication.translate("RequestTableModel", WE_ASKED if ours else ASKED_OF_US)
        if column == PARTNER:
            return self._place_name(view.supplier if ours else view.requester)
        if column == RESOURCE:
            return rtype.name(self._language) if rtype else view.resource
        if column == UNIT:
            return rtype.unit if rtype else ""
        if column == STATUS:
            return status_label(view.status)
        if column == NOTES:
            return " / ".join(n for n in (view.note, view.response_note) if n)
        return {QUANTITY: view.quantity, ACCEPTED: view.accepted, DISPATCHED: view.dispatched,
                RECEIVED: view.received, RETURNED: view.returned, NEEDED_BY: view.needed_by,
                UPDATED: view.updated_at}[column]

    # -- Qt model interface -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._views)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("RequestColumns", HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        view = self._views[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(view, column)
            if value is None:
                return ""
            if isinstance(value, datetime):
                return value.astimezone().strftime("%Y-%m-%d %H:%M")
            if isinstance(value, date):
                return value.isoformat()
            return f"{value:,}" if isinstance(value, int) else str(value)
        if role == SortRole:
            if column == STATUS:
                return STATUS_ORDER[view.status]
            value = self._value(view, column)
            return value.timestamp() if isinstance(value, datetime) else value
        if role == RowRole:
            return view
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            return STATUS_FILLS[view.status]
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return styles.CELL_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = [n for n in (view.note, view.response_note) if n]
            return "\n".join(notes) or None
        return None
