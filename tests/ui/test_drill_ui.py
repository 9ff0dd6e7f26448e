"""The drill UI: new drill from a scenario (dialog, File menu, first start), the drill panel's clock and buttons."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from disastershare.core.records import Need
from disastershare.drill.builder import new_drill
from disastershare.store.workspace import Workspace
from disastershare.ui.dialogs.create_workspace_dialog import CreateWorkspaceDialog
from disastershare.ui.dialogs.new_drill_dialog import HAZARD, HOST, INJECTS, NAME, PARTNERS, NewDrillDialog
from disastershare.ui.drill_actions import offer_new_drill
from disastershare.ui.drill_controller import is_scenario_drill
from disastershare.ui.main_window import MainWindow
from disastershare.ui.translations import apply_language

from .test_main_window import untranslated, visible_texts

BUILD_MS = 60_000  # building or resetting a drill takes a second or two; a slow CI machine gets room

# The drill tests' scenario (tests/data/small_scenario.toml): a host, two partners, three injects; the last
# one's text does not start with its time, so the panel says it.
SMALL = (Path(__file__).parents[1] / "data" / "small_scenario.toml").read_text(encoding="utf-8")


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.toml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def drill_host(tmp_path: Path, scenario_file: Path) -> Iterator[Workspace]:
    """Given a scenario drill built from SMALL (directly, as `drill new` does), at T+0."""
    host, _scenario = new_drill(tmp_path / "drill", scenario_file)
    yield host
    host.close()


@pytest.fixture
def drill_window(app, qtbot, drill_host: Workspace) -> MainWindow:
    window = MainWindow(drill_host, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_idle(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=BUILD_MS)


def own_needs(window: MainWindow) -> list[tuple[str, int]]:
    return [(n.resource, n.quantity) for n in window.tab("needsTab").model.records() if isinstance(n, Need)]


# -- the dialog ---------------------------------------------------------------------------------------------------
def test_dialog_lists_the_shipped_scenarios_in_the_ui_language(qtbot, app, tmp_path, artifacts):
    dialog = NewDrillDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = {dialog.scenario_list.topLevelItem(i).text(NAME): dialog.scenario_list.topLevelItem(i)
            for i in range(dialog.scenario_list.topLevelItemCount())}
    assert set(rows) == {"Kumamoto earthquake mutual-aid drill", "Rokkaku river flood mutual-aid drill"}
    kumamoto = rows["Kumamoto earthquake mutual-aid drill"]
    assert [kumamoto.text(c) for c in (HAZARD, HOST, PARTNERS, INJECTS)] == ["Earthquake", "熊本県益城町", "8", "5"]
    # The first is chosen, and a folder is suggested for it (the person may change both)
    assert dialog.scenario_path() is not None and dialog.create_button.isEnabled()
    assert dialog.folder() == tmp_path / f"drill-{dialog.scenario_path().stem}"
    apply_language("ja")
    qtbot.waitUntil(lambda: dialog.create_button.text() == "訓練を作成")
    names = {dialog.scenario_list.topLevelItem(i).text(NAME) for i in range(2)}
    assert names == {"熊本地震想定 広域応援訓練", "六角川氾濫想定 広域応援訓練"}
    assert {dialog.scenario_list.topLevelItem(i).text(HAZARD) for i in range(2)} == {"地震", "水害"}
    assert dialog.cancel_button.text() == "キャンセル"
    assert dialog.grab().save(str(artifacts / "new_drill_dialog_ja.png"))


def test_a_bad_scenario_is_refused_with_its_reason_and_nothing_is_created(qtbot, app, tmp_path, scenario_file):
    dialog = NewDrillDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "new-drill"
    # A file with an unknown resource code is refused as soon as it is chosen
    bad = tmp_path / "bad.toml"
    bad.write_text(SMALL.replace('"E-WATER-TRUCK"', '"E-NO-SUCH"'), encoding="utf-8")
    assert not dialog.add_scenario_file(bad)
    assert dialog.error_line.isVisible()
    assert "bad.toml [[injects]] #3 need #1: unknown resource code 'E-NO-SUCH'" in dialog.error_line.text()
    # And one that goes bad after it was chosen is refused by the build, with the reason, leaving nothing
    assert dialog.add_scenario_file(scenario_file)
    scenario_file.write_text(SMALL.replace('priority = "high"', 'priority = "urgent"'), encoding="utf-8")
    dialog.set_folder(target)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog.runner)
    assert "The drill was not created" in dialog.error_line.text()
    assert "priority must be high, normal or low" in dialog.error_line.text()
    assert not target.exists() and dialog.workspace is None and dialog.isVisible()


def test_a_folder_holding_a_workspace_is_refused(qtbot, app, workspace, scenario_file):
    dialog = NewDrillDialog(workspace.root.parent, folder=workspace.root)
    qtbot.addWidget(dialog)
    dialog.add_scenario_file(scenario_file)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "already holds a workspace" in dialog.error_line.text()
    assert not dialog.runner.is_busy() and not (workspace.root / "drill").exists()


def test_new_drill_from_the_file_menu_replaces_the_window(qtbot, window, workspace, scenario_file, tmp_path):
    # Given a live workspace's window, when File > New drill from scenario… builds the small scenario
    assert not is_scenario_drill(workspace) and window.drill_panel is None
    window.window_actions.new_drill_action.trigger()
    dialog = window.findChild(NewDrillDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.add_scenario_file(scenario_file)
    dialog.set_folder(tmp_path / "kumamoto-drill")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.progress_row.isVisible() and not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: window.drill_actions.opened_window is not None, timeout=BUILD_MS)
    drill = window.drill_actions.opened_window
    qtbot.addWidget(drill)
    # Then a window on the new drill replaces the old one, whose workspace is closed (its lock released)
    assert not window.isVisible() and workspace._lock is None
    assert drill.isVisible() and drill.workspace.drill and "[DRILL]" in drill.windowTitle()
    assert drill.workspace.root == tmp_path / "kumamoto-drill" and is_scenario_drill(drill.workspace)
    # And its drill panel is at T+0, with the T+0 inject in the timeline and the T+30 one next
    panel = drill.drill_panel
    assert panel is not None and panel.isVisible()
    assert panel.clock_label.text() == "T+0"
    assert panel.name_label.text() == "Small drill"
    assert panel.next_label.text() == "T+30分 毛布不足"  # the scenario's own text says when
    texts = [panel.timeline.item(i).text() for i in range(panel.timeline.count())]
    assert texts[0].startswith("T+0") and "Drill started: Small drill" in texts[0]
    assert "T+0 地震発生" in texts[1]


def test_the_first_start_dialog_offers_a_drill(qtbot, app, tmp_path, scenario_file):
    root = tmp_path / "first"
    dialog = CreateWorkspaceDialog(root)
    qtbot.addWidget(dialog)
    button = offer_new_drill(dialog, root)
    dialog.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    drill = button.drill_dialog
    assert drill is not None and drill.folder() == root  # where the app was asked to open a workspace
    drill.add_scenario_file(scenario_file)
    qtbot.mouseClick(drill.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=BUILD_MS)
    assert dialog.workspace is not None and is_scenario_drill(dialog.workspace)
    assert dialog.workspace.municipality == "434434"  # the scenario's host, not a municipality from the list
    dialog.workspace.close()


# -- the panel ----------------------------------------------------------------------------------------------------
def test_panel_only_in_scenario_drills(qtbot, app, make_workspace):
    plain_drill = MainWindow(make_workspace(drill=True), "en")  # marked as a drill, but no scenario clock
    qtbot.addWidget(plain_drill)
    assert plain_drill.drill_panel is None and plain_drill.drill_banner is not None


def test_advance_shows_the_inject_and_its_need_reaches_the_needs_tab(qtbot, drill_window):
    panel = drill_window.drill_panel
    assert own_needs(drill_window) == []
    # When the facilitator advances to the next inject
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, panel.runner)
    # Then the clock is at T+30, the inject is in the timeline in bold with its need, and the next one shows
    assert panel.clock_label.text() == "T+30 min"
    last = panel.timeline.item(panel.timeline.count() - 2)  # the "clock advanced" line comes after the inject
    assert last.text().startswith("T+30分 毛布不足") and last.font().bold()  # the scenario's text says when
    assert "益城町: Blankets 800" in last.text() and "(High)" in last.text()
    assert "Clock advanced to T+30 min" in panel.timeline.item(panel.timeline.count() - 1).text()
    assert panel.next_label.text() == "T+2 h   嘉島町で給水車不足"
    assert "Injects applied: 1; new needs: 1" in panel.message_line.text()
    # And the Needs tab holds the inject's need (reloaded as after a snapshot import)
    assert own_needs(drill_window) == [("S-BLANKET", 800)]
    # When advancing by 100 minutes (T+130), the partner's inject arrives through its snapshot
    panel.minutes_spin.setValue(100)
    qtbot.mouseClick(panel.advance_by_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, panel.runner)
    assert panel.clock_label.text() == "T+2 h 10 min"
    needs_tab = drill_window.tab("needsTab")
    needs_tab.set_show_partners(True)
    assert ("434426", "E-WATER-TRUCK", 3) in [(n.meta.owner, n.resource, n.quantity)
                                                for n in needs_tab.model.records()]
    assert "No injects left" in panel.next_label.text() and not panel.next_button.isEnabled()


def test_reset_asks_first_then_returns_to_t0(qtbot, drill_window):
    panel = drill_window.drill_panel
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, panel.runner)
    assert own_needs(drill_window) == [("S-BLANKET", 800)]
    # Closing the confirmation changes nothing
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    box = panel.reset_box
    assert box is not None and box.isVisible() and "the 2 simulated partners" in box.text()
    box.reject()
    assert panel.clock_label.text() == "T+30 min" and not panel.runner.is_busy()
    # Confirming resets every database to T+0
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.reset_confirm_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, panel.runner)
    assert panel.clock_label.text() == "T+0"
    assert own_needs(drill_window) == []
    assert "Reset: every database back to T+0" in panel.timeline.item(panel.timeline.count() - 1).text()
    assert "毛布不足" in panel.next_label.text() and panel.next_button.isEnabled()


def test_export_writes_the_debriefing_zip(qtbot, drill_window, tmp_path):
    panel = drill_window.drill_panel
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, panel.runner)
    assert panel.export_debriefing(tmp_path / "debrief")  # .zip is added
    wait_idle(qtbot, panel.runner)
    target = tmp_path / "debrief.zip"
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        timeline = json.loads(archive.read("timeline.json"))
    assert {"timeline.json", "needs.csv", "scenario.toml"} <= names
    assert timeline["clock_minutes"] == 30 and [e["kind"] for e in timeline["events"]][-1] == "advance"
    text = panel.message_line.text()
    assert str(target) in text
    # With a Japanese font the report is in the zip; without one the message says it is not
    assert ("report.pdf" in names) == ("with the PDF report" in text)
    assert ("report.pdf" in names) != ("without the PDF report" in text)


def test_panel_in_japanese_screenshot_and_no_english(qtbot, app, drill_host, artifacts):
    apply_language("ja")
    window = MainWindow(drill_host, "ja")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    panel = window.drill_panel
    for _ in range(2):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, panel.runner)
    assert panel.clock_label.text() == "T+2時間"
    assert panel.next_button.text() == "次の状況付与まで進める"
    window.tab_widget.setCurrentWidget(window.tab("needsTab"))
    qtbot.wait(50)
    assert window.grab().save(str(artifacts / "drill_window_ja.png"))
    assert panel.grab().save(str(artifacts / "drill_panel_ja.png"))
    # Texts from the scenario (inject texts start with T+...) and the clock are not UI English
    units = {t.unit for t in drill_host.catalog()}
    texts = [*visible_texts(window), panel.minutes_spin.suffix(),
             *(panel.timeline.item(i).text() for i in range(panel.timeline.count()))]
    leftovers = [t for t in texts if untranslated(re.sub(r"T\+\S*", "", t), drill_host, units)]
    assert leftovers == []
    window.set_language("en", save=False)
    qtbot.waitUntil(lambda: panel.clock_label.text() == "T+2 h")
    assert window.grab().save(str(artifacts / "drill_window_en.png"))
