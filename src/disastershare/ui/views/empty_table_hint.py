"""A sentence across an empty table saying what to do first; gone as soon as the table has rows.

A new workspace opens on empty tables: the hint names the buttons that fill them (import a sheet, add a row),
so nobody has to guess the next step. It lies over the table's viewport and lets clicks through.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QTableView

STYLE = ("QLabel#emptyTableHint { color: #37474f; background: #f5f7fa; border: 1px dashed #b0bec5;"
         " border-radius: 6px; padding: 16px 20px; font-size: 14px; }")
MARGIN = 24
MAX_WIDTH = 900  # one line where the text and the table allow; a narrower table wraps it
PADDING = 2 * 20 + 2 * 1 + 8  # the style sheet's padding and border, and room for rounding


class EmptyTableHint(QLabel):
    def __init__(self, view: QTableView, model: QAbstractItemModel, context: str, source: str) -> None:
        """Shown over `view` while `model` (its source model, not a filter: rows hidden by a filter are rows)
        has no rows. `source`: English text in translation context `context` (QT_TRANSLATE_NOOP)."""
        super().__init__(view.viewport())
        self.setObjectName("emptyTableHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the table's own clicks still work
        self._view = view
        self._model = model
        self._context, self._source = context, source
        view.viewport().installEventFilter(self)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(self._model.rowCount() == 0)
        if self.isVisibleTo(self._view):
            self._place()

    def _place(self) -> None:
        area = self._view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        self.ensurePolished()  # the style sheet's font size and padding
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + PADDING
        width = max(min(area.width(), one_line, MAX_WIDTH), 0)
        height = min(self.heightForWidth(width) if width else 0, max(area.height(), 0))
        self.setGeometry(area.x() + (area.width() - width) // 2, area.y() + max((area.height() - height) // 3, 0),
                         width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._view.viewport():
            self._place()
        return False

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate(self._context, self._source))
        self._place()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
