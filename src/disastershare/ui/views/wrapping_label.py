"""A label that wraps in whatever width its row leaves it, and keeps the height its wrapped text needs.

A wrapped QLabel in a row of buttons neither widens the window (good: the window must fit a 1366-pixel
laptop) nor makes the row taller (bad: the second line was cut in half). This one asks for the height of its
text at its present width, a few lines at most, so it never grows the window's minimum size much either.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_WRAP_WIDTH = 80  # below this (mid-layout), the height asked for would be meaningless
MAX_LINES = 4


class WrappingLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._keep_height()

    def setStyleSheet(self, sheet: str) -> None:  # noqa: N802 - padding changes the height
        super().setStyleSheet(sheet)
        self._keep_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._keep_height()

    def _keep_height(self) -> None:
        # Hidden (a tab not shown), the width is stale: a grab of the window even resizes hidden pages to their
        # old size. The height is worked out again when the label is shown or resized.
        if not self.isVisible() or self.width() < MIN_WRAP_WIDTH:
            return
        self.setMinimumHeight(0)  # QLabel.heightForWidth counts the minimum height in: ask without it
        needed = self.heightForWidth(self.width())
        most = self.heightForWidth(10_000) + (MAX_LINES - 1) * self.fontMetrics().lineSpacing()
        self.setMinimumHeight(min(needed, most))
