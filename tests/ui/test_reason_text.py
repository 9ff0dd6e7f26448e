"""The lower layers' English refusal reasons, said in Japanese when the window speaks Japanese."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from disastershare.core.catalog import Catalog
from disastershare.core.errors import DomainError, ValidationError
from disastershare.core.quantities import parse_quantity
from disastershare.core.records import InventoryItem, RecordMeta, validate_inventory_item
from disastershare.core.sheet_import import ImportPlan, RowProblem
from disastershare.ui.main_window import MainWindow
from disastershare.ui.models import inventory_table_model as inv
from disastershare.ui.models.import_preview_model import COL_DETAIL, preview_rows
from disastershare.ui.models.snapshot_import_table_model import COL_REASON
from disastershare.ui.reason_text import PATTERN_COUNT, localized_reason
from disastershare.ui.translations import apply_language

from .conftest import OWN, stocked
from .partner_factory import own_and_partner, snapshot_of

WORKER_TIMEOUT = 20_000


def ja(message: str) -> str:
    return localized_reason(message, "ja")


def has_japanese(text: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)


# -- unit: one group of reasons at a time ----------------------------------------------------------------------
@pytest.mark.parametrize(("message", "expected_parts"), [
    ("quantity on hand cannot be negative (-5)", ["在庫数", "負", "-5"]),
    ("reserved (121) cannot exceed quantity on hand (120)", ["自己使用分", "121", "在庫数", "120"]),
    ("unknown resource code 'S-NOPE'", ["S-NOPE", "登録されていません"]),
    ("P-SHELTER is a staff type; an inventory item needs a equipment/supply type",
     ["P-SHELTER", "人員", "在庫", "資機材・物資"]),
    ("only supplies have an expiry date", ["期限", "物資"]),
    ("available from (2026-05-02) is after available to (2026-05-01)", ["2026-05-02", "2026-05-01", "派遣可能"]),
    ("headcount must be a whole number", ["人数", "整数"]),
    ("maximum dispatch days must be at least 1", ["最長派遣日数"]),
])
def test_record_rules(message, expected_parts):
    text = ja(message)
    assert all(part in text for part in expected_parts), text
    assert text != message


@pytest.mark.parametrize(("message", "expected_parts"), [
    ("quantity '-5' cannot be negative", ["'-5'", "負"]),
    ("quantity '1.5' is not a whole number", ["'1.5'", "整数ではありません"]),
    ("reserved quantity 'abc' is not a number", ["自己使用分の数量", "'abc'", "数値ではありません"]),
    ("quantity is empty", ["数量が空"]),
    ("quantity '99999999999999' is implausibly large (over 10^12)", ["99999999999999", "大きすぎ"]),
    ("unknown resource 'ふとんX'", ["ふとんX", "登録されていません"]),
    ("quantity given without a resource name", ["品名"]),
    ("'毛' matches several resource types (S-BLANKET, S-TOWEL); use the code", ["S-BLANKET, S-TOWEL", "コード"]),
    ("'soon' is not a date (use e.g. 2026-12-31 or 令和8年12月31日)", ["soon", "2026-12-31", "令和8年12月31日"]),
    ("condition 'broken' is not one of damaged, ready", ["状態", "broken", "damaged, ready"]),
    ("stock.csv: the file is empty", ["stock.csv: ", "空"]),
    ("在庫.csv: is a PDF document, not a spreadsheet; export the table as .xlsx or CSV", ["在庫.csv", "PDF", ".xlsx"]),
    ("x.bin: is a binary file, not a CSV or .xlsx spreadsheet", ["x.bin", "バイナリ"]),
    ("a.xlsx (sheet 'S1'): no recognisable header (expected columns such as 品名 and 数量 / name and quantity)",
     ["a.xlsx (sheet 'S1')", "見出し"]),
    ("quantity on hand cannot be negative (-3) (after merging with the stored record)", ["-3", "負", "保存済み"]),
])
def test_quantities_and_sheet_import(message, expected_parts):
    text = ja(message)
    assert all(part in text for part in expected_parts), text
    assert text != message


@pytest.mark.parametrize(("message", "expected_parts"), [
    ("damaged or truncated snapshot container (File is not a zip file)",
     ["スナップショット", "File is not a zip file"]),
    ("not a bundle: not a zip container", ["バンドル", "zip"]),
    ("empty file (0 bytes)", ["空", "0"]),
    ("the manifest signature does not verify (file altered or damaged)", ["署名"]),
    ("signed by an unknown key (fingerprint 1a2b:3c4d); add the partner's key card first", ["1a2b:3c4d", "キーカード"]),
    ("partner 131024 is disabled; enable it to accept its snapshots", ["131024", "無効"]),
    ("signed by a replaced key of 131024 (retired on 2026-01-02); snapshots from the old key are refused",
     ["131024", "2026-01-02", "古い鍵"]),
    ("the manifest claims owner 999999 but is signed by the key of 131024", ["999999", "131024"]),
    ("payload member inventory_item.json does not match its SHA-256 (altered or damaged)",
     ["inventory_item.json", "SHA-256"]),
    ("format version 9 is newer than this app understands (1); update DisasterShare", ["9", "1 まで", "更新"]),
    ("a drill snapshot cannot be imported into a live workspace", ["訓練", "本番"]),
    ("a live snapshot cannot be imported into a drill workspace", ["本番", "訓練"]),
    ("already applied", ["取り込み済み"]),
    ("older than the applied #4", ["#4"]),
    ("fork: 131024-000003.dsnap and the applied 131024-000003b.dsnap are both 131024 #3 but differ "
     "(a laptop restored from a backup?); nothing applied", ["分岐", "131024-000003b.dsnap", "#3"]),
])
def test_snapshot_refusals(message, expected_parts):
    text = ja(message)
    assert all(part in text for part in expected_parts), text
    assert text != message


@pytest.mark.parametrize(("message", "expected_parts"), [
    ("cannot accept 50: only 10 were requested", ["50", "10", "受諾"]),
    ("this request of 131016 is addressed to 131024, not to 131032", ["131016", "131024", "131032", "宛て"]),
    ("no request with id 'ab12' (see 'disastershare requests list')", ["ab12"]),
    ("131040 is not a partner of this workspace; requests go only to partners (add its key card with 'partners add')",
     ["131040", "連携先"]),
    ("partner 131024 is disabled; enable it before sending it requests", ["131024", "無効"]),
    ("the accepted quantity must be at least 0 (got -1)", ["受諾数", "0", "-1"]),
    ("the last day (2026-01-01) is before the first day (2026-01-05)", ["最終日", "初日", "2026-01-05"]),
    ("workspace is in use by laptop-7 PID 4242 since 2026-03-01 09:30", ["laptop-7", "4242", "使用中"]),
    ("workspace is in use by laptop-7 PID 4242 since 2026-03-01 09:30 (if that computer no longer has it open, "
     "delete /w/.lock)", ["laptop-7", "/w/.lock", "使用中"]),
])
def test_requests_and_lock(message, expected_parts):
    text = ja(message)
    assert all(part in text for part in expected_parts), text
    assert text != message


def test_the_real_core_messages_are_matched(workspace):
    # The patterns follow the wording of the core: take the messages from the core itself, not from memory.
    catalog: Catalog = workspace.catalog()
    messages = []
    for item in (InventoryItem(RecordMeta(OWN), "S-BLANKET", -5),
                 InventoryItem(RecordMeta(OWN), "S-BLANKET", 10, reserved=11),
                 InventoryItem(RecordMeta(OWN), "E-GENERATOR", 1, expiry=date(2027, 1, 1)),
                 InventoryItem(RecordMeta(OWN), "P-SHELTER", 1),
                 InventoryItem(RecordMeta(OWN), "S-NOPE", 1)):
        with pytest.raises(ValidationError) as refused:
            validate_inventory_item(item, catalog)
        messages.append(str(refused.value))
    for text in ("-5", "1.5", "abc", ""):
        with pytest.raises(ValidationError) as refused:
            parse_quantity(text)
        messages.append(str(refused.value))
    assert [m for m in messages if not has_japanese(ja(m))] == []


def test_english_and_unknown_messages_pass_through():
    assert localized_reason("quantity on hand cannot be negative (-5)", "en") == \
        "quantity on hand cannot be negative (-5)"
    assert ja("the moon is made of cheese") == "the moon is made of cheese"
    assert ja("") == ""
    assert PATTERN_COUNT >= 60


def test_import_preview_problems_follow_the_language(workspace):
    plan = ImportPlan("inventory", [], [], 0, [RowProblem(3, "unknown resource 'ふとんX'")], 1)
    assert preview_rows(plan, workspace.catalog(), "ja")[0].detail == "資源「ふとんX」は登録されていません"
    assert preview_rows(plan, workspace.catalog(), "en")[0].detail == "unknown resource 'ふとんX'"
    assert COL_DETAIL == 3


# -- widgets -----------------------------------------------------------------------------------------------------
def japanese_window(qtbot, workspace) -> MainWindow:
    apply_language("ja")
    window = MainWindow(workspace, "ja")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_negative_quantity_is_refused_in_japanese(qtbot, app, workspace):
    stocked(workspace)
    window = japanese_window(qtbot, workspace)
    tab = window.tab("inventoryTab")
    item = next(r for r in workspace.inventory.list() if r.resource == "S-BLANKET")
    index = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(item.meta.id), inv.COL_ON_HAND))
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    editor = tab.view.findChild(QSpinBox)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "-5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.view.state() != tab.view.State.EditingState)
    text = tab.message_label.text()
    assert "負" in text and "-5" in text and "在庫数" in text
    assert "cannot be negative" not in text
    assert "cannot be negative" not in window.statusBar().currentMessage()
    assert workspace.inventory.get(item.meta.id).on_hand == 120


def import_and_wait(qtbot, window: MainWindow, *paths: Path) -> None:
    tab = window.sync_tab
    with qtbot.waitSignal(tab.runner.finished, timeout=WORKER_TIMEOUT):
        assert tab.start_import(list(paths))
    qtbot.waitUntil(lambda: not tab.progress.isVisible())


def test_sync_results_show_refusals_in_japanese(qtbot, app, make_workspace, tmp_path):
    own, other = own_and_partner(make_workspace)
    folder = tmp_path / "usb"
    good = snapshot_of(other, folder)
    not_zip = folder / "131024-000008.dsnap"
    not_zip.write_text("this is not a snapshot\n")
    truncated = folder / "131024-000009.dsnap"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    window = japanese_window(qtbot, own)
    window.tab_widget.setCurrentWidget(window.sync_tab)
    import_and_wait(qtbot, window, not_zip, truncated)
    model = window.sync_tab.results_model
    reasons = {model.index(r, 0).data(): model.index(r, COL_REASON).data() for r in range(model.rowCount())}
    assert reasons[not_zip.name] == "スナップショットではありません（zip 形式のファイルではありません）"
    assert "壊れているか途中で切れています" in reasons[truncated.name]
    assert not any("not a zip container" in r or "damaged or truncated" in r for r in reasons.values())
    assert model.index(0, COL_REASON).data(Qt.ItemDataRole.ToolTipRole) == model.index(0, COL_REASON).data()
    # The history below says the same, and switching to English shows the stored English reason again
    history = window.sync_tab.history_model
    assert any(has_japanese(history.index(r, c).data() or "") for r in range(history.rowCount())
               for c in range(history.columnCount()))
    apply_language("en")
    assert "not a zip container" in model.index(list(reasons).index(not_zip.name), COL_REASON).data()


def test_a_pdf_in_the_import_wizard_is_refused_in_japanese(qtbot, app, workspace, tmp_path):
    from disastershare.ui.dialogs.import_wizard import ImportWizard

    apply_language("ja")
    fake = tmp_path / "在庫.csv"
    fake.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    wizard = ImportWizard(workspace, "ja")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_edit.setText(str(fake))
    with qtbot.waitSignal(wizard.failed, timeout=10_000):
        qtbot.mouseClick(wizard.check_button, Qt.MouseButton.LeftButton)
    text = wizard.error_label.text()
    assert "在庫.csv" in text and "PDF 文書" in text and "not a spreadsheet" not in text


def test_a_bare_domain_error_on_a_tab_is_said_in_japanese(qtbot, app, workspace):
    window = japanese_window(qtbot, workspace)
    window.partners_tab.show_error(str(DomainError("131040 is not a partner of this workspace (see 'partners list')")))
    assert window.partners_tab.message_line.text() == "131040 はこのワークスペースの連携先ではありません"
