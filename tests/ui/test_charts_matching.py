"""Matching in the background: the exact plan in the transfer table, the greedy preview before it, Cancel, and
one click from a proposed transfer to a request."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from disastershare.core.matching import match, match_steps, transport_problems
from disastershare.store.request_store import list_requests
from disastershare.ui.analysis_controller import AnalysisController
from disastershare.ui.analysis_data import WorkspaceSource, load_analysis
from disastershare.ui.translations import apply_language
from disastershare.ui.views.shortfall_tab import ShortfallTab

from .analysis_kit import A, B, loaded, scenario


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


def test_create_request_from_a_flow_to_us(qtbot, partners):
    a = partners[0]
    controller = AnalysisController(WorkspaceSource(a))
    tab = make_tab(qtbot, controller)
    controller.reload()
    loaded(qtbot, controller)
    # Given the proposed transfer of water from 中央区 to us is selected
    row = next(r for r in range(tab.transfer_model.rowCount()) if tab.transfer_model.flow(r).receiver == A)
    flow = tab.transfer_model.flow(row)
    assert (flow.sender, flow.resource, flow.quantity) == (B, "S-WATER", 800)
    index = tab.transfer_proxy.mapFromSource(tab.transfer_model.index(row, 0))
    tab.transfer_view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert tab.create_request_button.isEnabled()
    # When "Create request" is clicked
    with qtbot.waitSignal(controller.request_created):
        qtbot.mouseClick(tab.create_request_button, Qt.MouseButton.LeftButton)
    # Then the request exists, addressed to the sender, and the tab says so
    requests = list_requests(a)
    assert [(r.requester, r.supplier, r.resource, r.quantity) for r in requests] == [(A, B, "S-WATER", 800)]
    assert requests[0].note.startswith("From the proposed transfers (")  # in the UI language, for people to read
    assert tab.message_line.text().startswith("Request made: 800 L of Drinking water [L] from 東京都中央区")
    # And a transfer between two partners cannot be requested from here
    other = next(r for r in range(tab.transfer_model.rowCount()) if tab.transfer_model.flow(r).receiver != A)
    index = tab.transfer_proxy.mapFromSource(tab.transfer_model.index(other, 0))
    tab.transfer_view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert not tab.create_request_button.isEnabled()
    controller.shutdown()
