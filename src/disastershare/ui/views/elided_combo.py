"""A combo box whose closed text ends in "…" when it is longer than the box (Fusion just cuts it off).

Used where a box is kept narrow so the window fits a 1366-pixel laptop; the open list shows the names whole,
and the views set the current name as the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter


class ElidedComboBox(QComboBox):
    def paintEvent(self, event: QPaintEvent) -> None:
        # QComboBox.paintEvent, with the label elided to the edit field's width.
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           max(field.width() - 2, 0))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
