"""What the window's tabs share: a title, one message line that the status bar repeats, and new texts on a
language change.

The message line sits under a tab's buttons: what was just done (green) or why it was refused (red); the
window shows the same line in its status bar through `message`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QWidget

from disastershare.ui.reason_text import localized_reason
from disastershare.ui.translations import current_language
from disastershare.ui.views.message_line import MessageLine


class TabPage(QWidget):
    message = Signal(str)  # for the status bar
    TITLE = ""  # English source in the context "Tabs" (QT_TRANSLATE_NOOP); or override title()

    def __init__(self, name: str, message_name: str, parent: QWidget | None = None) -> None:
        """`name`, `message_name`: object names of the tab and of its message line (tests find them)."""
        super().__init__(parent)
        self.setObjectName(name)
        self.message_line = MessageLine()
        self.message_line.setObjectName(message_name)

    def show_info(self, text: str) -> None:
        self.message_line.show_info(text)
        self.message.emit(text)

    def show_error(self, text: str) -> None:
        """`text` may be a lower layer's bare reason (str(exc)): the common ones are said in the UI language."""
        text = localized_reason(text, current_language())
        self.message_line.show_error(text)
        self.message.emit(text)

    def title(self) -> str:
        return QCoreApplication.translate("Tabs", self.TITLE)

    def retranslate(self) -> None:
        """Set every text again in the current language (subclasses; called on each language change)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
