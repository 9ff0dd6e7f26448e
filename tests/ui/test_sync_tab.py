"""The Sync tab end to end: real snapshot files imported and exported on the worker, with progress and Cancel."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot

from disastershare.store.workspace import Workspace
from disastershare.sync.history import import_history
from disastershare.sync.partners import list_partners
from disastershare.sync.snapshot_format import BUNDLE_SUFFIX
from disastershare.ui.main_window import MainWindow
from disastershare.ui.models.snapshot_import_table_model import COL_REASON, COL_STATUS

from .conftest import PARTNER
from .partner_factory import own_and_partner, snapshot_of

CLICK = Qt.MouseButton.LeftButton
WORKER_TIMEOUT = 20_000


def open_window(qtbot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace, "en")
    qtbot.addWidget(window)
    window.show()
    window.tab_widget.setCurrentWidget(window.sync_tab)
    qtbot.waitExposed(window)
    return window


def import_and_wait(qtbot, window: MainWindow, *paths: Path) -> list[str]:
    """Start the import as the file dialog would, wait for the worker, return the statuses shown."""
    tab = window.sync_tab
    with qtbot.waitSignal(tab.runner.finished, timeout=WORKER_TIMEOUT):
        assert tab.start_import(list(paths))
        assert tab.progress.isVisible() and not tab.import_files_button.isEnabled()
    qtbot.waitUntil(lambda: not tab.progress.isVisible())
    model = tab.results_model
    return [model.index(r, COL_STATUS).data() for r in range(model.rowCount())]


def partner_rows(window: MainWindow) -> list[str]:
    tab = window.tab("inventoryTab")
    return sorted(r.resource for r in tab.model.records() if r.meta.owner == PARTNER)


def own_records(workspace: Workspace) -> dict[str, list]:
    with sqlite3.connect(workspace.db_path) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall())
                for t in ("inventory_item", "staff_pool", "need", "partner")}


def test_importing_a_partners_snapshot_applies_it_and_shows_their_rows(qtbot, app, make_workspace, tmp_path):
    # Given a trusted partner's real snapshot and our window with partners' data shown
    own, other = own_and_partner(make_workspace)
    snapshot = snapshot_of(other, tmp_path / "usb")
    window = open_window(qtbot, own)
    window.tab("inventoryTab").set_show_partners(True)
    assert partner_rows(window) == []
    # When it is imported through the Sync tab
    statuses = import_and_wait(qtbot, window, snapshot)
    # Then the file is listed as applied, with owner, sequence and changes
    assert statuses == ["Applied"]
    model = window.sync_tab.results_model
    assert [model.index(0, c).data() for c in range(7)] == [
        snapshot.name, "東京都中央区", "1", "Applied", "2", "0", "0"]
    assert "1 applied" in window.sync_tab.message_line.text()
    # And the partner's rows appear in Inventory, and the history lists the import
    assert partner_rows(window) == ["S-BLANKET", "S-WATER"]
    assert window.sync_tab.history_model.rowCount() == 1
    assert window.partners_tab.model.index(0, 5).data() == "1"
    # When the same file is imported again, it is up to date and nothing changes
    assert import_and_wait(qtbot, window, snapshot) == ["Up to date"]
    assert window.sync_tab.history_model.rowCount() == 2
    assert partner_rows(window) == ["S-BLANKET", "S-WATER"]


def test_a_corrupt_file_is_refused_with_its_reason_and_changes_nothing(qtbot, app, make_workspace, tmp_path):
    own, other = own_and_partner(make_workspace)
    good = snapshot_of(other, tmp_path / "usb")
    corrupt = tmp_path / "usb" / "131024-000009.dsnap"
    data = good.read_bytes()
    corrupt.write_bytes(data[: len(data) // 2])  # cut off half-way, as by a pulled USB stick
    window = open_window(qtbot, own)
    before = own_records(own)
    assert import_and_wait(qtbot, window, corrupt) == ["Refused"]
    reason = window.sync_tab.results_model.index(0, COL_REASON).data()
    assert reason and "\n" not in reason
    assert window.sync_tab.results_model.index(0, COL_STATUS).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert window.sync_tab.message_line.refused and "1 refused" in window.sync_tab.message_line.text()
    assert own_records(own) == before
    assert list_partners(own)[0].last_sequence is None


class _CancelAfter(QObject):
    """Clicks Cancel when the import reports `count` files done. Connected with a blocking queued
    connection, so the worker waits at that step until Cancel has been clicked: no race."""

    def __init__(self, qtbot, tab, count: int) -> None:
        super().__init__()
        self._qtbot, self._tab, self._count = qtbot, tab, count

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        if done == self._count:
            self._qtbot.mouseClick(self._tab.progress.cancel_button, CLICK)


def test_cancel_stops_a_multi_file_import_and_keeps_whole_snapshots(qtbot, app, make_workspace, tmp_path):
    # Given ten successive snapshots of a partner
    own, other = own_and_partner(make_workspace)
    files = [snapshot_of(other, tmp_path / "usb") for _ in range(10)]
    window = open_window(qtbot, own)
    tab = window.sync_tab
    canceller = _CancelAfter(qtbot, tab, 3)

    def arm(_label: str) -> None:  # before the worker starts, and for this import only
        tab.runner.started.disconnect(arm)
        tab.runner.worker.signals.progress.connect(canceller.progressed, Qt.ConnectionType.BlockingQueuedConnection)

    tab.runner.started.connect(arm)
    # When Cancel is clicked after the third file
    with qtbot.waitSignal(tab.runner.cancelled, timeout=WORKER_TIMEOUT):
        assert tab.start_import(files)
    # Then the import stopped there: three snapshots applied, each whole, the other seven not touched
    history = import_history(own)
    assert [e.sequence for e in reversed(history)] == [1, 2, 3]
    assert list_partners(own)[0].last_sequence == 3
    assert "Cancelled" in tab.message_line.text()
    assert tab.history_model.rowCount() == 3 and tab.import_files_button.isEnabled()
    assert not tab.progress.isVisible()
    # And the rest can be imported afterwards
    assert import_and_wait(qtbot, window, *files) == ["Up to date"] * 3 + ["Applied"] * 7


def test_export_snapshot_and_bundle(qtbot, app, make_workspace, tmp_path):
    own, other = own_and_partner(make_workspace)
    window = open_window(qtbot, own)
    tab = window.sync_tab
    # Into outbox/ by default
    with qtbot.waitSignal(tab.controller.snapshot_exported, timeout=WORKER_TIMEOUT) as exported:
        qtbot.mouseClick(tab.snapshot_button, CLICK)
    path = exported.args[0].path
    assert path.parent == own.outbox and path.is_file() and path.name == "131016-000001.dsnap"
    qtbot.waitUntil(lambda: str(path) in tab.message_line.text())
    # A bundle into a chosen folder, carrying the partner's latest snapshot too
    import_and_wait(qtbot, window, snapshot_of(other, tmp_path / "usb"))
    folder = tmp_path / "relay"
    folder.mkdir()
    tab.set_export_folder(folder)
    assert str(folder) in tab.folder_label.text()
    with qtbot.waitSignal(tab.controller.bundle_exported, timeout=WORKER_TIMEOUT) as bundled:
        qtbot.mouseClick(tab.bundle_button, CLICK)
    bundle = bundled.args[0]
    assert bundle.path.parent == folder and bundle.path.suffix == BUNDLE_SUFFIX
    assert bundle.snapshots == ["131016-000002.dsnap", "131024-000001.dsnap"]


def test_gui_import_opens_the_sync_tab_and_imports(qtbot, app, make_workspace, tmp_path):
    own, other = own_and_partner(make_workspace)
    snapshot = snapshot_of(other, tmp_path / "usb")
    window = MainWindow(own, "en")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync_tab.runner.finished, timeout=WORKER_TIMEOUT):
        assert window.import_snapshots([snapshot])
    assert window.tab_widget.currentWidget() is window.sync_tab
    assert window.sync_tab.results_model.index(0, COL_STATUS).data() == "Applied"


def test_gui_import_from_the_command_line(make_workspace, tmp_path):
    """`disastershare gui --import FILE` (a double-clicked .dsnap) in a real process."""
    own, other = own_and_partner(make_workspace)
    snapshot = snapshot_of(other, tmp_path / "usb")
    own.close()  # one process at a time holds a workspace
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DISASTERSHARE_AUTOCLOSE_MS": "3000"}
    result = subprocess.run(
        [sys.executable, "-m", "disastershare", "--workspace", str(own.root), "gui", "--import", str(snapshot)],
        capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    reopened = Workspace.open(own.root)
    try:
        assert [(e.file, e.status.value) for e in import_history(reopened)] == [(str(snapshot), "applied")]
    finally:
        reopened.close()
