"""Matching in the background: the exact plan in the transfer table, the greedy preview before it, Cancel, and
one click from a proposed transfer to a request."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from disastershare.core.matching import match, match_steps, transport_problems
from disastershare.store.request_store import list_requests
from disastershare.ui.analysis_controller import AnalysisController
from disastershare.ui.analysis_data import WorkspaceSource, load_analysis
from disastershare.ui.dialogs.request_dialog import RequestDialog
from disastershare.ui.main_window import MainWindow
from disastershare.ui.translations import apply_language
from disastershare.ui.views.shortfall_tab import ShortfallTab

from .analysis_kit import WATER_NEEDED_BY, A, B, loaded, scenario
from .conftest import add_item, add_need


@pytest.fixture
def partners(app, make_workspace, tmp_path):
    return scenario(make_workspace, tmp_path)


def make_tab(qtbot, controller: AnalysisController) -> ShortfallTab:
    tab = ShortfallTab(controller)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    return tab


def test_worker_finishes_with_the_exact_plan_in_the_table(qtbot, partners):
    a = partners[0]
    controller = AnalysisController(WorkspaceSource(a))
    tab = make_tab(qtbot, controller)
    progress = []
    controller.matching_progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(controller.matching_finished, timeout=15_000):
        controller.reload()
    # Then the table holds the plan core.matching.match finds on the same data, at the same cost
    data = load_analysis(a)
    expected = match(transport_problems(data.positions), data.registry, data.preferences)
    shown = tab.transfer_model.flows()
    assert sorted((f.resource, f.sender, f.receiver, f.quantity) for f in shown) == sorted(
        (f.resource, f.sender, f.receiver, f.quantity) for f in expected.flows)
    assert sum(f.cost for f in shown) == pytest.approx(expected.total_cost, rel=1e-9)
    assert controller.plan.exact and controller.plan.result.total_cost == pytest.approx(expected.total_cost)
    assert progress[-1] == (3, 3)  # every type short somewhere: water, blankets, generators (nobody offers: unmet)
    assert tab.status.state_label.text().startswith("Optimal plan: 3 transfers")
    assert not tab.status.progress.isVisible() and tab.status.rerun_button.isVisible()
    controller.shutdown()


def test_greedy_preview_shows_marked_until_the_exact_plan_replaces_it(qtbot, partners):
    release = threading.Event()

    def slow_exact(problems, registry, preferences):
        yield 0, len(problems)
        assert release.wait(10)
        return (yield from match_steps(problems, registry, preferences))

    apply_language("ja")
    controller = AnalysisController(WorkspaceSource(partners[0]), solve=slow_exact)
    tab = make_tab(qtbot, controller)
    controller.reload()
    # While the exact solver runs, the preview is shown, marked as provisional, and no request can be made
    qtbot.waitUntil(lambda: controller.plan is not None, timeout=10_000)
    assert not controller.plan.exact and controller.running
    assert tab.status.state_label.text().startswith("暫定（貪欲法）")
    assert tab.transfer_model.rowCount() == len(controller.plan.flows) > 0
    assert tab.status.progress.isVisible() and tab.status.cancel_button.isVisible()
    # When the exact plan arrives it replaces the preview
    with qtbot.waitSignal(controller.matching_finished, timeout=10_000):
        release.set()
    assert controller.plan.exact
    assert tab.status.state_label.text().startswith("最適解")
    controller.shutdown()


def test_cancel_stops_matching_and_keeps_the_preview_marked(qtbot, partners):
    release = threading.Event()

    def stuck(problems, registry, preferences):
        while not release.is_set():
            yield 0, len(problems)
            release.wait(0.01)
        return None

    apply_language("ja")
    controller = AnalysisController(WorkspaceSource(partners[0]), solve=stuck)
    tab = make_tab(qtbot, controller)
    controller.reload()
    qtbot.waitUntil(lambda: controller.plan is not None and controller.running, timeout=10_000)
    with qtbot.waitSignal(controller.matching_stopped, timeout=10_000) as stopped:
        qtbot.mouseClick(tab.status.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    assert stopped.args == [""]
    assert not controller.running and not controller.plan.exact
    assert "最適解は計算されていません" in tab.status.state_label.text()
    assert tab.status.rerun_button.isVisible()
    controller.shutdown()


def select_flow(tab: ShortfallTab, row: int) -> None:
    index = tab.transfer_proxy.mapFromSource(tab.transfer_model.index(row, 0))
    tab.transfer_view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_request_from_a_flow_opens_the_request_form_filled_in_and_waits_for_ok(qtbot, app, partners, artifacts):
    a = partners[0]
    window = MainWindow(a, "en")
    qtbot.addWidget(window)
    window.show()
    tab = window.shortfall_tab
    window.tab_widget.setCurrentWidget(tab)
    loaded(qtbot, window.analysis)
    # Given the proposed transfer of water from 中央区 to us is selected
    row = next(r for r in range(tab.transfer_model.rowCount()) if tab.transfer_model.flow(r).receiver == A)
    flow = tab.transfer_model.flow(row)
    assert (flow.sender, flow.resource, flow.quantity) == (B, "S-WATER", 800)
    select_flow(tab, row)
    assert tab.create_request_button.isEnabled() and tab.create_request_button.text() == "Request this transfer…"
    # When the button is clicked
    qtbot.mouseClick(tab.create_request_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(RequestDialog)
    assert dialog is not None and dialog.isVisible()
    # Then the request form is open, filled in from the transfer, our need and our store, and nothing is sent yet
    assert dialog.partner_combo.currentData() == B and dialog.resource_combo.currentData() == "S-WATER"
    assert dialog.quantity_spin.value() == 800
    assert dialog.needed_check.isChecked() and dialog.needed_edit.date().toPython() == WATER_NEEDED_BY
    assert dialog.place_edit.text() == "東京都千代田区 本庁舎"
    assert dialog.note_edit.text().startswith("From the proposed transfers (")
    assert dialog.intro_label.isVisible() and "800 L of Drinking water from 東京都中央区" in dialog.intro_label.text()
    assert "only when you press OK" in dialog.intro_label.text()
    assert list_requests(a) == []
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(artifacts / "request_from_transfer_en.png"))
    # When the officer changes the place and presses OK, the request is made with what the form says
    dialog.place_edit.setText("東京都千代田区 第二倉庫")
    with qtbot.waitSignal(window.requests_tab.actions.changed):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    [made] = list_requests(a)
    assert (made.requester, made.supplier, made.resource, made.quantity) == (A, B, "S-WATER", 800)
    assert made.needed_by == WATER_NEEDED_BY and made.place == "東京都千代田区 第二倉庫"
    assert made.note.startswith("From the proposed transfers (")  # in the UI language, for people to read
    # And the Shortfalls tab says so, where the officer is looking
    assert tab.message_line.text().startswith("Request made: 800 L of Drinking water from 東京都中央区")
    assert window.requests_tab.model.rowCount() == 1


def test_a_request_form_from_a_flow_that_is_cancelled_asks_nothing(qtbot, app, partners):
    a = partners[0]
    window = MainWindow(a, "en")
    qtbot.addWidget(window)
    window.show()
    loaded(qtbot, window.analysis)
    tab = window.shortfall_tab
    row = next(r for r in range(tab.transfer_model.rowCount()) if tab.transfer_model.flow(r).receiver == A)
    select_flow(tab, row)
    qtbot.mouseClick(tab.create_request_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(RequestDialog)
    dialog.reject()
    assert list_requests(a) == [] and not tab.message_line.isVisible()
    # And a transfer between two partners cannot be requested from here
    other = next(r for r in range(tab.transfer_model.rowCount()) if tab.transfer_model.flow(r).receiver != A)
    select_flow(tab, other)
    assert not tab.create_request_button.isEnabled()


def test_the_plan_is_summed_up_per_resource_in_its_own_unit(qtbot, partners):
    apply_language("ja")
    controller = AnalysisController(WorkspaceSource(partners[0]))
    tab = make_tab(qtbot, controller)
    controller.reload()
    loaded(qtbot, controller)
    # Water is the worst shortfall (100% at 港区, and ours): its transfers are said in litres, never added to blankets
    assert controller.resource == "S-WATER"
    text = tab.status.state_label.text()
    assert text == "最適解: 2 品目で 3 件の移送。充足できない不足 1 件。飲料水（保存水）: 2件の移送で 1,300 L"
    assert "単位" not in text
    tooltip = tab.status.state_label.toolTip().splitlines()
    assert "毛布: 1件の移送で 100枚" in tooltip and "飲料水（保存水）: 2件の移送で 1,300 L" in tooltip
    # When another resource is chosen, the line follows it
    tab.select_resource("S-BLANKET")
    assert tab.status.state_label.text().endswith("毛布: 1件の移送で 100枚")
    tab.select_resource("E-GENERATOR")
    assert tab.status.state_label.text().endswith("発電機: 輸送案はありません。")
    apply_language("en")
    qtbot.waitUntil(lambda: tab.status.state_label.text().startswith("Optimal plan: 3 transfers of 2 resources"))
    assert tab.status.state_label.text().endswith("Generators: no transfer proposed.")
    controller.shutdown()


def test_the_tab_starts_on_the_worst_shortfall_and_follows_it_until_one_is_picked(qtbot, app, make_workspace):
    # Given a workspace that is short of nothing yet (as a drill at T+0): only offers, in code order
    own = make_workspace(A, name="alone")
    add_item(own, "E-GENERATOR", 3)
    add_item(own, "S-WATER", 500)
    controller = AnalysisController(WorkspaceSource(own))
    tab = make_tab(qtbot, controller)
    controller.reload_now()
    assert controller.resource == "E-GENERATOR" and controller.bars == []
    # When needs arrive (an inject, an import), the tab moves to the worst shortfall, not staying on the offer
    add_need(own, "S-BLANKET", 100)
    controller.reload_now()
    assert controller.resource == "S-BLANKET" == controller.bars[0].resource
    assert tab.resource_combo.currentData() == "S-BLANKET"
    add_need(own, "S-WATER", 2000)  # now water is short too, by 75%: blankets (100%) stay the worst
    controller.reload_now()
    assert controller.resource == "S-BLANKET"
    add_item(own, "S-BLANKET", 100)  # blankets covered: water is the worst now
    controller.reload_now()
    assert controller.resource == controller.bars[0].resource == "S-WATER"
    # When the officer picks a resource (here one only offered), it stays through later readings
    tab.resource_combo.setCurrentIndex(tab.resource_combo.findData("E-GENERATOR"))
    tab.resource_combo.activated.emit(tab.resource_combo.currentIndex())
    add_need(own, "S-TARP", 10)
    controller.reload_now()
    assert controller.resource == "E-GENERATOR" and controller.bars[0].resource == "S-TARP"
    controller.shutdown()
