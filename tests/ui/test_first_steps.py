"""A new officer's first minutes: the empty tables say what to do next, and Help ▸ Manual explains the first steps
(a Japanese manual shipped as a resource file, shown as Markdown)."""

from __future__ import annotations

import importlib.util
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser

from disastershare.paths import resources_dir
from disastershare.ui.dialogs.create_workspace_dialog import CreateWorkspaceDialog
from disastershare.ui.dialogs.import_wizard import ImportWizard
from disastershare.ui.dialogs.manual_dialog import ManualDialog
from disastershare.ui.main_window import MainWindow
from disastershare.ui.translations import apply_language, i18n_dir

from .test_main_window import untranslated

PROJECT = Path(__file__).resolve().parents[2]
MANUAL_JA = resources_dir() / "manual" / "manual_ja.md"
# Quoted in the manual but not the app's own translations: Qt's OK button, a file-name prefix.
NOT_APP_TEXTS = {"OK", "訓練_"}


def created_workspace(qtbot, tmp_path: Path):
    """Through the first-start dialog, as a person does: search, pick, Create."""
    dialog = CreateWorkspaceDialog(tmp_path / "new-ws")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search_edit, "131016")
    qtbot.waitUntil(lambda: dialog.result_list.count() > 0)
    dialog.result_list.setCurrentRow(0)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.workspace is not None
    return dialog.workspace


def test_a_new_workspace_says_what_to_do_next_until_rows_exist(qtbot, app, tmp_path, artifacts):
    # Given a workspace just created, in Japanese
    workspace = created_workspace(qtbot, tmp_path)
    try:
        apply_language("ja")
        window = MainWindow(workspace, "ja")
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        inventory = window.tab("inventoryTab")
        # Then the empty inventory table explains the next step, over the table, naming the buttons below it
        hint = inventory.empty_hint
        assert hint.isVisible()
        assert hint.text() == ("まだ在庫がありません。「表計算ファイルの取込…」で備蓄一覧を読み込むか、"
                               "「行を追加…」で入力してください。")
        assert inventory.import_button.text() == "表計算ファイルの取込…" and inventory.add_button.text() == "行を追加…"
        assert inventory.view.viewport().rect().contains(hint.geometry())
        assert hint.height() >= hint.heightForWidth(hint.width())  # the whole sentence, not cut
        assert window.grab().save(str(artifacts / "first_start_empty_inventory_ja.png"))
        for name in ("staffTab", "needsTab"):
            assert window.tab(name).empty_hint.text().startswith("まだ")
        # And its import button opens the import window
        qtbot.mouseClick(inventory.import_button, Qt.MouseButton.LeftButton)
        wizard = window.findChild(ImportWizard)
        assert wizard is not None and wizard.isVisible()
        wizard.reject()
        # When a row is added, the hint is gone; when it is removed again (undo), it is back
        assert inventory.add_record("S-BLANKET", 100) is not None
        assert not hint.isVisible()
        window.undo_stack.undo()
        assert hint.isVisible()
        apply_language("en")
        qtbot.waitUntil(lambda: hint.text().startswith("No stock yet."))
        window.close()
    finally:
        workspace.close()


def test_help_opens_the_japanese_manual_as_formatted_text(qtbot, app, window, artifacts):
    # When Help > Manual is chosen in a Japanese window
    window.set_language("ja", save=False)
    qtbot.waitUntil(lambda: window.window_actions.help_menu.title() == "ヘルプ(&H)")
    assert window.window_actions.manual_action.text() == "操作の手引き(&M)"
    assert window.window_actions.manual_action in window.window_actions.help_menu.actions()
    window.window_actions.manual_action.trigger()
    dialog = window.findChild(ManualDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    browser = dialog.findChild(QTextBrowser)
    text = browser.toPlainText()
    # Then it shows the manual's first steps, rendered from Markdown (headings, no '#' left)
    for step in ("ワークスペースを作る", "備蓄一覧を取込む", "連携先を追加する", "スナップショットを交換する",
                 "不足と輸送案を見る", "報告書を作る"):
        assert step in text
    assert "#" not in text and "**" not in text
    headings = [b.text() for b in _blocks(browser) if b.blockFormat().headingLevel() == 2]
    assert len(headings) == 6 and headings[0].startswith("1.")
    assert dialog.width() <= 1366 * 0.9 + 1 and dialog.height() <= 768 * 0.9 + 1  # fits the laptop
    assert dialog.grab().save(str(artifacts / "manual_ja.png"))
    dialog.close()
    # And an English window shows the English manual
    window.set_language("en", save=False)
    qtbot.waitUntil(lambda: window.window_actions.help_menu.title() == "&Help")
    english = window.open_manual()
    qtbot.addWidget(english)
    assert "First steps" in english.browser.toPlainText() or "first steps" in english.browser.toPlainText()
    assert [t for t in english.browser.toPlainText().splitlines() if t.startswith("1. Create a workspace")]


def _blocks(browser: QTextBrowser):
    block = browser.document().begin()
    while block.isValid():
        yield block
        block = block.next()


def test_the_manual_names_only_buttons_and_menus_the_japanese_window_has():
    """Every 「…」 the manual quotes is a label of the app (menu paths split at ▸), so it stays accurate."""
    root = ET.parse(i18n_dir() / "disastershare_ja.ts").getroot()
    translations = [re.sub(r"\(&\w\)", "", m.findtext("translation") or "") for m in root.iter("message")]
    quoted = re.findall(r"「([^」]+)」", MANUAL_JA.read_text(encoding="utf-8"))
    assert len(quoted) > 20
    missing = []
    for text in quoted:
        for part in (p.strip() for p in text.split("▸")):
            if part not in NOT_APP_TEXTS and not any(part in t for t in translations):
                missing.append(part)
    assert missing == []


def test_the_manual_ships_with_the_app():
    # resources/ goes into the wheel (force-include) and the PyInstaller bundle (bundle_contents.data_files)
    force_include = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force_include["resources"] == "disastershare/_data/resources"
    spec = importlib.util.spec_from_file_location("bundle_contents", PROJECT / "packaging" / "bundle_contents.py")
    contents = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(contents)
    shipped = {Path(src).relative_to(PROJECT).as_posix() for src, _dest in contents.data_files(PROJECT)}
    assert {"resources/manual/manual_ja.md", "resources/manual/manual_en.md"} <= shipped
    assert MANUAL_JA.is_file()
    # About a page: six short sections
    text = MANUAL_JA.read_text(encoding="utf-8")
    assert text.count("\n## ") == 6 and len(text) < 4000


def test_the_manual_dialog_says_nothing_in_english_in_a_japanese_window(qtbot, app, workspace):
    apply_language("ja")
    dialog = ManualDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "DisasterShare 操作の手引き（はじめの一歩）"
    assert not untranslated(dialog.windowTitle(), workspace, set())
