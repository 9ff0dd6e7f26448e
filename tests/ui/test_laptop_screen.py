"""The window on a municipal 1366×768 laptop: it fits (taskbar included), in Japanese and English, with the drill
panel, at the tests' 9-point font and at the 11 points of a usual Linux desktop; whatever a tab shows later (the
optimal plan's summary, the drill's progress row) must not widen it past the screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from disastershare.drill.builder import new_drill
from disastershare.store.workspace import Workspace
from disastershare.ui.main_window import MainWindow
from disastershare.ui.translations import apply_language

from .analysis_kit import loaded, scenario

SCREEN_WIDTH, SCREEN_HEIGHT, TASKBAR = 1366, 768, 40
DESKTOP_POINTS = (None, 11.0)  # the application's own font (9 pt offscreen), a desktop's 11 pt
SMALL = Path(__file__).parents[1] / "data" / "small_scenario.toml"
BUILD_MS = 60_000


@contextmanager
def font_points(points: float | None) -> Iterator[None]:
    app = QApplication.instance()
    before = QFont(app.font())
    if points is not None:
        font = QFont(before)
        font.setPointSizeF(points)
        app.setFont(font)
    try:
        yield
    finally:
        app.setFont(before)


def needed(window: MainWindow) -> tuple[int, int]:
    hint, minimum = window.minimumSizeHint(), window.minimumSize()
    return max(hint.width(), minimum.width()), max(hint.height(), minimum.height())


def assert_fits(window: MainWindow, when: str) -> None:
    width, height = needed(window)
    assert width <= SCREEN_WIDTH and height <= SCREEN_HEIGHT - TASKBAR, f"{when}: needs {width}×{height}"


def laptop_window(qtbot, workspace: Workspace, language: str) -> MainWindow:
    apply_language(language)
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT - TASKBAR)
    window.show()
    qtbot.waitExposed(window)
    return window


def visit_every_tab(qtbot, window: MainWindow) -> None:
    """Each tab laid out once, as a person clicking through them does (a hidden tab's content may grow later)."""
    for index in range(window.tab_widget.count()):
        window.tab_widget.setCurrentIndex(index)
        qtbot.wait(20)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_window_fits_a_1366_laptop(qtbot, app, make_workspace, tmp_path, language):
    # Given 千代田区 with partners, their shortfalls and offers, and the optimal plan computed
    own = scenario(make_workspace, tmp_path)[0]
    for points in DESKTOP_POINTS:
        with font_points(points):
            window = laptop_window(qtbot, own, language)
            for tab in window.tabs:
                tab.set_show_partners(True)
            loaded(qtbot, window.analysis)
            # When every tab has been shown
            visit_every_tab(qtbot, window)
            # Then the window still fits the screen above the taskbar, and has not grown past it
            assert_fits(window, f"{language}, {points or 'default'} pt")
            assert window.width() <= SCREEN_WIDTH
            window.close()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_drill_window_with_its_panel_fits_a_1366_laptop(qtbot, app, tmp_path, language):
    for number, points in enumerate(DESKTOP_POINTS):
        # Given a scenario drill at T+0 (its own, for each font)
        host, _scenario = new_drill(tmp_path / f"drill-{number}", SMALL)
        try:
            with font_points(points):
                when = f"{language}, {points or 'default'} pt"
                window = laptop_window(qtbot, host, language)
                panel = window.drill_panel
                assert panel is not None and panel.isVisible()
                loaded(qtbot, window.analysis)
                visit_every_tab(qtbot, window)
                assert_fits(window, f"drill at T+0, {when}")
                # When the clock advances, the panel shows its progress row; then the new needs change the plan
                assert panel.advance_to_next()
                qtbot.waitUntil(lambda p=panel: p.progress.isVisible(), timeout=BUILD_MS)
                assert_fits(window, f"drill advancing, {when}")
                qtbot.waitUntil(lambda p=panel: not p.runner.is_busy(), timeout=BUILD_MS)
                loaded(qtbot, window.analysis)
                visit_every_tab(qtbot, window)
                # Then the window fits the laptop all along
                assert_fits(window, f"drill at T+30, {when}")
                assert window.width() <= SCREEN_WIDTH
                window.close()
        finally:
            host.close()
