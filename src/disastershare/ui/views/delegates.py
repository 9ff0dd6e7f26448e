"""Cell editors chosen from each column's Edit kind.

Number editors accept any whole number, negatives included: the core's validation, not the widget,
decides what is allowed, so the person sees the rule's reason instead of a spin box that silently stops.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from disastershare.ui.labels import value_label
from disastershare.ui.models.columns import CHOICES, Edit

Index = QModelIndex | QPersistentModelIndex
_LIMIT = 2_000_000_000  # QSpinBox holds a C int; the core refuses anything implausible itself


class CountDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(-_LIMIT, _LIMIT)
        editor.setGroupSeparatorShown(True)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(int(value) if isinstance(value, int) else 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class TextDelegate(QStyledItemDelegate):
    """Free text, optional counts and dates (ISO or as people write them: 2026/12/31, 令和8年12月31日)."""

    def __init__(self, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder  # English source, translated when an editor opens

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if self._placeholder:
            editor.setPlaceholderText(QCoreApplication.translate("Delegates", self._placeholder))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over one of the core's value sets (condition, priority, status)."""

    def __init__(self, edit: Edit, parent=None) -> None:
        super().__init__(parent)
        self._values = list(CHOICES[edit])

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        for value in self._values:
            editor.addItem(value_label(value), value.value)  # labels read at edit time: current language
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def delegate_for(edit: Edit, parent=None) -> QStyledItemDelegate:
    if edit is Edit.COUNT:
        return CountDelegate(parent)
    if edit in CHOICES:
        return ChoiceDelegate(edit, parent)
    if edit is Edit.DATE:
        return TextDelegate(QT_TRANSLATE_NOOP("Delegates", "e.g. 2026-12-31 (blank: none)"), parent)
    if edit is Edit.OPTIONAL_COUNT:
        return TextDelegate(QT_TRANSLATE_NOOP("Delegates", "a number (blank: not set)"), parent)
    return TextDelegate("", parent)
