"""Editing in the tables: persisted through the repository, refused by the core's rules, undoable."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from disastershare.core.records import Condition, NeedStatus
from disastershare.store.workspace import Workspace
from disastershare.ui.models import inventory_table_model as inv
from disastershare.ui.models import needs_table_model as nd
from disastershare.ui.models import staff_table_model as st

from .conftest import add_partner_item, add_pool, type_japanese


def view_index(tab, record_id, column):
    return tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(record_id), column))


def open_editor(qtbot, tab, record_id, column, editor_type):
    index = view_index(tab, record_id, column)
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    editor = tab.view.findChild(editor_type)
    assert editor is not None and editor.isVisible()
    return editor


def press_enter(qtbot, tab, editor):
    """Enter commits through the delegate; Qt queues the commit, so wait until editing has ended."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.view.state() != tab.view.State.EditingState)


def stored(workspace: Workspace, record):
    """Read back from a freshly opened workspace: what is really on disk."""
    reopened = Workspace.open(workspace.root)
    try:
        return reopened.inventory.get(record.meta.id) or reopened.staff.get(record.meta.id) \
            or reopened.needs.get(record.meta.id)
    finally:
        reopened.close()


def blanket(workspace):
    return next(r for r in workspace.inventory.list() if r.resource == "S-BLANKET")


def test_typing_a_quantity_in_the_spin_box_saves_it(qtbot, window, workspace):
    tab = window.tab("inventoryTab")
    item = blanket(workspace)
    # When the person types 150 into the On hand cell and presses Enter
    editor = open_editor(qtbot, tab, item.meta.id, inv.COL_ON_HAND, QSpinBox)
    editor.selectAll()
    qtbot.keyClicks(editor, "150")
    press_enter(qtbot, tab, editor)
    # Then the table shows it and the database holds it
    assert view_index(tab, item.meta.id, inv.COL_ON_HAND).data() == "150"
    assert stored(workspace, item).on_hand == 150
    assert tab.message_label.isHidden()


def test_text_date_and_choice_editors(qtbot, window, workspace):
    tab = window.tab("inventoryTab")
    item = blanket(workspace)
    editor = open_editor(qtbot, tab, item.meta.id, inv.COL_LOCATION, QLineEdit)
    editor.selectAll()
    type_japanese(editor, "第３倉庫")
    press_enter(qtbot, tab, editor)
    assert stored(workspace, item).location == "第３倉庫"
    # dates as people write them
    assert tab.model.setData(tab.model.index(tab.model.row_of(item.meta.id), inv.COL_EXPIRY), "令和9年3月31日")
    assert stored(workspace, item).expiry == date(2027, 3, 31)
    # a combo box for the condition
    combo = open_editor(qtbot, tab, item.meta.id, inv.COL_CONDITION, QComboBox)
    combo.setCurrentIndex(combo.findData(Condition.DAMAGED.value))
    press_enter(qtbot, tab, combo)
    assert stored(workspace, item).condition is Condition.DAMAGED


def test_staff_and_needs_cells_edit_too(qtbot, window, workspace):
    staff = window.tab("staffTab")
    pool = workspace.staff.list()[0]
    row = staff.model.row_of(pool.meta.id)
    assert staff.model.setData(staff.model.index(row, st.COL_MAX_DAYS), "10")
    assert staff.model.setData(staff.model.index(row, st.COL_CONTACT_SECTION), "危機管理課")
    assert stored(workspace, pool).max_dispatch_days == 10
    assert staff.model.setData(staff.model.index(row, st.COL_MAX_DAYS), "")
    assert stored(workspace, pool).max_dispatch_days is None
    needs = window.tab("needsTab")
    need = workspace.needs.list()[0]
    assert needs.model.setData(needs.model.index(needs.model.row_of(need.meta.id), nd.COL_STATUS), "met")
    assert stored(workspace, need).status is NeedStatus.MET


def test_a_negative_quantity_is_refused_with_a_message(qtbot, window, workspace):
    tab = window.tab("inventoryTab")
    item = blanket(workspace)
    # When -5 is typed into On hand (the spin box lets it through: the core decides)
    editor = open_editor(qtbot, tab, item.meta.id, inv.COL_ON_HAND, QSpinBox)
    editor.selectAll()
    qtbot.keyClicks(editor, "-5")
    press_enter(qtbot, tab, editor)
    # Then the old value stays, the reason is shown on the tab and in the status bar, nothing is stored
    assert view_index(tab, item.meta.id, inv.COL_ON_HAND).data() == "120"
    assert not tab.message_label.isHidden()
    assert "cannot be negative" in tab.message_label.text()
    assert "on hand" in tab.message_label.text()
    assert "cannot be negative" in window.statusBar().currentMessage()
    assert stored(workspace, item).on_hand == 120
    assert not window.undo_stack.canUndo()  # a refusal is not an undo step
    # And a later successful edit clears the message
    assert tab.model.setData(view_index(tab, item.meta.id, inv.COL_ON_HAND), 90)
    assert tab.message_label.isHidden()


