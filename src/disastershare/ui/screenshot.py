"""Pictures of the main window without a display: a screenshot, and the analysis charts as the PDF holds them
(the headless demo and the tests use them)."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize

from disastershare.reports.model import Chart
from disastershare.store.workspace import Workspace
from disastershare.ui.app import ensure_application
from disastershare.ui.translations import apply_language, current_language
from disastershare.ui.views.shortfall_tab import REPORT_CHART_KINDS

if TYPE_CHECKING:
    from disastershare.ui.main_window import MainWindow

DEFAULT_SIZE = QSize(1280, 800)
ANALYSIS_TIMEOUT_S = 120.0  # reading the demo and matching it takes seconds; a national picture takes longer


@contextmanager
def _shown_window(workspace: Workspace, language: str, size: QSize) -> Iterator[MainWindow]:
    """A main window in `language`, laid out and painted; closed after, and the process's language restored."""
    from disastershare.ui.main_window import MainWindow

    app = ensure_application()
    previous = current_language()
    apply_language(language)
    window = MainWindow(workspace, language)
    try:
        window.resize(size)
        window.show()
        for _ in range(3):  # layout, then column fitting, then painting
            app.processEvents()
        yield window
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        if previous != language:
            apply_language(previous)


def save_main_window_screenshot(workspace: Workspace, path: Path, language: str,
                                size: QSize = DEFAULT_SIZE) -> Path:
    """Render the main window in `language` to `path` (PNG); the process's language is restored after."""
    with _shown_window(workspace, language, size) as window:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path), "PNG"):
            raise OSError(f"cannot write the screenshot to {path}")
    return path


def save_analysis_charts(workspace: Workspace, folder: Path, language: str, kinds: Sequence[str] = REPORT_CHART_KINDS,
                         timeout_s: float = ANALYSIS_TIMEOUT_S, size: QSize = DEFAULT_SIZE) -> list[Chart]:
    """The Shortfalls tab's charts `kinds` as `folder`/chart_<kind>.png, described for a report's `charts`.

    Waits for the window's analysis to read the workspace and for its exact plan (the map's transfers); a
    matcher that stopped leaves the preview plan, which is drawn then. RuntimeError if the reading failed,
    TimeoutError if it did not end within `timeout_s`."""
    app = ensure_application()
    with _shown_window(workspace, language, size) as window:
        analysis = window.analysis
        stopped: list[str] = []
        analysis.load_failed.connect(lambda reason: stopped.append(reason or "the analysis could not read"))
        analysis.matching_stopped.connect(lambda _reason: stopped.append(""))
        deadline = time.monotonic() + timeout_s
        while not (analysis.data is not None and (stopped or (analysis.plan is not None and analysis.plan.exact))):
            if any(stopped) and analysis.data is None:
                raise RuntimeError(next(reason for reason in stopped if reason))
            if time.monotonic() > deadline:
                raise TimeoutError(f"the analysis did not finish within {timeout_s:.0f} s")
            app.processEvents()
            time.sleep(0.01)  # the reading and matching run on the thread pool; their results arrive as events
        return window.shortfall_tab.report_charts(Path(folder), kinds)
