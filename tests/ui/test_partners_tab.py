"""The Partners tab on real workspaces and key card files: export, add with phone check, disable, replace."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt

from disastershare.sync.importer import import_snapshots
from disastershare.sync.keycard import own_keycard, read_keycard
from disastershare.sync.keys import generate_signing_key
from disastershare.sync.partners import Agreement, list_partners
from disastershare.sync.progress import drain
from disastershare.ui.dialogs.key_card_dialog import TYPING_PAUSE_MS
from disastershare.ui.main_window import MainWindow
from disastershare.ui.models.partner_table_model import COL_ENABLED
from disastershare.ui.views.partners_tab import PartnersTab

from .conftest import OWN, PARTNER
from .partner_factory import THIRD, key_card_of, keyed_workspace, own_and_partner, snapshot_of

CLICK = Qt.MouseButton.LeftButton


def tick(qtbot, box) -> None:
    # on the indicator: a check box in a wide layout is not clickable at its centre
    qtbot.mouseClick(box, CLICK, pos=QPoint(6, box.height() // 2))


def partners_tab(qtbot, workspace) -> PartnersTab:
    tab = PartnersTab(workspace, "en")
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def read_card(qtbot, dialog, path) -> None:
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)


def test_export_my_key_card_shows_the_fingerprint_in_groups(qtbot, app, make_workspace, tmp_path):
    own = keyed_workspace(make_workspace, OWN, "own")
    tab = partners_tab(qtbot, own)
    card = own_keycard(own)
    # The own fingerprint is on screen, in groups of four, before anything is exported
    assert tab.own_card_view.fingerprint() == card.fingerprint
    assert tab.own_card_view.fingerprint_label.text().count("   ") == 4
    assert "131016" in tab.own_card_view.municipality_label.text()
    path = tab.export_keycard(tmp_path / "chiyoda.dskey")
    assert read_keycard(path).fingerprint == card.fingerprint
    assert json.loads(path.read_text(encoding="utf-8"))["municipality"] == OWN
    assert str(path) in tab.message_line.text() and not tab.message_line.refused


def test_add_partner_refuses_ok_until_the_phone_check_is_ticked(qtbot, app, make_workspace, tmp_path):
    # Given our workspace and a partner's real key card file
    own = keyed_workspace(make_workspace, OWN, "own")
    other = keyed_workspace(make_workspace, PARTNER, "partner")
    card_file = key_card_of(other, tmp_path / "chuo.dskey")
    tab = partners_tab(qtbot, own)
    dialog = tab.open_add_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled() and not dialog.confirm_check.isEnabled()
    # When the card is read
    read_card(qtbot, dialog, card_file)
    # Then municipality and fingerprint are shown prominently, but OK waits for the phone check
    assert dialog.card_view.isVisible()
    assert dialog.card_view.municipality_label.text() == "131024  東京都中央区"
    assert dialog.card_view.fingerprint() == own_keycard(other).fingerprint
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # even pressed by other means: nothing happens
    assert list_partners(own) == [] and dialog.isVisible()
    # When the agreement is chosen and the box is ticked, OK adds the partner
    dialog.agreement_combo.setCurrentIndex(dialog.agreement_combo.findData(Agreement.PREFECTURE.value))
    tick(qtbot, dialog.confirm_check)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.added):
        qtbot.mouseClick(dialog.ok_button, CLICK)
    [added] = list_partners(own)
    assert (added.code, added.agreement, added.enabled) == (PARTNER, Agreement.PREFECTURE, True)
    # And the table shows it, selected
    assert tab.model.rowCount() == 1 and tab.selected_partner().code == PARTNER
    assert "東京都中央区" in tab.message_line.text()


def test_a_typed_or_pasted_key_card_path_is_read_without_the_chooser(qtbot, app, make_workspace, tmp_path):
    # Given the add-partner dialog and a partner's card file whose path the officer types (no Browse, no Return)
    own = keyed_workspace(make_workspace, OWN, "own")
    other = keyed_workspace(make_workspace, PARTNER, "partner")
    card_file = key_card_of(other, tmp_path / "chuo.dskey")
    tab = partners_tab(qtbot, own)
    dialog = tab.open_add_dialog()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.file_edit.setFocus()
    qtbot.keyClicks(dialog.file_edit, str(card_file))
    # Then the card is read once the path names the file, and the phone check can be ticked
    qtbot.waitUntil(lambda: dialog.card is not None, timeout=5_000)
    assert dialog.card_view.isVisible() and dialog.card_view.municipality_label.text() == "131024  東京都中央区"
    assert not dialog.error_line.isVisible()
    tick(qtbot, dialog.confirm_check)
    assert dialog.ok_button.isEnabled()
    # And leaving the field does not read it again, which would undo the tick
    dialog.file_edit.setFocus()
    dialog.agreement_combo.setFocus()
    qtbot.wait(TYPING_PAUSE_MS + 100)
    assert dialog.confirm_check.isChecked() and dialog.ok_button.isEnabled()
    # A path pasted with quotes (Windows' "Copy as path") works the same, and so does a file:// URL
    for pasted in (f'"{card_file}"', card_file.as_uri()):
        dialog.file_edit.clear()
        dialog.card = None
        dialog.file_edit.setFocus()
        qtbot.keyClicks(dialog.file_edit, pasted)
        qtbot.waitUntil(lambda: dialog.card is not None, timeout=5_000)
    # A half-typed path says nothing while typing; left unfinished, it says why it cannot be read
    dialog.file_edit.clear()
    qtbot.keyClicks(dialog.file_edit, str(tmp_path / "chu"))
    qtbot.wait(TYPING_PAUSE_MS + 200)
    assert not dialog.error_line.isVisible()
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    assert dialog.error_line.isVisible() and dialog.card is None and not dialog.ok_button.isEnabled()


def test_add_partner_refuses_own_card_malformed_cards_and_unknown_codes(qtbot, app, make_workspace, tmp_path):
    own = keyed_workspace(make_workspace, OWN, "own")
    tab = partners_tab(qtbot, own)
    dialog = tab.open_add_dialog()
    qtbot.addWidget(dialog)
    # Own key card: refused in one line, nothing changed, OK stays disabled
    read_card(qtbot, dialog, key_card_of(own, tmp_path / "mine.dskey"))
    assert dialog.error_line.isVisible() and dialog.error_line.refused
    assert "own key card" in dialog.error_line.text() and "\n" not in dialog.error_line.text()
    assert not dialog.card_view.isVisible() and not dialog.ok_button.isEnabled()
    # A damaged card
    broken = tmp_path / "broken.dskey"
    broken.write_text("{ not json", encoding="utf-8")
    dialog.file_edit.clear()
    read_card(qtbot, dialog, broken)
    assert "not a key card" in dialog.error_line.text()
    # A card of a municipality this workspace's registry does not know
    stranger = keyed_workspace(make_workspace, THIRD, "third")
    card_file = key_card_of(stranger, tmp_path / "minato.dskey")
    with own.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM municipality WHERE code = ?", (THIRD,))
    own.invalidate_registry()
    dialog.file_edit.clear()
    read_card(qtbot, dialog, card_file)
    assert "not in this workspace's registry" in dialog.error_line.text()
    assert not dialog.ok_button.isEnabled()
    assert list_partners(own) == []


def test_disable_and_enable_a_partner(qtbot, app, make_workspace):
    own, _ = own_and_partner(make_workspace)
    tab = partners_tab(qtbot, own)
    assert not tab.toggle_button.isEnabled()  # nothing selected
    tab.select_partner(PARTNER)
    assert tab.toggle_button.text() == "Disable"
    qtbot.mouseClick(tab.toggle_button, CLICK)
    assert not list_partners(own)[0].enabled
    assert tab.model.index(0, COL_ENABLED).data() == "Disabled"
    assert tab.toggle_button.text() == "Enable" and tab.selected_partner().code == PARTNER
    qtbot.mouseClick(tab.toggle_button, CLICK)
    assert list_partners(own)[0].enabled


def test_replace_key_needs_the_right_card_and_an_explicit_confirmation(qtbot, app, make_workspace, tmp_path):
    own, other = own_and_partner(make_workspace)
    old_fingerprint = list_partners(own)[0].fingerprint
    # The partner lost its laptop and made a new key
    (other.keys_dir / "signing_key.pem").unlink()
    generate_signing_key(other.keys_dir)
    new_card = key_card_of(other, tmp_path / "chuo-new.dskey")
    tab = partners_tab(qtbot, own)
    tab.select_partner(PARTNER)
    dialog = tab.open_replace_dialog()
    qtbot.addWidget(dialog)
    assert old_fingerprint.split()[0] in dialog.old_label.text()
    # A card of another municipality is refused
    read_card(qtbot, dialog, key_card_of(own, tmp_path / "mine.dskey"))
    assert dialog.error_line.refused and not dialog.ok_button.isEnabled()
    dialog.file_edit.clear()
    read_card(qtbot, dialog, new_card)
    assert not dialog.error_line.isVisible()
    assert dialog.card_view.fingerprint() == own_keycard(other).fingerprint
    assert not dialog.ok_button.isEnabled()
    tick(qtbot, dialog.confirm_check)
    with qtbot.waitSignal(dialog.replaced):
        qtbot.mouseClick(dialog.ok_button, CLICK)
    assert list_partners(own)[0].fingerprint == own_keycard(other).fingerprint != old_fingerprint


def test_selecting_a_partner_shows_what_its_last_snapshot_changed(qtbot, app, make_workspace, tmp_path):
    own, other = own_and_partner(make_workspace)
    drain(import_snapshots(own, [snapshot_of(other, tmp_path / "out")]))
    window = MainWindow(own, "en")
    qtbot.addWidget(window)
    tab = window.partners_tab
    assert tab.changes_model.rowCount() == 0
    assert "Select a partner" in tab.changes_label.text()
    window.show()
    window.tab_widget.setCurrentWidget(tab)
    qtbot.waitExposed(window)
    # When the partner's row is clicked
    rect = tab.view.visualRect(tab.proxy.index(0, 1))
    qtbot.mouseClick(tab.view.viewport(), CLICK, pos=rect.center())
    # Then what its snapshot brought is listed per resource
    rows = {tab.changes_model.index(r, 1).data(): tab.changes_model.index(r, 2).data()
            for r in range(tab.changes_model.rowCount())}
    assert rows == {"S-BLANKET": "1", "S-WATER": "1"}
    assert "東京都中央区" in tab.changes_label.text() and "number 1" in tab.changes_label.text()
