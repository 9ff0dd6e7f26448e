"""A municipality and its key fingerprint, large enough to read aloud over the phone, group by group."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from disastershare.ui import styles
from disastershare.ui.sync_labels import fingerprint_groups


class KeyCardView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.municipality_label = QLabel()
        self.municipality_label.setObjectName("cardMunicipality")
        self.municipality_label.setStyleSheet(styles.HEADLINE)
        self.caption_label = QLabel()
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("cardFingerprint")
        self.fingerprint_label.setStyleSheet(styles.FINGERPRINT)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.municipality_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.fingerprint_label, 0, Qt.AlignmentFlag.AlignLeft)
        self._caption = ""
        self.retranslate()

    def set_card(self, code: str, name: str, fingerprint: str, caption: str | None = None) -> None:
        """`caption`: English source in context "KeyCardView" (QT_TRANSLATE_NOOP), shown above the groups."""
        self.municipality_label.setText(f"{code}  {name}")
        self.fingerprint_label.setText(fingerprint_groups(fingerprint))
        self.fingerprint_label.setVisible(bool(fingerprint))

        self._caption = caption or ""
        self.retranslate()

    def fingerprint(self) -> str:
        return " ".join(self.fingerprint_label.text().split())

    def retranslate(self) -> None:
        if self._caption:
            self.caption_label.setText(QCoreApplication.translate("KeyCardView", self._caption))
        else:
            self.caption_label.setText(self.tr("Key fingerprint (read aloud group by group):"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def grow_to_fit(window: QWidget) -> None:
    """Make a window tall enough for what it shows now (e.g. a card that appeared after opening).

    A window's minimum height counts wrapped labels as one line; at its real width they need more,
    and the layout then squeezes the other widgets (the fingerprint was cut in half)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
    if window.height() < needed:
        window.resize(window.width(), needed)
