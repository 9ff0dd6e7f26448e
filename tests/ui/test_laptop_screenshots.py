"""Screenshots at 1366×768, the municipal laptop, in Japanese and English: every tab of the demo, the drill window.

Besides the pictures (kept in DISASTERSHARE_ARTIFACTS for people to look at), each shot checks what a person
would see: every column header's text fits its section, a cell cut at its column's width has its whole text in
the tooltip, the plan's summary is not cut off, and the window is no wider than the screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QStyleOptionComboBox, QTableView, QWidget

from disastershare.core.catalog import ResourceKind
from disastershare.demo import build_demo
from disastershare.drill.builder import new_drill
from disastershare.paths import resources_dir
from disastershare.store.reference_store import add_local_type
from disastershare.ui.analysis_controller import RELOAD_DELAY_MS
from disastershare.ui.main_window import MainWindow
from disastershare.ui.translations import apply_language
from disastershare.ui.views.elided_combo import ElidedComboBox
from disastershare.ui.views.map_view import MapView

from .analysis_kit import loaded
from .conftest import add_item, add_need, add_pool, stocked

WIDTH, HEIGHT = 1366, 768
CHECKED_ROWS = 40  # the first rows of each table: what is on screen, and a little more
BUILD_MS = 60_000
_Role = Qt.ItemDataRole


def shown_tables(page: QWidget) -> list[QTableView]:
    return [v for v in page.findChildren(QTableView) if v.isVisibleTo(page) and v.model() is not None]


def clipped_headers(view: QTableView) -> list[str]:
    """Headers whose text is wider than their section (less the header's margins)."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    model = view.model()
    found = []
    for column in range(header.count()):
        if view.isColumnHidden(column):
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if metrics.horizontalAdvance(text) + 2 * margin > header.sectionSize(column):
            found.append(f"{view.objectName()}[{column}] {text!r}: {metrics.horizontalAdvance(text)} + margins > "
                         f"{header.sectionSize(column)}")
    return found


def cut_cells_without_tooltip(view: QTableView) -> list[str]:
    """Cells whose text does not fit their column and whose tooltip does not hold it whole."""
    model = view.model()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    found = []
    for row in range(min(CHECKED_ROWS, model.rowCount())):
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            text = index.data(_Role.DisplayRole)
            if not text:
                continue
            font = index.data(_Role.FontRole)
            metrics = QFontMetrics(font.resolve(view.font()) if isinstance(font, QFont) else view.font())
            if metrics.horizontalAdvance(str(text)) + 2 * margin <= view.columnWidth(column):
                continue
            tooltip = index.data(_Role.ToolTipRole) or ""
            if _words(str(text)) not in _words(tooltip):
                found.append(f"{view.objectName()}[{row},{column}] {text!r} (tooltip {tooltip!r})")
    return found


def _words(text: str) -> str:
    """The text without its separators: a tooltip may put on lines what the cell joins with " / "."""
    return "".join(text.replace(" / ", " ").split())


def label_cut(label: QLabel) -> bool:
    """A wrapped label shorter than its text needs at its width."""
    return label.isVisibleTo(label.window()) and label.hasHeightForWidth() \
        and label.heightForWidth(label.width()) > label.height()


def shoot(qtbot, window: MainWindow, path: Path) -> None:
    qtbot.wait(60)  # layout, column fitting, painting
    assert window.grab().save(str(path), "PNG")
    assert window.width() <= WIDTH, f"{path.name}: the window grew to {window.width()} px"


def clipped_combos(page: QWidget) -> list[str]:
    """Closed combo boxes whose text is wider than their field, unless elided with the whole in the tooltip.
    (The map's own box is left to the map, which is being rebuilt elsewhere.)"""
    found = []
    for combo in page.findChildren(QComboBox):
        if not combo.isVisibleTo(page) or not combo.currentText() or isinstance(combo.parent(), MapView):
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        if combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width():
            continue
        if isinstance(combo, ElidedComboBox) and combo.toolTip() == combo.currentText():
            continue
        found.append(f"{combo.objectName()} {combo.currentText()!r} in {field.width()} px")
    return found


def check_page(page: QWidget, name: str) -> list[str]:
    problems = [f"{name}: {p}" for p in clipped_combos(page)]
    for view in shown_tables(page):
        problems += [f"{name}: {p}" for p in clipped_headers(view) + cut_cells_without_tooltip(view)]
    return problems


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_tab_of_the_demo_at_1366x768(qtbot, app, tmp_path, artifacts, language):
    # Given the demo (益城町 with eight partners, stock, needs, a request) in a 1366×768 window
    workspace = build_demo(tmp_path / "demo")
    try:
        apply_language(language)
        window = MainWindow(workspace, language)
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        window.tab("inventoryTab").set_show_partners(True)  # partners' rows: readable, marked read-only
        loaded(qtbot, window.analysis)
        problems = []
        # When each tab is shown in turn
        for index, page in enumerate(window.pages):
            window.tab_widget.setCurrentIndex(index)
            name = f"laptop_{language}_{index}_{page.objectName()}"
            shoot(qtbot, window, artifacts / f"{name}.png")
            # Then nothing a person reads is cut without a way to read it whole
            problems += check_page(page, name)
        status = window.shortfall_tab.status.state_label
        window.tab_widget.setCurrentWidget(window.shortfall_tab)
        qtbot.wait(30)
        assert not label_cut(status), status.text()
        assert problems == []
        window.close()
    finally:
        workspace.close()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_drill_window_at_1366x768(qtbot, app, tmp_path, artifacts, language):
    # Given the shipped Kumamoto drill two injects in (T+30, T+2h: needs for the host)
    host, _scenario = new_drill(tmp_path / "drill", resources_dir() / "scenarios" / "kumamoto_earthquake.toml")
    try:
        apply_language(language)
        window = MainWindow(host, language)
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        panel = window.drill_panel
        for _ in range(2):
            assert panel.advance_to_next()
            qtbot.waitUntil(lambda: not panel.runner.is_busy(), timeout=BUILD_MS)
        qtbot.wait(RELOAD_DELAY_MS + 100)  # the analysis re-reads the new needs shortly after
        qtbot.waitUntil(lambda: bool(window.analysis.bars) and not window.analysis.running, timeout=BUILD_MS)
        loaded(qtbot, window.analysis)
        problems = []
        for page, kind in ((window.shortfall_tab, "shortfalls"), (window.tab("needsTab"), "needs"),
                           (window.tab("inventoryTab"), "inventory")):
            window.tab_widget.setCurrentWidget(page)
            name = f"laptop_drill_{language}_{kind}"
            shoot(qtbot, window, artifacts / f"{name}.png")
            problems += check_page(page, name)
        # Then the panel's texts and the plan's summary are whole, and the Shortfalls tab is on the worst shortfall
        window.tab_widget.setCurrentWidget(window.shortfall_tab)
        qtbot.wait(30)
        assert not [label.text() for label in panel.findChildren(QLabel) if label_cut(label)]
        assert not label_cut(window.shortfall_tab.status.state_label), window.shortfall_tab.status.state_label.text()
        assert window.analysis.resource == window.analysis.bars[0].resource
        assert problems == []
        window.close()
    finally:
        host.close()


LONG_NAME = "災害用長期保存アルファ化米（五目ごはん・アレルギー対応・50食入り段ボールケース）"
LONG_NOTE = "体育館の東側倉庫、二段目の棚の奥。鍵は危機管理課の金庫（夜間は当直が保管）。" * 2


def test_headers_fit_and_long_names_are_whole_in_tooltips_after_switching_to_japanese(
        qtbot, app, workspace, artifacts):
    # Given stock, staff and needs, with a local type whose name is longer than any column may be
    stocked(workspace)
    add_pool(workspace)
    rtype = add_local_type(workspace.engine, workspace.municipality, "RICE50", ResourceKind.SUPPLY, LONG_NAME,
                           "Long-life alpha rice, 50 servings", "箱", "food")
    workspace.invalidate_catalog()
    add_item(workspace, rtype.code, 12, location="総合体育館", note=LONG_NOTE)
    add_need(workspace, rtype.code, 30, needed_by=date(2026, 5, 1))
    window = MainWindow(workspace, "en")
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    loaded(qtbot, window.analysis)
    # When the officer switches the window to Japanese from the Settings menu
    window.window_actions.language_actions["ja"].trigger()
    qtbot.waitUntil(lambda: window.tab_widget.tabText(0) == "在庫")
    problems = []
    for index, page in enumerate(window.pages):
        window.tab_widget.setCurrentIndex(index)
        shoot(qtbot, window, artifacts / f"laptop_switched_ja_{index}_{page.objectName()}.png")
        problems += check_page(page, page.objectName())
    # Then every header is whole in its section (fitted again in Japanese), and the long name and note are
    # elided in their cells but whole in the tooltip
    assert problems == []
    inventory = window.tab("inventoryTab")
    row = next(r for r in range(inventory.model.rowCount()) if inventory.model.record(r).resource == rtype.code)
    for column, text in ((0, LONG_NAME), (inventory.model.column_of("note"), LONG_NOTE)):
        index = inventory.model.index(row, column)
        assert inventory.view.columnWidth(column) < QFontMetrics(inventory.view.font()).horizontalAdvance(text)
        assert index.data(_Role.ToolTipRole) == text
