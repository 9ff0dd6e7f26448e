"""The main window as a whole: language, drill banner, status bar, no untranslated text, screenshots."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QMenu, QTabBar, QTableView

from disastershare.store.workspace import Workspace
from disastershare.ui.main_window import MainWindow
from disastershare.ui.screenshot import save_main_window_screenshot
from disastershare.ui.translations import apply_language, current_language

from .conftest import add_need, add_partner_item, add_pool, stocked

# Strings a Japanese window may show in Latin letters on purpose (product and file-format names).
ALLOWED = {"DRILL", "DisasterShare", "English", "CSV", "HXL", "PDF", "Excel"}
_MNEMONIC = re.compile(r"\(&[A-Za-z]\)")  # Japanese menus show their access key as ファイル(&F)
_PATH = re.compile(r"\S*[/\\]\S*")  # file paths (the status bar shows the workspace folder, maybe elided)
_CODE = re.compile(r"\b[A-Z]-[A-Z0-9-]+\b")  # resource codes such as S-BLANKET
_FINGERPRINT = re.compile(r"\b[A-Z2-7]{4}(\s+[A-Z2-7]{4}){4}\b")  # key fingerprints, read aloud as they are


def visible_texts(window: MainWindow) -> list[str]:
    """Every text the window can show: labels, buttons, actions and menus, tabs, headers, combo items, title."""
    texts = [window.windowTitle()]
    texts += [w.text() for w in window.findChildren(QLabel)]
    texts += [w.text() for w in window.findChildren(QAbstractButton)]
    texts += [w.placeholderText() for w in window.findChildren(QLineEdit)]
    for menu in window.findChildren(QMenu):
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions()]
    texts += [a.text() for a in window.menuBar().actions()]
    texts += [a.text() for a in window.findChildren(QAction)]
    for bar in window.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    for view in window.findChildren(QTableView):
        model = view.model()
        texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for combo in window.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t]


def untranslated(text: str, workspace: Workspace, units: set[str]) -> bool:
    text = _PATH.sub("", _MNEMONIC.sub("", text).replace(str(workspace.root), ""))
    text = _FINGERPRINT.sub("", _CODE.sub("", text))
    for word in (*ALLOWED, *units):
        text = re.sub(rf"\b{re.escape(word)}\b", "", text)
    return bool(re.search(r"[A-Za-z]", text))


def test_japanese_window_has_no_untranslated_english(qtbot, app, workspace):
    # Given a Japanese window on a drill workspace with data in every tab and partners shown
    stocked(workspace)
    add_pool(workspace)
    add_need(workspace)
    apply_language("ja")
    window = MainWindow(workspace, "ja")
    qtbot.addWidget(window)
    window.show()
    for tab in window.tabs:
        tab.set_show_partners(True)
    units = {t.unit for t in workspace.catalog()}
    # Then no visible text contains Latin letters, apart from the allow-list
    leftovers = [t for t in visible_texts(window) if untranslated(t, workspace, units)]
    assert leftovers == []
    assert window.tab_widget.tabText(0) == "在庫"
    assert window.tab("inventoryTab").model.headerData(5, Qt.Orientation.Horizontal) == "自己使用分"
    # And the walk does see the texts: in English it finds plenty
    window.set_language("en", save=False)
    qtbot.waitUntil(lambda: window.tab_widget.tabText(0) == "Inventory")
    english = [t for t in visible_texts(window) if untranslated(t, workspace, units)]
    assert {"Inventory", "Add row…", "Reserved", "All categories", "&Edit"} <= set(english)


def test_switching_language_updates_every_visible_text_and_is_saved(qtbot, window, workspace):
    tab = window.tab("inventoryTab")
    assert window.tab_widget.tabText(0) == "Inventory"
    assert tab.add_button.text() == "Add row…"
    blanket_row = next(r for r in range(tab.model.rowCount()) if tab.model.record(r).resource == "S-BLANKET")
    assert tab.model.index(blanket_row, 0).data() == "Blankets"
    # When 日本語 is chosen in the Settings menu
    window.window_actions.language_actions["ja"].trigger()
    # (Qt posts LanguageChange to each window: the texts change when the event loop runs)
    qtbot.waitUntil(lambda: window.tab_widget.tabText(0) == "在庫")
    # Then tabs, buttons, headers, menus, filters and catalog names are Japanese, and the choice is saved
    assert current_language() == "ja"
    assert [window.tab_widget.tabText(i) for i in range(3)] == ["在庫", "職員", "ニーズ"]
    assert tab.add_button.text() == "行を追加…"
    assert tab.model.headerData(4, Qt.Orientation.Horizontal) == "在庫数"
    assert tab.model.index(blanket_row, 0).data() == "毛布"
    assert window.window_actions.edit_menu.title() == "編集(&E)"
    assert window.window_actions.undo_action.text() == "元に戻す"
    assert tab.filter_bar.category_combo.itemText(0) == "すべての分類"
    assert "ワークスペース" in window.workspace_label.text()
    assert Workspace.open(workspace.root).language() == "ja"
    # And back to English
    window.window_actions.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.tab_widget.tabText(2) == "Needs")
    assert tab.model.index(blanket_row, 0).data() == "Blankets"
    assert workspace.language() == "en"


def test_status_bar_shows_municipality_and_workspace(window, workspace):
    assert window.municipality_label.text() == "131016 東京都千代田区"
    assert window.workspace_label.text().startswith("Workspace: ")
    assert window.workspace_label.toolTip() == str(workspace.root)
    assert window.workspace_label.text().endswith(workspace.root.name)  # elided in the middle if long
    assert "千代田区" in window.windowTitle()


def test_drill_banner_only_in_drill_workspaces(qtbot, app, make_workspace):
    live = MainWindow(make_workspace(name="live"), "en")
    qtbot.addWidget(live)
    assert live.findChild(QLabel, "drillBanner") is None
    assert "DRILL" not in live.windowTitle()
    drill = MainWindow(make_workspace(drill=True, name="drill"), "en")
    qtbot.addWidget(drill)
    drill.show()
    banner = drill.findChild(QLabel, "drillBanner")
    assert banner is not None and banner.isVisible()
    assert "DRILL" in banner.text() and "訓練" in banner.text()
    assert banner.y() < drill.tab_widget.mapTo(drill, drill.tab_widget.rect().topLeft()).y()  # above the tabs
    assert "[DRILL]" in drill.windowTitle()
    drill.set_language("ja")
    qtbot.waitUntil(lambda: banner.text().startswith("訓練 / DRILL"))
    assert drill.windowTitle().startswith("【訓練】")


def test_screenshots_in_japanese_and_english(qtbot, app, make_workspace, artifacts):
    """Written for people to look at (kept by CI); the sizes check that something was drawn."""
    workspace = make_workspace(drill=True, name="shots")
    stocked(workspace)
    add_pool(workspace)
    add_need(workspace)
    add_partner_item(workspace)
    paths = [save_main_window_screenshot(workspace, artifacts / f"main_window_{lang}.png", lang)
             for lang in ("ja", "en")]
    for path in paths:
        assert path.is_file() and path.stat().st_size > 20_000
    assert current_language() == "en"  # restored for whoever comes next
