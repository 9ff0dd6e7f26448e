"""File ▸ Open workspace…, Recent workspaces and Back to the live workspace (and the refusal of a folder that is
not a workspace), on real workspaces; the recent list lives in the user's settings (a file in tmp_path here)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from disastershare.store.workspace import Workspace
from disastershare.ui.main_window import MainWindow
from disastershare.ui.recent_workspaces import MAX_RECENT, RecentWorkspaces
from disastershare.ui.translations import apply_language

from .conftest import add_item


def closed_workspace(make_workspace, name: str, drill: bool = False, code: str = "131016") -> Path:
    """A real workspace folder nobody holds open (the window under test opens it itself)."""
    workspace = make_workspace(code, drill=drill, name=name)
    add_item(workspace, "S-TARP", 7, location=name)
    workspace.close()
    return workspace.root


def follow(qtbot, window: MainWindow, last: bool = True) -> MainWindow:
    """The window that replaced `window` (closed with its workspace by the switch). Qt deletes a replaced
    window, so only the `last` one is left for qtbot to close."""
    new = window.workspace_actions.opened_window
    assert new is not None
    if last:
        qtbot.addWidget(new)
    qtbot.waitExposed(new)
    return new


def test_open_another_workspace_with_the_folder_chooser(qtbot, window, workspace, make_workspace):
    other = closed_workspace(make_workspace, "other", code="131024")
    # When File > Open workspace… is chosen and the other workspace's folder is picked
    window.window_actions.open_workspace_action.trigger()
    chooser = window.workspace_actions.folder_dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    assert chooser.fileMode() == QFileDialog.FileMode.Directory
    chooser.selectFile(str(other))
    chooser.accept()
    # Then a window on it replaces this one, whose workspace is closed (its lock released)
    new = follow(qtbot, window)
    assert new.workspace.root == other.resolve() or new.workspace.root == other
    assert new.workspace.municipality == "131024" and "中央区" in new.windowTitle()
    assert not window.isVisible() and workspace._lock is None
    assert [item.location for item in new.workspace.inventory.list()] == ["other"]
    # And both are in the recent list, newest first
    assert RecentWorkspaces().paths()[:2] == [other.resolve(), workspace.root.resolve()]


def test_a_folder_that_is_not_a_workspace_is_refused_in_one_clear_sentence(qtbot, window, workspace, tmp_path):
    # Given a folder of spreadsheets (the kind of folder one picks by mistake)
    folder = tmp_path / "備蓄表"
    folder.mkdir()
    (folder / "備蓄一覧.xlsx").write_bytes(b"")
    # When it is opened as a workspace
    assert window.workspace_actions.open_workspace(folder) is None
    # Then it is refused with what to choose instead, and this window stays on its workspace
    box = window.workspace_actions.refusal
    assert box is not None and box.isVisible()
    assert box.text().startswith(f"{folder} is not a DisasterShare workspace: it holds no workspace.sqlite.")
    assert "Choose the workspace folder itself" in box.text()
    assert window.isVisible() and window.workspace is workspace and workspace._lock is not None
    assert window.workspace_actions.opened_window is None
    box.close()
    # And in Japanese too
    apply_language("ja")
    window.workspace_actions.open_workspace(folder)
    assert "DisasterShare のワークスペースではありません（workspace.sqlite がありません）" in \
        window.workspace_actions.refusal.text()
    window.workspace_actions.refusal.close()


def test_recent_workspaces_keep_the_five_newest_and_open_from_the_menu(qtbot, window, workspace, make_workspace):
    # Given seven more workspaces opened one after another (as many sessions would)
    roots = [closed_workspace(make_workspace, f"ws-{n}") for n in range(7)]
    recent = RecentWorkspaces()
    for root in roots:
        recent.add(root)
    # Then the list holds the five newest, newest first
    assert recent.paths() == [r.resolve() for r in reversed(roots[-MAX_RECENT:])]
    # When the menu is opened, it lists them; the one chosen opens
    menu = window.window_actions.recent_menu
    window.workspace_actions.fill_recent_menu()
    entries = [a for a in menu.actions() if a.data()]
    assert [Path(a.data()) for a in entries] == recent.paths()
    chosen = next(a for a in entries if Path(a.data()) == roots[3].resolve())
    chosen.trigger()
    new = follow(qtbot, window)
    assert new.workspace.root.resolve() == roots[3].resolve()
    # And it moved to the top; a folder that vanished is left out
    assert RecentWorkspaces().paths()[0] == roots[3].resolve()
    (roots[6] / "workspace.sqlite").unlink()
    assert roots[6].resolve() not in RecentWorkspaces().paths()


def test_back_to_the_live_workspace_after_opening_a_drill(qtbot, window, workspace, make_workspace):
    drill_root = closed_workspace(make_workspace, "drill", drill=True)
    actions = window.window_actions
    assert not actions.back_to_live_action.isVisible()  # a live window has nothing to go back to
    # When a drill is opened from the live window
    window.workspace_actions.open_workspace(drill_root)
    drill = follow(qtbot, window, last=False)
    assert drill.workspace.drill
    # Then the drill window offers the way back, naming the live folder
    back = drill.window_actions.back_to_live_action
    assert back.isVisible() and back.isEnabled()
    assert back.toolTip() == str(workspace.root.resolve())
    # When it is used, the live workspace is open again
    back.trigger()
    live = follow(qtbot, drill)
    assert live.workspace.root.resolve() == workspace.root.resolve() and not live.workspace.drill
    assert not drill.isVisible()


def test_a_new_drill_from_the_file_menu_remembers_the_live_workspace(qtbot, window, workspace, make_workspace):
    # The New-drill dialog hands its workspace to the drill actions, which switch windows the same way
    drill_root = closed_workspace(make_workspace, "built-drill", drill=True)
    drill = window.drill_actions.switch_to(Workspace.open(drill_root))
    qtbot.addWidget(drill)
    assert RecentWorkspaces().live() == workspace.root.resolve()
    assert drill.window_actions.back_to_live_action.isEnabled()
