"""Help ▸ Manual: the short first-steps manual (resources/manual/manual_<language>.md) shown as Markdown.

The manual ships as a resource file (in the wheel and the PyInstaller bundle with the rest of resources/), so
it is read here, not compiled in. Japanese is the manual's first language; an English window shows the English
one when it is there, else the Japanese.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from disastershare.paths import resources_dir
from disastershare.ui.translations import current_language

PREFERRED_SIZE = QSize(760, 640)


def manual_path(language: str) -> Path:
    folder = resources_dir() / "manual"
    wanted = folder / f"manual_{language}.md"
    return wanted if wanted.is_file() else folder / "manual_ja.md"


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.browser = QTextBrowser()
        self.browser.setObjectName("manualText")
        self.browser.setOpenExternalLinks(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        size = PREFERRED_SIZE
        screen = parent.screen() if parent is not None else self.screen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size() * 0.9)  # a 1366×768 laptop too
        self.resize(size)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("DisasterShare manual: first steps"))
        path = manual_path(current_language())
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError as exc:
            self.browser.setPlainText(self.tr("The manual cannot be read: {reason}").format(reason=exc))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
