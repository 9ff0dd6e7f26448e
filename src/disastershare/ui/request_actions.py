"""The request steps as the Requests tab takes them: each through store.request_store, refusals as one line.

Every step that succeeded emits `changed` (the tab re-reads, the analysis re-reads: committed quantities stop
being offered) and `done` with what was done; a refusal emits `refused` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from disastershare.core.errors import DomainError
from disastershare.core.requests import RequestView
from disastershare.store import request_store
from disastershare.store.workspace import Workspace
from disastershare.sync.partners import Partner, list_partners
from disastershare.ui.labels import field_label
from disastershare.ui.reason_text import localized_reason
from disastershare.ui.translations import current_language

# Fields of request records, as named in refusals (the core's reason follows in its own words).
_FIELDS = {
    "to": QT_TRANSLATE_NOOP("RequestFields", "partner"),
    "quantity": QT_TRANSLATE_NOOP("RequestFields", "quantity"),
    "accepted": QT_TRANSLATE_NOOP("RequestFields", "accepted quantity"),
    "period_from": QT_TRANSLATE_NOOP("RequestFields", "first day of work"),
    "period_to": QT_TRANSLATE_NOOP("RequestFields", "last day of work"),
    "return_by": QT_TRANSLATE_NOOP("RequestFields", "return date"),
    "needed_by": QT_TRANSLATE_NOOP("RequestFields", "needed by"),
    "work_type": QT_TRANSLATE_NOOP("RequestFields", "work type"),
    "place": QT_TRANSLATE_NOOP("RequestFields", "place"),
    "note": QT_TRANSLATE_NOOP("RequestFields", "note"),
    "owner": QT_TRANSLATE_NOOP("RequestFields", "who takes the step"),
}


def _field_name(field: str) -> str:
    source = _FIELDS.get(field)
    return QCoreApplication.translate("RequestFields", source) if source else field_label(field)


class RequestActions(QObject):
    changed = Signal(str)  # the id of the request a step was taken on
    done = Signal(str)
    refused = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace

    def requests(self) -> list[RequestView]:
        return request_store.list_requests(self.workspace)

    def partners(self) -> list[Partner]:
        """Partners a request can go to (enabled ones)."""
        return [p for p in list_partners(self.workspace) if p.enabled]

    def _take(self, step: Callable[[], RequestView], text: str) -> RequestView | None:
        try:
            view = step()
        except DomainError as exc:
            field = getattr(exc, "field", None)
            reason = localized_reason(str(exc), current_language())
            self.refused.emit(self.tr("Refused ({field}): {reason}").format(field=_field_name(field), reason=reason)
                              if field else self.tr("Refused: {reason}").format(reason=reason))
            return None
        self.changed.emit(view.id)
        self.done.emit(text)
        return view

    # -- the requester's steps --------------------------------------------------------------------------------
    def create(self, to: str, resource: str, quantity: int, **fields: object) -> RequestView | None:
        """fields: needed_by, note, work_type, place, period_from, period_to, return_by (see create_request)."""
        return self._take(lambda: request_store.create_request(self.workspace, to, resource, quantity, **fields),
                          self.tr("Request made; it goes to the partner with the next snapshot."))

    def receive(self, request_id: str, quantity: int, received_on: date) -> RequestView | None:
        return self._take(lambda: request_store.receive(self.workspace, request_id, quantity, received_on),
                          self.tr("Receipt of {quantity:,} recorded.").format(quantity=quantity))

    def return_items(self, request_id: str, quantity: int, returned_on: date) -> RequestView | None:
        return self._take(lambda: request_store.return_items(self.workspace, request_id, quantity, returned_on),
                          self.tr("Return of {quantity:,} recorded.").format(quantity=quantity))

    def cancel(self, request_id: str) -> RequestView | None:
        return self._take(lambda: request_store.cancel(self.workspace, request_id), self.tr("Request cancelled."))

    # -- the supplier's steps ---------------------------------------------------------------------------------
    def respond(self, request_id: str, accept: int | None = None, decline: bool = False,
                note: str = "") -> RequestView | None:
        text = self.tr("Declined.") if decline else self.tr("Accepted {quantity:,}.").format(quantity=accept or 0)
        return self._take(lambda: request_store.respond(self.workspace, request_id, accept, decline, note), text)

    def dispatch(self, request_id: str, quantity: int, dispatched_on: date,
                 expected_arrival: date | None) -> RequestView | None:
        return self._take(lambda: request_store.dispatch(self.workspace, request_id, quantity, dispatched_on,
                                                         expected_arrival),
                          self.tr("Dispatch of {quantity:,} recorded.").format(quantity=quantity))
