"""The banner across the top of a drill workspace's window: nobody should mistake a drill for the real thing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class DrillBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#drillBanner { background: #c62828; color: white; font-weight: bold; font-size: 15px;"
            " padding: 6px 12px; border-bottom: 3px solid #ef6c00; }")
        self.retranslate()

    def retranslate(self) -> None:
        # Bilingual on purpose: whoever looks at the screen, in either language, sees it is a drill.
        self.setText(self.tr("DRILL / 訓練 — drill workspace: not real stock or needs"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
