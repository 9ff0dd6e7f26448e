"""The Requests tab: a request made in one workspace travels to the partner, is answered in part there, and comes
back as a commitment (two snapshot exchanges); dispatch and receipt follow; refusals show as one line."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from disastershare.core.requests import RequestStatus
from disastershare.store.request_store import create_request, list_requests
from disastershare.ui.dialogs.request_dialog import RequestDialog
from disastershare.ui.dialogs.request_step_dialog import DISPATCH, RECEIVE
from disastershare.ui.main_window import MainWindow
from disastershare.ui.models import request_table_model as rm
from disastershare.ui.models.record_table_model import RowRole, SortRole
from disastershare.ui.models.request_table_model import RequestTableModel
from disastershare.ui.translations import apply_language
from disastershare.ui.views.requests_tab import RequestsTab

from .analysis_kit import A, B, keyed, link, loaded, send

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def pair(app, make_workspace):
    a = keyed(make_workspace, A, "a")
    b = keyed(make_workspace, B, "b")
    link(a, b)
    return a, b


def requests_tab(qtbot, workspace) -> RequestsTab:
    tab = RequestsTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1100, 500)
    tab.show()
    return tab


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def select_row(tab: RequestsTab, row: int) -> None:
    index = tab.proxy.mapFromSource(tab.model.index(row, 0))
    tab.view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_request_model_rows_status_in_ui_language_and_colours(pair):
    a, _ = pair
    view = create_request(a, B, "S-WATER", 600)
    apply_language("ja")
    model = RequestTableModel()
    model.set_requests([view], a.catalog(), A, lambda code: f"name-{code}", "ja")
    assert model.rowCount() == 1
    assert [model.index(0, c).data(DISPLAY) for c in (rm.DIRECTION, rm.PARTNER, rm.RESOURCE, rm.QUANTITY,
                                                        rm.ACCEPTED, rm.UNIT, rm.STATUS)] == [
        "自団体から要請", f"name-{B}", "飲料水（保存水）", "600", "", "L", "回答待ち"]
    assert model.index(0, rm.STATUS).data(Qt.ItemDataRole.BackgroundRole) == rm.STATUS_FILLS[RequestStatus.REQUESTED]
    assert model.index(0, rm.STATUS).data(SortRole) == 0  # lifecycle order, not alphabetical
    assert model.index(0, 0).data(RowRole) == view
    assert model.headerData(rm.STATUS, Qt.Orientation.Horizontal) == "状況"


def test_request_travels_to_the_partner_and_back_as_a_commitment(qtbot, pair, tmp_path):
    a, b = pair
    tab_a = requests_tab(qtbot, a)
    # Given 千代田区 asks 中央区 for 600 L of water through the New request dialog
    dialog = tab_a.open_new_request()
    assert isinstance(dialog, RequestDialog)
    dialog.preset(B, "S-WATER")
    dialog.quantity_spin.setValue(600)
    dialog.note_edit.setText("避難所用")
    ok(dialog)
    assert tab_a.model.rowCount() == 1
    assert tab_a.model.request(0).status is RequestStatus.REQUESTED
    assert tab_a.message_line.text().startswith("Request made")
    # When the request reaches 中央区 with A's snapshot
    send(a, b, tmp_path / "a-out")
    tab_b = requests_tab(qtbot, b)
    assert tab_b.model.rowCount() == 1 and not tab_b.model.is_ours(0)
    select_row(tab_b, 0)
    assert tab_b.respond_button.isEnabled() and not tab_b.cancel_button.isEnabled()
    # And 中央区 accepts part of it, 250, with a note
    respond = tab_b.open_respond()
    assert "600 L" in respond.all_radio.text()
    qtbot.mouseClick(respond.part_radio, Qt.MouseButton.LeftButton)
    respond.part_spin.setValue(250)
    respond.note_edit.setText("残りは明日")
    assert respond.accepted_quantity() == 250 and not respond.declined()
    ok(respond)
    answered = tab_b.model.request(0)
    assert (answered.accepted, answered.status, answered.response_note) == (
        250, RequestStatus.PARTLY_ACCEPTED, "残りは明日")
    # Then, with B's snapshot back at A, A sees the commitment
    send(b, a, tmp_path / "b-out")
    tab_a.reload()
    view = tab_a.model.request(0)
    assert (view.accepted, view.status) == (250, RequestStatus.PARTLY_ACCEPTED)
    assert tab_a.model.index(0, rm.STATUS).data(DISPLAY) == "Partly accepted"

    # And B dispatches, A receives: both through the step dialog
    select_row(tab_b, 0)
    step = tab_b.open_step(DISPATCH)
    assert step.quantity() == 250
    step.arrival_check.setChecked(True)
    ok(step)
    assert tab_b.model.request(0).dispatched == 250
    send(b, a, tmp_path / "b-out-2")
    tab_a.reload()
    select_row(tab_a, 0)
    assert tab_a.receive_button.isEnabled() and not tab_a.cancel_button.isEnabled()
    step = tab_a.open_step(RECEIVE)
    ok(step)
    assert tab_a.model.request(0).status is RequestStatus.RECEIVED


def test_committed_request_drawn_solid_on_the_map(qtbot, pair, tmp_path):
    a, b = pair
    made = create_request(a, B, "S-WATER", 600)
    send(a, b, tmp_path / "a-out")
    tab_b = requests_tab(qtbot, b)
    tab_b.actions.respond(made.id, accept=400)
    send(b, a, tmp_path / "b-out")
    window = MainWindow(a, "en")
    qtbot.addWidget(window)
    window.show()
    loaded(qtbot, window.analysis)
    window.analysis.set_resource("S-WATER")
    lines = window.shortfall_tab.map_view.chart.lines
    assert [(line.sender, line.receiver, line.quantity, line.committed) for line in lines] == [(B, A, 400, True)]
    window.close()


def test_refusals_show_as_one_line(qtbot, pair):
    a, _ = pair
    tab = requests_tab(qtbot, a)
    made = create_request(a, B, "S-WATER", 600)
    tab.reload()
    # Receiving what was never dispatched is refused by the store, with its reason on one line
    tab.actions.receive(made.id, 10, date.today())
    assert tab.message_line.refused and "\n" not in tab.message_line.text()
    assert tab.message_line.text().startswith("Refused")
    assert list_requests(a)[0].received == 0
    # Cancelling works while nothing is dispatched
    select_row(tab, 0)
    tab.cancel_selected(confirm=False)
    assert tab.model.request(0).status is RequestStatus.CANCELLED
    assert not tab.cancel_button.isEnabled()


def test_request_dialog_fields_follow_the_resource_kind(qtbot, pair):
    a, _ = pair
    tab = requests_tab(qtbot, a)
    dialog = tab.open_new_request(partner=B, resource="P-SHELTER", quantity=3)
    # Staff: work type and period, no return date
    assert dialog.work_type_edit.isVisibleTo(dialog) and dialog.period_from_edit.isVisibleTo(dialog)
    assert not dialog.return_edit.isVisibleTo(dialog)
    assert dialog.labels["quantity"].text() == "Headcount:"
    dialog.work_type_edit.setText("避難所運営")
    to, resource, quantity, fields = dialog.values()
    assert (to, resource, quantity) == (B, "P-SHELTER", 3)
    assert fields["work_type"] == "避難所運営" and fields["period_from"] <= fields["period_to"]
    ok(dialog)
    assert tab.model.request(0).work_type == "避難所運営"
    # Equipment: a return date, no period
    dialog = tab.open_new_request(partner=B, resource="E-GENERATOR", quantity=2)
    assert dialog.return_edit.isVisibleTo(dialog) and not dialog.period_from_edit.isVisibleTo(dialog)
    dialog.return_check.setChecked(True)
    assert "return_by" in dialog.values()[3] and "period_from" not in dialog.values()[3]
    dialog.reject()
