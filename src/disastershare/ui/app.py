"""Start the desktop window: `disastershare gui` (or no command) ends up in run_gui."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from disastershare.store.workspace import Workspace
from disastershare.ui.translations import apply_language, choose_language

AUTOCLOSE_ENV = "DISASTERSHARE_AUTOCLOSE_MS"  # close the first window after N ms (start-up smoke tests)
# Japanese UI fonts by platform; the first installed one wins. Without this, fontconfig may pick a
# Chinese CJK face for kanji and draw Chinese glyph shapes (e.g. 直, 骨) in a Japanese window.
_JAPANESE_FONTS = ("Yu Gothic UI", "Meiryo UI", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP",
                   "IPAexGothic", "TakaoPGothic")


def ensure_application() -> QApplication:
    """The process's QApplication (a second one would crash); made headless when there is no display."""
    app = QApplication.instance()
    if app is None:
        no_display = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                               or os.environ.get("WAYLAND_DISPLAY"))
        if no_display and "QT_QPA_PLATFORM" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([sys.argv[0] if sys.argv else "disastershare"])
    if not isinstance(app, QApplication):
        # Widgets cannot live in a bare QGuiApplication and a second application cannot be made.
        raise RuntimeError("a QGuiApplication exists already; call disastershare.ui.app.ensure_application() "
                           "before anything else creates the Qt application")
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    """Names and the Japanese UI font; safe to call again (tests share one QApplication)."""
    if app.property("disastershareConfigured"):
        return
    app.setApplicationName("DisasterShare")
    app.setOrganizationName("DisasterShare")
    installed = set(QFontDatabase.families())
    chosen = [family for family in _JAPANESE_FONTS if family in installed]
    if chosen:
        font = QFont(app.font())
        font.setFamilies([chosen[0], *font.families()])
        app.setFont(font)
    app.setProperty("disastershareConfigured", True)


def _autoclose(widget: QWidget) -> None:
    delay = os.environ.get(AUTOCLOSE_ENV)
    if delay and delay.isdigit():
        QTimer.singleShot(int(delay), widget.close)


def run_gui(workspace: Workspace | None, root: Path, language: str | None = None,
            import_paths: Sequence[Path] | None = None) -> int:
    """Show the main window (first asking to create a workspace at `root` if there is none); the exit code.

    `import_paths` (`gui --import FILE...`, how a double-clicked .dsnap opens the app): the window opens
    on the Sync tab and imports those files."""
    from disastershare.ui.dialogs.create_workspace_dialog import CreateWorkspaceDialog
    from disastershare.ui.drill_actions import offer_new_drill
    from disastershare.ui.main_window import MainWindow

    app = ensure_application()
    apply_language(choose_language(workspace, language))
    if workspace is None:
        dialog = CreateWorkspaceDialog(Path(root))
        offer_new_drill(dialog, Path(root))  # or build a scenario drill there instead
        _autoclose(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.workspace is None:
            return 0
        workspace = dialog.workspace
        apply_language(choose_language(workspace, language))
    window = MainWindow(workspace, choose_language(workspace, language))
    window.show()
    if import_paths:
        # Once the event loop runs, so the window is drawn before the progress bar starts moving.
        QTimer.singleShot(0, lambda: window.import_snapshots([Path(p) for p in import_paths]))
    _autoclose(window)
    return app.exec()
