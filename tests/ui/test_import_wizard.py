"""The import wizard end to end on real files: check on a worker thread, preview, import, reload."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from disastershare.ui.dialogs.import_wizard import CHOOSE_PAGE, PREVIEW_PAGE
from disastershare.ui.models.import_preview_model import COL_ACTION, COL_DETAIL, COL_LINE, COL_RESOURCE, COL_SUGGESTION

from .conftest import add_item, type_japanese

CLICK = Qt.MouseButton.LeftButton


def write_cp932(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("cp932"))  # as Excel on Windows saves "CSV (comma separated)"
    return path


def check(qtbot, wizard, path: Path, needs: bool = False):
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_edit.setText(str(path))
    if needs:
        # on the round indicator: a radio button in a wide layout is not clickable at its centre
        qtbot.mouseClick(wizard.needs_radio, CLICK, pos=QPoint(6, wizard.needs_radio.height() // 2))
    with qtbot.waitSignal(wizard.planned, timeout=10_000) as blocker:
        qtbot.mouseClick(wizard.check_button, CLICK)
    return blocker.args[0]


def test_import_a_cp932_csv_to_the_end(qtbot, window, workspace, tmp_path):
    # Given a stock list saved by Excel in cp932, with a unit inside the quantity cell
    before = {r.resource for r in workspace.inventory.list()} - {"S-BLANKET"}
    for r in workspace.inventory.list():
        if r.resource == "S-BLANKET":
            workspace.inventory.delete(r.meta.id)
    window.tab("inventoryTab").reload()
    staff = window.tab("staffTab")
    assert staff.model.setData(staff.model.index(0, 2), 9)  # an edit on the undo stack before the import
    assert window.undo_stack.canUndo()
    csv = write_cp932(tmp_path / "備蓄品一覧.csv", "品名,数量,保管場所\n毛布,120枚,倉庫A\n")
    wizard = window.open_import_wizard()
    qtbot.addWidget(wizard)
    # When it is checked on the worker thread
    plan = check(qtbot, wizard, csv)
    # Then the preview shows one addition and no problems, and Import is enabled
    assert plan.ok and len(plan.adds) == 1
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert wizard.preview_model.rowCount() == 1
    assert wizard.preview_model.index(0, COL_ACTION).data() == "Add"
    assert "Blankets (S-BLANKET)" in wizard.preview_model.index(0, 2).data()
    assert "on hand 120" in wizard.preview_model.index(0, 3).data()
    assert wizard.progress_bar.value() == wizard.progress_bar.maximum()
    assert wizard.import_button.isEnabled()
    assert not [r for r in workspace.inventory.list() if r.resource == "S-BLANKET"]  # nothing written yet
    # When Import is pressed
    with qtbot.waitSignal(wizard.imported) as done:
        qtbot.mouseClick(wizard.import_button, CLICK)
    # Then the record is stored and the Inventory tab shows it
    assert done.args == [1, 0]
    blanket = [r for r in workspace.inventory.list() if r.resource == "S-BLANKET"]
    assert [(b.on_hand, b.location) for b in blanket] == [(120, "倉庫A")]
    assert before <= {r.resource for r in workspace.inventory.list()}
    tab = window.tab("inventoryTab")
    assert tab.model.row_of(blanket[0].meta.id) is not None
    assert not window.undo_stack.canUndo()  # older edits must not undo over imported values
    assert "1 added" in wizard.summary_label.text()
    assert not wizard.import_button.isEnabled()  # the same rows cannot be imported twice


def test_problem_rows_block_import_until_skipped(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard

    csv = write_cp932(tmp_path / "needs.csv", "品名,数量\n飲料水,300\n毛ふ,10\n毛布,-4\n")
    wizard = ImportWizard(workspace, "en")
    qtbot.addWidget(wizard)
    plan = check(qtbot, wizard, csv, needs=True)
    assert plan.kind == "needs"
    assert len(plan.adds) == 1 and len(plan.problems) == 2
    # problems are listed first, with their file line numbers
    lines = {wizard.preview_model.index(r, COL_LINE).data() for r in range(2)}
    assert lines == {"3", "4"}
    assert wizard.preview_model.index(0, COL_ACTION).data() == "Problem"
    suggestions = [wizard.preview_model.index(r, COL_SUGGESTION).data() for r in range(2)]
    assert any("S-BLANKET" in s for s in suggestions)
    assert not wizard.import_button.isEnabled()
    assert not wizard.skip_check.isHidden()
    qtbot.mouseClick(wizard.skip_check, CLICK)
    assert wizard.import_button.isEnabled()
    with qtbot.waitSignal(wizard.imported):
        qtbot.mouseClick(wizard.import_button, CLICK)
    assert [(n.resource, n.quantity) for n in workspace.needs.list()] == [("S-WATER", 300)]


def test_a_pdf_renamed_csv_is_refused_and_changes_nothing(qtbot, window, workspace, tmp_path):
    before = (workspace.inventory.list(), workspace.staff.list(), workspace.needs.list())
    fake = tmp_path / "在庫.csv"
    fake.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    wizard = window.open_import_wizard()
    qtbot.addWidget(wizard)
    wizard.file_edit.setText(str(fake))
    with qtbot.waitSignal(wizard.failed, timeout=10_000) as refused:
        qtbot.mouseClick(wizard.check_button, CLICK)
    assert "PDF" in refused.args[0]
    assert wizard.pages.currentIndex() == CHOOSE_PAGE
    assert not wizard.error_label.isHidden()
    assert "PDF" in wizard.error_label.text() and "cannot be imported" in wizard.error_label.text()
    assert wizard.plan is None
    assert (workspace.inventory.list(), workspace.staff.list(), workspace.needs.list()) == before


def test_reimport_shows_changes_against_stored_records(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard

    add_item(workspace, "S-BLANKET", 100, location="倉庫A")
    csv = write_cp932(tmp_path / "stock.csv", "品名,数量,保管場所\n毛布,150,倉庫A\n")
    wizard = ImportWizard(workspace, "ja")
    qtbot.addWidget(wizard)
    plan = check(qtbot, wizard, csv)
    assert len(plan.changes) == 1
    detail = wizard.preview_model.index(0, 3).data()
    assert "100 → 150" in detail


def test_preview_screenshot_in_japanese(qtbot, app, workspace, tmp_path, artifacts):
    from disastershare.ui.dialogs.import_wizard import ImportWizard
    from disastershare.ui.translations import apply_language

    apply_language("ja")
    csv = write_cp932(tmp_path / "stock.csv", "品名,数量,保管場所\n毛布,120枚,倉庫A\n毛ふ,10,倉庫B\n発電機,3台,役場\n")
    wizard = ImportWizard(workspace, "ja")
    qtbot.addWidget(wizard)
    check(qtbot, wizard, csv)
    assert wizard.preview_model.index(0, COL_ACTION).data() == "問題あり"
    assert wizard.import_button.text() == "取込"
    path = artifacts / "import_preview_ja.png"
    assert wizard.grab().save(str(path), "PNG") and path.stat().st_size > 10_000


def big_csv(tmp_path: Path, rows: int = 60_000) -> Path:
    lines = ["品名,数量,保管場所"] + [f"毛布,{i % 90 + 1},倉庫{i}" for i in range(rows)]
    return write_cp932(tmp_path / "big.csv", "\n".join(lines) + "\n")


def test_cancel_stops_checking_and_imports_nothing(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import PROGRESS_PAGE, ImportWizard

    wizard = ImportWizard(workspace, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_edit.setText(str(big_csv(tmp_path)))
    qtbot.mouseClick(wizard.check_button, CLICK)
    assert wizard.pages.currentIndex() == PROGRESS_PAGE
    assert not wizard.cancel_button.isHidden()
    qtbot.mouseClick(wizard.cancel_button, CLICK)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == CHOOSE_PAGE, timeout=20_000)
    assert "cancelled" in wizard.error_label.text()
    assert wizard.plan is None and workspace.inventory.list() == []


def test_closing_while_checking_is_safe(qtbot, window, workspace, tmp_path):
    before = workspace.inventory.list()
    wizard = window.open_import_wizard()
    wizard.file_edit.setText(str(big_csv(tmp_path)))
    wizard.start_check()
    cancelled = wizard._worker.signals.cancelled
    with qtbot.waitSignal(cancelled, timeout=20_000):
        wizard.close()  # deletes the dialog (WA_DeleteOnClose) while the worker still runs
    assert workspace.inventory.list() == before


# -- resolving every problem in the window ----------------------------------------------------------------------
def stock_workbook(path: Path) -> Path:
    """One sheet with a row for each kind of problem the window fixes, and one row that is fine."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "備蓄品"
    sheet.append(["品名", "数量", "単位", "期限", "保管場所"])
    sheet.append(["毛布", 3, "箱", None, "倉庫A"])  # line 2: how many 枚 in a 箱? (pack_size)
    sheet.append(["防災ずきん", 10, None, None, "倉庫A"])  # line 3: not in the catalog (unknown_name)
    sheet.append(["簡易トイレ", 5, None, None, "倉庫A"])  # line 4: bags or box toilets? (ambiguous_name)
    sheet.append(["アルファ化米", 100, None, "来年", "倉庫A"])  # line 5: not a date (invalid)
    sheet.append(["謎の品", 1, None, None, "倉庫A"])  # line 6: to be left out
    sheet.append(["保存水（500ml）", 2400, "本", None, "倉庫A"])  # line 7: fine, 1,200 L
    book.save(path)
    return path