def test_reserved_above_on_hand_and_unreadable_text_are_refused(app, window, workspace):
    tab = window.tab("inventoryTab")
    item = blanket(workspace)
    index = view_index(tab, item.meta.id, inv.COL_RESERVED)
    assert not tab.model.setData(tab.proxy.mapToSource(index), 121)
    assert "cannot exceed" in tab.message_label.text()
    assert not tab.model.setData(tab.proxy.mapToSource(view_index(tab, item.meta.id, inv.COL_EXPIRY)), "soon")
    assert "not a date" in tab.message_label.text()
    assert stored(workspace, item) == item


def test_undo_restores_the_database_and_redo_reapplies(qtbot, window, workspace):
    tab = window.tab("inventoryTab")
    item = blanket(workspace)
    index = tab.proxy.mapToSource(view_index(tab, item.meta.id, inv.COL_ON_HAND))
    assert tab.model.setData(index, 80)
    assert stored(workspace, item).on_hand == 80
    assert window.window_actions.undo_action.isEnabled()
    assert "S-BLANKET" in window.window_actions.undo_action.text()
    # Ctrl+Z
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(workspace, item).on_hand == 120
    assert tab.model.index(tab.model.row_of(item.meta.id), inv.COL_ON_HAND).data() == "120"
    # Ctrl+Shift+Z
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(workspace, item).on_hand == 80
    assert tab.model.index(tab.model.row_of(item.meta.id), inv.COL_ON_HAND).data() == "80"


def test_add_a_row_through_the_dialog_then_undo_and_redo(qtbot, window, workspace):
    tab = window.tab("staffTab")
    before = len(workspace.staff.list())
    # When the person opens Add row, searches, finds 保健師 and sets 3 people
    dialog = tab.open_add_dialog()
    type_japanese(dialog.search_edit, "保健師")
    assert dialog.resource_code() == "P-PHN"
    assert all(dialog.resource_list.item(i).isHidden() or
               dialog.resource_list.item(i).data(Qt.ItemDataRole.UserRole).startswith("P-")
               for i in range(dialog.resource_list.count()))  # only staff types are offered here
    dialog.quantity_spin.setValue(3)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    # Then a staff pool is stored, shown and selected
    pools = workspace.staff.list()
    assert len(pools) == before + 1
    added = next(p for p in pools if p.resource == "P-PHN")
    assert added.headcount == 3
    assert tab.selected_records() == [added]
    # Undo removes it (a tombstone), redo brings it back
    window.undo_stack.undo()
    assert len(workspace.staff.list()) == before and tab.model.row_of(added.meta.id) is None
    assert stored(workspace, added).meta.deleted
    window.undo_stack.redo()
    assert len(workspace.staff.list()) == before + 1 and tab.model.row_of(added.meta.id) is not None


def test_the_add_dialog_finds_a_type_by_its_reading(qtbot, window):
    dialog = window.tab("inventoryTab").open_add_dialog()
    type_japanese(dialog.search_edit, "もうふ")
    assert dialog.resource_code() == "S-BLANKET"
    dialog.search_edit.clear()
    type_japanese(dialog.search_edit, "アルファ化米")
    assert dialog.resource_code() == "S-FOOD-STAPLE"
    dialog.reject()


def test_add_refused_by_the_core_shows_why(app, window, workspace):
    tab = window.tab("needsTab")
    before = workspace.needs.list()
    assert tab.add_record("S-MASK", 0) is None  # an open need must ask for at least 1
    assert "at least 1" in tab.message_label.text()
    assert workspace.needs.list() == before


def test_remove_rows_with_one_undo_step(qtbot, window, workspace):
    tab = window.tab("inventoryTab")
    tab.view.selectAll()
    before = workspace.inventory.list()
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert workspace.inventory.list() == []
    assert tab.model.rowCount() == 0
    window.undo_stack.undo()
    assert sorted(r.meta.id for r in workspace.inventory.list()) == sorted(r.meta.id for r in before)
    assert tab.model.rowCount() == len(before)
    window.undo_stack.redo()
    assert workspace.inventory.list() == [] and tab.model.rowCount() == 0


def test_partners_rows_can_be_shown_but_not_changed(qtbot, window, workspace):
    tab = window.tab("inventoryTab")
    partner = add_partner_item(workspace)
    assert tab.model.row_of(partner.meta.id) is None
    qtbot.mouseClick(tab.filter_bar.partners_check, Qt.MouseButton.LeftButton)
    assert tab.model.row_of(partner.meta.id) is not None
    assert not tab.view.isColumnHidden(inv.COL_OWNER)
    assert "中央区" in view_index(tab, partner.meta.id, inv.COL_OWNER).data()
    assert not tab.model.setData(tab.proxy.mapToSource(view_index(tab, partner.meta.id, inv.COL_ON_HAND)), 1)
    tab.select_record(partner.meta.id)
    assert tab.remove_selected() == 0
    assert "own rows" in tab.message_label.text()
    assert workspace.inventory.get(partner.meta.id) == partner


def test_undo_after_the_record_vanished_reports_instead_of_crashing(app, window, workspace):
    tab = window.tab("staffTab")
    pool = add_pool(workspace, "P-CIVIL", 2)
    tab.reload()
    assert tab.model.setData(tab.model.index(tab.model.row_of(pool.meta.id), st.COL_HEADCOUNT), 5)
    workspace.staff.delete(pool.meta.id)  # e.g. removed by an import meanwhile
    window.undo_stack.undo()
    assert "no longer exists" in tab.message_label.text()
