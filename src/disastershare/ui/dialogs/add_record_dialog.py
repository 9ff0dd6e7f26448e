"""Pick a resource type from the catalog (only the kinds the table holds) and a first quantity."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.catalog import Catalog, ResourceKind
from disastershare.core.registry import fold_kana
from disastershare.ui.labels import value_label


class AddRecordDialog(QDialog):
    def __init__(self, catalog: Catalog, kinds: Sequence[ResourceKind], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addRecordDialog")
        self._types = sorted((t for t in catalog if t.kind in kinds), key=lambda t: (t.kind, t.code))
        self._language = language
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("resourceSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.resource_list = QListWidget()
        self.resource_list.setObjectName("resourceList")
        self.resource_list.setMinimumSize(480, 300)
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("quantitySpin")
        # Any number may be typed: a refused value is explained by the core's rule afterwards.
        self.quantity_spin.setRange(-2_000_000_000, 2_000_000_000)
        self.quantity_spin.setGroupSeparatorShown(True)
        self.quantity_spin.setValue(1)
        self.quantity_label = QLabel()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)

        form = QFormLayout()
        form.addRow(self.quantity_label, self.quantity_spin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.resource_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.search_edit.textChanged.connect(self._filter)
        self.resource_list.currentItemChanged.connect(self._update_ok)
        self.resource_list.itemDoubleClicked.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._fill()
        self.retranslate()

    def _fill(self) -> None:
        for rtype in self._types:
            text = f"{rtype.name(self._language)}  ({rtype.code}, {value_label(rtype.kind)}, {rtype.unit})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, rtype.code)
            # Code, names, reading and aliases, folded: 'ぶるーしーと', 'tarp', 's-tarp' find ブルーシート, もうふ 毛布.
            keys = "\n".join((rtype.code, rtype.name_ja, rtype.name_en, rtype.reading, *rtype.aliases))
            item.setData(Qt.ItemDataRole.UserRole + 1, fold_kana(keys))
            self.resource_list.addItem(item)
        self._update_ok()

    def _filter(self, text: str) -> None:
        query = fold_kana(text)
        first_visible = None
        for row in range(self.resource_list.count()):
            item = self.resource_list.item(row)
            hidden = bool(query) and query not in item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.resource_list.currentItem()
        if current is None or current.isHidden():
            self.resource_list.setCurrentItem(first_visible)
        self._update_ok()

    def _update_ok(self) -> None:
        current = self.resource_list.currentItem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(current is not None and not current.isHidden())

    def select_code(self, code: str) -> None:
        for row in range(self.resource_list.count()):
            item = self.resource_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                self.resource_list.setCurrentItem(item)
                return
        raise KeyError(code)

    def resource_code(self) -> str | None:
        current = self.resource_list.currentItem()
        return None if current is None else current.data(Qt.ItemDataRole.UserRole)

    def quantity(self) -> int:
        return self.quantity_spin.value()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a row"))
        self.hint_label.setText(self.tr("Choose the resource type. The other columns can be filled in the table."))
        self.search_edit.setPlaceholderText(self.tr("Search by name or code"))
        self.quantity_label.setText(self.tr("Quantity:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
