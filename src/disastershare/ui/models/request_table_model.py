"""Requests in both directions (we asked a partner / a partner asked us), with the status derived from both sides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from disastershare.core.catalog import Catalog
from disastershare.core.requests import RequestStatus, RequestView
from disastershare.ui import styles
from disastershare.ui.models.read_only_table_model import ReadOnlyTableModel

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
NUMERIC = frozenset({QUANTITY, ACCEPTED, DISPATCHED, RECEIVED, RETURNED})

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


class RequestTableModel(ReadOnlyTableModel):
    CONTEXT = "RequestColumns"
    HEADERS = HEADERS
    NUMERIC = NUMERIC

    def set_requests(self, views: Sequence[RequestView], catalog: Catalog, home: str,
                     place_name: Callable[[str], str], language: str) -> None:
        self.set_context(catalog, home, place_name, language)
        self.set_rows(views)

    def request(self, row: int) -> RequestView:
        return self.row_item(row)

    def row_of(self, request_id: str) -> int | None:
        return next((r for r, v in enumerate(self._rows) if v.id == request_id), None)

    def is_ours(self, row: int) -> bool:
        """We made this request (we are the requester)."""
        return self._rows[row].requester == self._home

    def _value(self, view: RequestView, column: int) -> object:
        ours = view.requester == self._home
        if column == DIRECTION:
            return QCoreApplication.translate("RequestTableModel", WE_ASKED if ours else ASKED_OF_US)
        if column == PARTNER:
            return self._place_name(view.supplier if ours else view.requester)
        if column == RESOURCE:
            return self.resource_name(view.resource)
        if column == UNIT:
            return self.resource_unit(view.resource)
        if column == STATUS:
            return status_label(view.status)
        if column == NOTES:
            return " / ".join(n for n in (view.note, view.response_note) if n)
        return {QUANTITY: view.quantity, ACCEPTED: view.accepted, DISPATCHED: view.dispatched,
                RECEIVED: view.received, RETURNED: view.returned, NEEDED_BY: view.needed_by,
                UPDATED: view.updated_at}[column]

    # -- cells -----------------------------------------------------------------------------------------------
    def display(self, view: RequestView, column: int) -> str:
        value = self._value(view, column)
        if value is None:
            return ""
        if isinstance(value, datetime):
            return value.astimezone().strftime("%Y-%m-%d %H:%M")
        if isinstance(value, date):
            return value.isoformat()
        return f"{value:,}" if isinstance(value, int) else str(value)

    def sort_value(self, view: RequestView, column: int) -> object:
        if column == STATUS:
            return STATUS_ORDER[view.status]
        value = self._value(view, column)
        return value.timestamp() if isinstance(value, datetime) else value

    def background(self, view: RequestView, column: int) -> object:
        return STATUS_FILLS[view.status] if column == STATUS else None

    def foreground(self, view: RequestView, column: int) -> object:
        return styles.CELL_TEXT if column == STATUS else None

    def tooltip(self, view: RequestView, column: int) -> str | None:
        return "\n".join(n for n in (view.note, view.response_note) if n) or None
