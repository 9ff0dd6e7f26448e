"""A PNG of the main window without a display (the headless demo and the tests use it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize

from disastershare.store.workspace import Workspace
from disastershare.ui.app import ensure_application
from disastershare.ui.translations import apply_language, current_language

DEFAULT_SIZE = QSize(1280, 800)


def save_main_window_screenshot(workspace: Workspace, path: Path, language: str,
                                size: QSize = DEFAULT_SIZE) -> Path:
    """Render the main window in `language` to `path` (PNG); the process's language is restored after."""
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
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path), "PNG"):
            raise OSError(f"cannot write the screenshot to {path}")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        if previous != language:
            apply_language(previous)
    return path