def select_problem(qtbot, wizard, name: str):
    """Click the problem row of `name` in the preview; the fix panel then shows it."""
    model, view = wizard.preview_model, wizard.preview_view
    row = next(r for r in range(model.problem_count()) if model.problem_at(r).name == name)
    rect = view.visualRect(model.index(row, COL_RESOURCE))
    qtbot.mouseClick(view.viewport(), CLICK, pos=rect.center())
    assert wizard.fix_panel.problem is not None and wizard.fix_panel.problem.name == name
    return wizard.fix_panel.problem


def fix(qtbot, wizard, button) -> object:
    """Make a fix (click its button) and wait for the recomputed plan."""
    with qtbot.waitSignal(wizard.planned, timeout=10_000) as blocker:
        qtbot.mouseClick(button, CLICK)
    return blocker.args[0]


def screenshot(wizard, path: Path) -> None:
    QApplication.sendPostedEvents()  # the panel's new texts are laid out before the picture is taken
    QApplication.processEvents()
    assert wizard.grab().save(str(path), "PNG") and path.stat().st_size > 10_000


def test_every_problem_is_fixed_in_the_window_then_imported(qtbot, app, workspace, tmp_path, artifacts):
    from disastershare.ui.dialogs.import_wizard import ImportWizard
    from disastershare.ui.translations import apply_language

    # Given a workbook with five problem rows, checked in a Japanese window the size of a 1366×768 laptop's
    apply_language("ja")
    wizard = ImportWizard(workspace, "ja")
    qtbot.addWidget(wizard)
    wizard.resize(1180, 690)
    plan = check(qtbot, wizard, stock_workbook(tmp_path / "備蓄品一覧.xlsx"))
    assert sorted(p.code for p in plan.problems) == sorted(
        ["pack_size", "unknown_name", "ambiguous_name", "invalid", "unknown_name"])
    assert [r.resource for r in plan.adds] == ["S-WATER"]
    # the problem rows name the item as the sheet wrote it; the notes say the water was converted
    names = [wizard.preview_model.index(r, COL_RESOURCE).data() for r in range(5)]
    assert names == ["毛布", "防災ずきん", "簡易トイレ", "アルファ化米", "謎の品"]
    assert wizard.preview_model.index(1, COL_DETAIL).data(Qt.ItemDataRole.ToolTipRole) == \
        "品目「防災ずきん」はカタログにありません"
    assert "期限" in wizard.preview_model.index(3, COL_DETAIL).data()  # the date problem, said in Japanese
    assert "来年" in wizard.preview_model.index(3, COL_DETAIL).data()
    assert "2,400 本 × 0.5 L = 1,200 L" in wizard.preview_page.notes_view.toPlainText()
    assert not wizard.import_button.isEnabled()

    # When the blanket row is selected, the panel asks for the pack size
    panel = wizard.fix_panel
    select_problem(qtbot, wizard, "毛布")
    assert not panel.pack_box.isHidden() and panel.choose_box.isHidden()
    assert panel.pack_label.text() == "1箱あたりの枚数:"
    screenshot(wizard, artifacts / "import_fix_pack_size_ja.png")
    panel.pack_spin.selectAll()
    qtbot.keyClicks(panel.pack_spin, "10")
    assert panel.pack_result.text() == "1箱 = 10枚"
    plan = fix(qtbot, wizard, panel.pack_button)
    # Then 3 boxes are 30 blankets, and one problem fewer
    assert len(plan.problems) == 4
    assert [(r.resource, r.on_hand) for r in plan.adds if r.resource == "S-BLANKET"] == [("S-BLANKET", 30)]

    # When 防災ずきん becomes a local type of this municipality (物資, 個)
    select_problem(qtbot, wizard, "防災ずきん")
    assert panel.new_name_edit.text() == "防災ずきん"
    assert panel.new_kind_combo.currentText() == "物資"
    assert not panel.create_button.isEnabled()  # no unit yet
    type_japanese(panel.new_unit_edit, "個")
    plan = fix(qtbot, wizard, panel.create_button)
    assert len(plan.problems) == 3
    [hood_type] = plan.new_types
    assert (hood_type.name_ja, hood_type.unit, hood_type.code) == ("防災ずきん", "個", f"{workspace.municipality}-L1")

    # When 簡易トイレ is read as toilet bags, found by searching the catalog by reading
    select_problem(qtbot, wizard, "簡易トイレ")
    offered = [panel.type_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.type_list.count())]
    assert sorted(offered) == ["E-TOILET-BOX", "S-TOILET-BAG"]
    screenshot(wizard, artifacts / "import_fix_name_ja.png")
    type_japanese(panel.search_edit, "けいたい")
    assert panel.type_list.item(0).data(Qt.ItemDataRole.UserRole) == "S-TOILET-BAG"
    assert "携帯トイレ" in panel.type_list.item(0).text()
    rect = panel.type_list.visualItemRect(panel.type_list.item(0))
    qtbot.mouseClick(panel.type_list.viewport(), CLICK, pos=rect.center())
    plan = fix(qtbot, wizard, panel.choose_button)
    assert len(plan.problems) == 2

    # When the expiry 来年 is corrected to 令和12年3月
    select_problem(qtbot, wizard, "アルファ化米")
    date_edit = panel.cell_edit("expiry")
    assert date_edit is not None and date_edit.text() == "来年"
    date_edit.selectAll()
    qtbot.keyClick(date_edit, Qt.Key.Key_Delete)
    type_japanese(date_edit, "令和12年3月")
    plan = fix(qtbot, wizard, panel.correct_button)
    assert len(plan.problems) == 1
    assert any("令和12年3月" in n.text("ja") for n in plan.notes)  # read as the month's last day

    # When 謎の品 is left out
    select_problem(qtbot, wizard, "謎の品")
    plan = fix(qtbot, wizard, panel.skip_button)
    # Then nothing is wrong any more, and still nothing has been written
    assert plan.ok and plan.skipped_rows == [("備蓄品", 6, "skipped in the import window")]
    assert wizard.preview_page.fix_scroll.isHidden()
    assert workspace.inventory.list() == []
    assert workspace.learned_names() == {}
    assert hood_type.code not in workspace.catalog()
    assert wizard.import_button.isEnabled()

    # When Import is pressed
    with qtbot.waitSignal(wizard.imported) as done:
        qtbot.mouseClick(wizard.import_button, CLICK)
    # Then the records, the local type and the learned names are stored together
    assert done.args == [5, 0]
    stored = {r.resource: r for r in workspace.inventory.list()}
    assert {code: r.on_hand for code, r in stored.items()} == {
        "S-BLANKET": 30, "S-WATER": 1200, "S-TOILET-BAG": 5, hood_type.code: 10, "S-FOOD-STAPLE": 100}
    assert stored["S-FOOD-STAPLE"].expiry == date(2030, 3, 31)
    assert workspace.catalog().get(hood_type.code).name_ja == "防災ずきん"
    learned = workspace.learned_names()
    assert learned["簡易トイレ"] == "S-TOILET-BAG" and learned["防災ずきん"] == hood_type.code
    # and the result says which row was left out, and why
    result = wizard.summary_label.text()
    assert "取込まなかった行: 1" in result and "6行目（謎の品）" in result
    screenshot(wizard, artifacts / "import_result_ja.png")
    assert not wizard.import_button.isEnabled()


