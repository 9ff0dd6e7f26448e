"""The import wizard end to end on real files: check on a worker thread, preview, import, reload."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from disastershare.ui.dialogs.import_wizard import CHOOSE_PAGE, PREVIEW_PAGE
from disastershare.ui.models.import_preview_model import COL_ACTION, COL_LINE, COL_SUGGESTION

from .conftest import add_item

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
