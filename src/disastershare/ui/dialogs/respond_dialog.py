"""Answer a partner's request: accept all, accept part (how many), or decline, with a note for the requester."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.requests import RequestView


class RespondDialog(QDialog):
    def __init__(self, request: RequestView, requester: str, resource: str, unit: str,
                 parent: QWidget | None = None) -> None:
        """`requester` and `resource` are display names; `unit` what the quantity counts."""
        super().__init__(parent)
        self.setObjectName("respondDialog")
        self.setMinimumWidth(480)
        self.request = request
        self._requester, self._resource, self._unit = requester, resource, unit
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.all_radio = QRadioButton()
        self.all_radio.setObjectName("acceptAll")
        self.part_radio = QRadioButton()
        self.part_radio.setObjectName("acceptPart")
        self.part_spin = QSpinBox()
        self.part_spin.setObjectName("acceptedQuantity")
        self.part_spin.setRange(1, max(request.quantity - 1, 1))
        self.part_spin.setValue(max(request.quantity // 2, 1))
        self.part_spin.setGroupSeparatorShown(True)
        self.decline_radio = QRadioButton()
        self.decline_radio.setObjectName("decline")
        self.choice = QButtonGroup(self)
        for button in (self.all_radio, self.part_radio, self.decline_radio):
            self.choice.addButton(button)
        self.all_radio.setChecked(True)
        self.part_radio.setEnabled(request.quantity > 1)
        self.note_label = QLabel()
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("responseNote")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)

        part = QHBoxLayout()
        part.addWidget(self.part_radio)
        part.addWidget(self.part_spin)
        part.addStretch(1)
        form = QFormLayout()
        form.addRow(self.note_label, self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.all_radio)
        layout.addLayout(part)
        layout.addWidget(self.decline_radio)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.part_spin.valueChanged.connect(lambda _v: self.part_radio.setChecked(True))
        self.choice.buttonToggled.connect(lambda _b, _on: self.part_spin.setEnabled(self.part_radio.isChecked()))
        self.part_spin.setEnabled(False)
        self.retranslate()

    def declined(self) -> bool:
        return self.decline_radio.isChecked()

    def accepted_quantity(self) -> int | None:
        """How many are promised; None when declining."""
        if self.declined():
            return None
        return self.part_spin.value() if self.part_radio.isChecked() else self.request.quantity

    def note(self) -> str:
        return self.note_edit.text().strip()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Answer the request"))
        self.summary.setText(self.tr("{requester} asks for {quantity:,} {unit} of {resource}.").format(
            requester=self._requester, quantity=self.request.quantity, unit=self._unit, resource=self._resource))
        self.all_radio.setText(self.tr("Accept all ({quantity:,} {unit})").format(
            quantity=self.request.quantity, unit=self._unit))
        self.part_radio.setText(self.tr("Accept part:"))
        self.part_spin.setSuffix(f" {self._unit}" if self._unit else "")
        self.decline_radio.setText(self.tr("Decline"))
        self.note_label.setText(self.tr("Note for the requester:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