def test_the_result_counts_problem_rows_skipped_with_the_box(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard

    csv = write_cp932(tmp_path / "stock.csv", "品名,数量\n毛布,10\n謎の品,1\n毛布,x\n")
    wizard = ImportWizard(workspace, "en")
    qtbot.addWidget(wizard)
    plan = check(qtbot, wizard, csv)
    assert len(plan.problems) == 2
    qtbot.mouseClick(wizard.skip_check, CLICK)
    with qtbot.waitSignal(wizard.imported):
        qtbot.mouseClick(wizard.import_button, CLICK)
    result = wizard.summary_label.text()
    assert "Rows not imported: 2." in result
    assert "line 3 (謎の品): unknown resource '謎の品'" in result
    assert "line 4 (毛布)" in result


def test_return_in_the_file_field_checks_and_does_not_browse(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard

    csv = write_cp932(tmp_path / "stock.csv", "品名,数量\n毛布,10\n")
    wizard = ImportWizard(workspace, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    browsed: list[bool] = []
    wizard.browse_button.clicked.connect(lambda: browsed.append(True))
    wizard.file_edit.setFocus()
    qtbot.keyClicks(wizard.file_edit, str(csv))
    with qtbot.waitSignal(wizard.planned, timeout=10_000):
        qtbot.keyClick(wizard.file_edit, Qt.Key.Key_Return)
    assert browsed == [] and wizard.findChildren(QFileDialog) == []
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    # and Return on the preview page imports nothing by itself
    qtbot.keyClick(wizard.preview_view, Qt.Key.Key_Return)
    assert workspace.inventory.list() == []


def test_several_sheets_show_where_each_problem_is(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard

    book = openpyxl.Workbook()
    first = book.active
    first.title = "本庁舎"
    first.append(["品名", "数量"])
    first.append(["毛布", 10])
    second = book.create_sheet("第二倉庫")
    second.append(["品名", "数量"])
    second.append(["謎の品" * 20, 1])
    book.save(tmp_path / "two.xlsx")
    wizard = ImportWizard(workspace, "en")
    qtbot.addWidget(wizard)
    plan = check(qtbot, wizard, tmp_path / "two.xlsx")
    assert len(plan.problems) == 1
    assert wizard.preview_model.index(0, COL_LINE).data() == "第二倉庫: 2"
    assert wizard.preview_model.index(0, COL_LINE).data(Qt.ItemDataRole.ToolTipRole) == "Sheet 第二倉庫, line 2"
    assert wizard.preview_model.index(0, COL_RESOURCE).data(Qt.ItemDataRole.ToolTipRole) == "謎の品" * 20
    notes = wizard.preview_page.notes_view.toPlainText()
    assert "sheet '本庁舎': 1 rows read" in notes and "stored at '第二倉庫'" in notes
    select_problem(qtbot, wizard, "謎の品" * 20)
    assert wizard.fix_panel.title_label.text().startswith("Sheet 第二倉庫, line 2: ")


def test_a_local_type_needs_a_valid_name(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard

    csv = write_cp932(tmp_path / "stock.csv", "品名,数量\n防災ずきん,10\n")
    wizard = ImportWizard(workspace, "en")
    qtbot.addWidget(wizard)
    check(qtbot, wizard, csv)
    panel = wizard.fix_panel
    select_problem(qtbot, wizard, "防災ずきん")
    panel.new_name_edit.setText("長" * 300)
    type_japanese(panel.new_unit_edit, "個")
    qtbot.mouseClick(panel.create_button, CLICK)  # refused at once: no replan
    assert not panel.error_line.isHidden() and "longer than" in panel.error_line.text()
    assert wizard.corrections.fixes.new_types == [] and len(wizard.plan.problems) == 1


def test_cancelling_a_slow_replan_undoes_the_fix(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard

    lines = ["品名,数量,保管場所", "謎の品,1,倉庫"] + [f"毛布,{i % 90 + 1},倉庫{i}" for i in range(120_000)]
    csv = write_cp932(tmp_path / "big.csv", "\n".join(lines) + "\n")
    wizard = ImportWizard(workspace, "en")
    qtbot.addWidget(wizard)
    check(qtbot, wizard, csv)
    select_problem(qtbot, wizard, "謎の品")
    replan_row = wizard.preview_page.replan_row
    qtbot.mouseClick(wizard.fix_panel.skip_button, CLICK)
    assert not wizard.fix_panel.isEnabled() and not wizard.import_button.isEnabled()
    qtbot.waitUntil(replan_row.isVisible, timeout=10_000)  # slow: its progress is shown, with Cancel
    with qtbot.waitSignal(wizard._worker.signals.cancelled, timeout=20_000):
        qtbot.mouseClick(wizard.preview_page.replan_cancel, CLICK)
    assert replan_row.isHidden() and wizard.fix_panel.isEnabled()
    assert wizard.corrections.fixes.skipped == {} and len(wizard.plan.problems) == 1
    assert "cancelled" in wizard.fix_panel.error_line.text()


# -- learned names -----------------------------------------------------------------------------------------------
def test_learned_names_can_be_removed_and_are_asked_again(qtbot, app, workspace, tmp_path):
    from disastershare.store.learned_names import learned_names, remember_names
    from disastershare.ui.dialogs.import_wizard import ImportWizard
    from disastershare.ui.dialogs.learned_names_dialog import LearnedNamesDialog

    remember_names(workspace.engine, {"簡易トイレ": "S-TOILET-BAG", "防災ずきん": "S-BLANKET"}, workspace.catalog())
    csv = write_cp932(tmp_path / "stock.csv", "品名,数量\n簡易トイレ,5\n")
    wizard = ImportWizard(workspace, "en")
    qtbot.addWidget(wizard)
    plan = check(qtbot, wizard, csv)
    assert plan.ok and plan.adds[0].resource == "S-TOILET-BAG"
    qtbot.mouseClick(wizard.learned_button, CLICK)
    dialog = wizard.findChild(LearnedNamesDialog)
    assert dialog is not None and dialog.isVisible()
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["簡易トイレ", "防災ずきん"]
    assert dialog.table.item(0, 1).text() == "Portable toilet bags (S-TOILET-BAG)"
    assert not dialog.remove_button.isEnabled()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, CLICK)
    assert [n.name for n in learned_names(workspace.engine)] == ["防災ずきん"]
    assert dialog.table.rowCount() == 1
    # closing the dialog replans: the forgotten name is a question again
    with qtbot.waitSignal(wizard.planned, timeout=10_000) as replan:
        qtbot.mouseClick(dialog.close_button, CLICK)
    assert [p.code for p in replan.args[0].problems] == ["ambiguous_name"]


def test_the_wizard_fits_a_small_laptop_screen(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard
    from disastershare.ui.translations import apply_language

    apply_language("ja")
    wizard = ImportWizard(workspace, "ja")
    qtbot.addWidget(wizard)
    check(qtbot, wizard, stock_workbook(tmp_path / "stock.xlsx"))
    select_problem(qtbot, wizard, "防災ずきん")  # the tallest panel: choose and create
    hint = wizard.minimumSizeHint().expandedTo(wizard.minimumSize())
    assert hint.width() <= 1366 and hint.height() <= 768 - 40  # the task bar takes the rest
    assert wizard.width() <= 1366 and wizard.height() <= 768 - 40
