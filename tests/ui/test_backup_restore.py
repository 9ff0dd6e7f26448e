"""File menu: Back up now and Restore from backup… on real database files."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from disastershare.ui.main_window import MainWindow

from .conftest import add_item
from .partner_factory import THIRD


def test_back_up_now_writes_a_copy_and_says_where(qtbot, window, workspace):
    before = set(workspace.backups.rglob("*.sqlite"))
    window.window_actions.backup_action.trigger()
    written = set(workspace.backups.rglob("*.sqlite")) - before
    assert len(written) == 1
    [path] = written
    assert path.stat().st_size > 0
    box = window.findChild(QMessageBox, "backupMessage")
    assert box is not None and box.isVisible() and str(path) in box.text()
    assert str(path) in window.statusBar().currentMessage()
    box.close()


def test_restore_of_another_municipalitys_backup_is_refused(qtbot, app, make_workspace):
    # Given a backup of 港区 and our 千代田区 window
    other = make_workspace(THIRD, name="minato")
    foreign = other.backup_now("manual")
    own = make_workspace(name="own")
    add_item(own, "S-BLANKET", 10)
    window = MainWindow(own, "en")
    qtbot.addWidget(window)
    # When it is chosen for restoring
    dialog = window.backup_actions.open_restore(foreign)
    qtbot.addWidget(dialog)
    # Then the dialog says why in one line and offers no Restore
    assert dialog.error_line.isVisible() and dialog.error_line.refused
    text = dialog.error_line.text()
    assert "131032" in text and "this workspace is 131016" in text and "\n" not in text
    assert not dialog.restore_button.isEnabled()
    dialog.accept()
    dialog.reject()
    # And nothing changed, and no checked copy is left beside the database
    assert [r.on_hand for r in own.inventory.list()] == [10]
    assert not list(own.root.glob(".restore-*"))


def test_restore_shows_the_facts_and_puts_the_backup_back(qtbot, app, make_workspace):
    # Given a backup taken with one stock line, and a second line added after it
    own = make_workspace(name="own")
    add_item(own, "S-BLANKET", 10)
    backup = own.backup_now("manual")
    add_item(own, "S-WATER", 500)
    window = MainWindow(own, "en")
    qtbot.addWidget(window)
    window.show()
    window.tab("inventoryTab").view.selectRow(0)
    assert window.tab("inventoryTab").model.rowCount() == 2
    # When it is chosen, the dialog shows what is in it
    dialog = window.backup_actions.open_restore(backup)
    qtbot.addWidget(dialog)
    facts = {key: value.text() for key, (_name, value) in dialog._fact_labels.items()}
    assert facts["municipality"] == "131016 千代田区" and facts["kind"] == "Live" and facts["lines"] == "1"
    assert facts["file"] == backup.name and facts["taken"][:4].isdigit()
    assert dialog.restore_button.isEnabled() and not dialog.error_line.isVisible()
    # And Restore puts it back and every tab is read again
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_button.click()
    assert [r.resource for r in own.inventory.list()] == ["S-BLANKET"]
    assert window.tab("inventoryTab").model.rowCount() == 1
    assert "Restored" in window.statusBar().currentMessage()
    assert any(p.name.endswith("pre-restore.sqlite") for p in own.backups.rglob("*.sqlite"))
