"""The Requests tab (要請): requests in both directions, and the step each side can take next.

We are the requester of rows marked "We asked": we receive, return (equipment, staff) and cancel. We are the
supplier of rows marked "Asked of us": we answer (accept all or part, or decline) and dispatch. Each step is a
record of ours, sent to the partner with our next snapshot; their steps come back in theirs.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from disastershare.core.matching_model import Flow
from disastershare.core.requests import RequestStatus, RequestView
from disastershare.store.workspace import Workspace
from disastershare.ui.dialogs.request_dialog import RequestDialog
from disastershare.ui.dialogs.request_step_dialog import DISPATCH, RECEIVE, RETURN, RequestStepDialog
from disastershare.ui.dialogs.respond_dialog import RespondDialog
from disastershare.ui.models.request_table_model import RequestTableModel
from disastershare.ui.models.sort_proxy import SortRoleProxy
from disastershare.ui.request_actions import RequestActions
from disastershare.ui.request_draft import draft_from_flow
from disastershare.ui.translations import current_language
from disastershare.ui.views.tab_page import TabPage
from disastershare.ui.views.table_selection import select_source_row, selected_source_row
from disastershare.ui.views.table_views import fit_columns, read_only_table

_OPEN_TO_ANSWER = {RequestStatus.REQUESTED, RequestStatus.ACCEPTED, RequestStatus.PARTLY_ACCEPTED}
_CLOSED = {RequestStatus.CANCELLED, RequestStatus.DECLINED, RequestStatus.RETURNED}


class RequestsTab(TabPage):
    requests_changed = Signal()  # a step was taken: offers and shortfalls change
    # A request from a proposed transfer was made, or refused: said on the Shortfalls tab, where it was asked for.
    flow_request_made = Signal(str)
    flow_request_refused = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("requestsTab", "requestsMessage", parent)
        self._workspace = workspace
        self._language = current_language()
        self.actions = RequestActions(workspace, self)
        self.model = RequestTableModel(self)
        self.proxy = SortRoleProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = read_only_table("requestTable", self.proxy, sortable=True)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newRequestButton")
        self.respond_button = QPushButton()
        self.respond_button.setObjectName("respondButton")
        self.dispatch_button = QPushButton()
        self.dispatch_button.setObjectName("dispatchButton")
        self.receive_button = QPushButton()
        self.receive_button.setObjectName("receiveButton")
        self.return_button = QPushButton()
        self.return_button.setObjectName("returnButton")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelRequestButton")
        self.count_label = QLabel()
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.respond_button, self.dispatch_button, self.receive_button,
                       self.return_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message_line)
        layout.addWidget(self.view, 1)

        self.new_button.clicked.connect(lambda: self.open_new_request())
        self.respond_button.clicked.connect(self.open_respond)
        self.dispatch_button.clicked.connect(lambda: self.open_step(DISPATCH))
        self.receive_button.clicked.connect(lambda: self.open_step(RECEIVE))
        self.return_button.clicked.connect(lambda: self.open_step(RETURN))
        self.cancel_button.clicked.connect(lambda: self.cancel_selected())
        self.actions.changed.connect(self._changed)
        self.actions.done.connect(self.show_info)
        self.actions.refused.connect(self.show_error)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate()
        self.reload()

    # -- data ---------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read (after a step, an import of partners' snapshots, a restore); the selection is kept."""
        current = self.selected()
        self._workspace.invalidate_catalog()
        registry = self._workspace.registry()

        def place(code: str) -> str:
            found = registry.get(code)
            return f"{found.prefecture}{found.name}" if found else code

        self.model.set_requests(self.actions.requests(), self._workspace.catalog(), self._workspace.municipality,
                                place, self._language)
        fit_columns(self.view)
        if current is not None:
            self.select(current.id)
        self._update_buttons()

    def select(self, request_id: str) -> None:
        select_source_row(self.view, self.proxy, self.model.row_of(request_id))

    def selected(self) -> RequestView | None:
        row = selected_source_row(self.view, self.proxy)
        return None if row is None else self.model.request(row)

    def _ours(self, view: RequestView) -> bool:
        return view.requester == self._workspace.municipality

    def _update_buttons(self) -> None:
        view = self.selected()
        ours = view is not None and self._ours(view)
        theirs = view is not None and not ours
        self.respond_button.setEnabled(theirs and view.status in _OPEN_TO_ANSWER and view.dispatched == 0)
        self.dispatch_button.setEnabled(theirs and (view.accepted or 0) > view.dispatched
                                        and view.status not in _CLOSED)
        self.receive_button.setEnabled(ours and view.dispatched > view.received)
        self.return_button.setEnabled(ours and view.returnable and view.received > view.returned)
        self.cancel_button.setEnabled(ours and view.status not in _CLOSED and view.dispatched == 0)
        self.count_label.setText(self.tr("{count} requests").format(count=self.model.rowCount()))

    # -- steps ------------------------------------------------------------------------------------------------
    def _names(self, view: RequestView) -> tuple[str, str, str]:
        """(partner's name, resource name, unit) for dialogs."""
        partner = view.requester if not self._ours(view) else view.supplier
        found = self._workspace.registry().get(partner)
        rtype = self._workspace.catalog().get(view.resource)
        return (f"{found.prefecture}{found.name}" if found else partner,
                rtype.name(self._language) if rtype else view.resource, rtype.unit if rtype else "")

    def open_new_request(self, partner: str | None = None, resource: str | None = None,
                         quantity: int | None = None) -> RequestDialog:
        dialog = self._request_dialog()
        dialog.preset(partner, resource, quantity)
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.open()
        return dialog

    def open_request_for_flow(self, flow: Flow) -> RequestDialog:
        """The request dialog prefilled from a proposed transfer (the Shortfalls tab's button): nothing is asked
        of the partner until the person has checked it and pressed OK."""
        draft = draft_from_flow(self._workspace, flow)
        names = {"quantity": draft.quantity, "unit": self._unit(draft.resource), "km": draft.km,
                 "resource": self._resource_name(draft.resource), "partner": self._place(draft.partner)}
        dialog = self._request_dialog()
        dialog.preset(draft.partner, draft.resource, draft.quantity, needed_by=draft.needed_by, place=draft.place,
                      note=self.tr("From the proposed transfers ({km:,.1f} km)").format(km=draft.km))
        dialog.set_intro(self.tr(
            "Proposed transfer: {quantity:,} {unit} of {resource} from {partner} ({km:,.1f} km). Check the request "
            "and change what is needed: it is made only when you press OK, and goes out with the next "
            "snapshot.").format(**names))
        dialog.accepted.connect(lambda: self._create_from_flow(dialog))
        dialog.open()
        return dialog

    def _request_dialog(self) -> RequestDialog:
        dialog = RequestDialog(self.actions.partners(), self._workspace.catalog(), self._language, date.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def _create(self, dialog: RequestDialog) -> RequestView | None:
        to, resource, quantity, fields = dialog.values()
        if to is None or resource is None:
            self.show_error(self.tr("Choose a partner and a resource."))
            return None
        made = self.actions.create(to, resource, quantity, **fields)
        if made is not None:
            self.select(made.id)
        return made

    def _create_from_flow(self, dialog: RequestDialog) -> None:
        made = self._create(dialog)
        if made is None:
            self.flow_request_refused.emit(self.message_line.text())  # why not, where the person is looking
            return
        self.flow_request_made.emit(self.tr(
            "Request made: {quantity:,} {unit} of {resource} from {partner}. It goes out with the next "
            "snapshot.").format(quantity=made.quantity, unit=self._unit(made.resource),
                                resource=self._resource_name(made.resource), partner=self._place(made.supplier)))

    def _place(self, code: str) -> str:
        found = self._workspace.registry().get(code)
        return f"{found.prefecture}{found.name}" if found else code

    def _resource_name(self, code: str) -> str:
        rtype = self._workspace.catalog().get(code)
        return rtype.name(self._language) if rtype else code

    def _unit(self, code: str) -> str:
        rtype = self._workspace.catalog().get(code)
        return rtype.unit if rtype else ""

    def open_respond(self) -> RespondDialog | None:
        view = self.selected()
        if view is None:
            return None
        requester, resource, unit = self._names(view)
        dialog = RespondDialog(view, requester, resource, unit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.actions.respond(view.id, dialog.accepted_quantity(), dialog.declined(),
                                                             dialog.note()))
        dialog.open()
        return dialog

    def open_step(self, step: str) -> RequestStepDialog | None:
        view = self.selected()
        if view is None:
            return None
        partner, resource, unit = self._names(view)
        most = {DISPATCH: (view.accepted or 0) - view.dispatched, RECEIVE: view.dispatched - view.received,
                RETURN: view.received - view.returned}[step]
        summary = self.tr("{resource} — {partner}: requested {quantity:,}, accepted {accepted}, dispatched "
                          "{dispatched:,}, received {received:,}, returned {returned:,}").format(
            resource=resource, partner=partner, quantity=view.quantity,
            accepted=f"{view.accepted:,}" if view.accepted is not None else "–", dispatched=view.dispatched,
            received=view.received, returned=view.returned)
        dialog = RequestStepDialog(step, summary, unit, most, date.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._step(step, view.id, dialog))
        dialog.open()
        return dialog

    def _step(self, step: str, request_id: str, dialog: RequestStepDialog) -> None:
        if step == DISPATCH:
            self.actions.dispatch(request_id, dialog.quantity(), dialog.day(), dialog.expected_arrival())
        elif step == RECEIVE:
            self.actions.receive(request_id, dialog.quantity(), dialog.day())
        else:
            self.actions.return_items(request_id, dialog.quantity(), dialog.day())

    def cancel_selected(self, confirm: bool = True) -> QMessageBox | None:
        view = self.selected()
        if view is None:
            return None
        if not confirm:
            self.actions.cancel(view.id)
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cancel request"),
                          self.tr("Withdraw this request? The partner sees it cancelled after our next snapshot."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.actions.cancel(view.id))
        box.open()
        return box

    def _changed(self, request_id: str) -> None:
        self.reload()
        self.select(request_id)
        self.requests_changed.emit()

    # -- texts ---------------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Requests")

    def retranslate(self) -> None:
        self.help_label.setText(self.tr(
            "Requests we made and requests made to us. Each step is sent to the partner with the next snapshot; "
            "the status combines both sides' steps."))
        self.new_button.setText(self.tr("New request…"))
        self.respond_button.setText(self.tr("Answer…"))
        self.dispatch_button.setText(self.tr("Dispatch…"))
        self.receive_button.setText(self.tr("Receive…"))
        self.return_button.setText(self.tr("Return…"))
        self.cancel_button.setText(self.tr("Cancel request"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # retranslates on a language change
        if event.type() == QEvent.Type.LanguageChange and current_language() != self._language:
            self._language = current_language()
            self.model.set_language(self._language)  # resource names come from the catalog, not from Qt
