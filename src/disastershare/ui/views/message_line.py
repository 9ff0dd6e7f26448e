"""One line under a tab's buttons: what was just done (green) or why it was refused (red)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from disastershare.ui import styles


class MessageLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long file path cannot wrap: it must not widen the window either (the tooltip has it whole).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.refused = False
        self.hide()

    def show_info(self, text: str) -> None:
        self._show(text, styles.INFO_MESSAGE, refused=False)

    def show_error(self, text: str) -> None:
        self._show(text, styles.ERROR_MESSAGE, refused=True)

    def _show(self, text: str, style: str, refused: bool) -> None:
        # A message is one line: the core's reasons are one-liners, and a stray newline must not grow the tab.
        self.setText(" ".join(text.split()))
        self.setToolTip(self.text())
        self.setStyleSheet(style)
        self.refused = refused
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()
