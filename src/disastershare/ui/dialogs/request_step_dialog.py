"""How many and when, for one step of a request: dispatch (with expected arrival), receipt or return."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

DISPATCH, RECEIVE, RETURN = "dispatch", "receive", "return"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class RequestStepDialog(QDialog):
    def __init__(self, step: str, summary: str, unit: str, most: int, today: date,
                 parent: QWidget | None = None) -> None:
        """`most`: the largest quantity that makes sense now (e.g. accepted - dispatched), proposed by default."""
        super().__init__(parent)
        self.setObjectName("requestStepDialog")
        self.setMinimumWidth(420)
        self.step = step
        self._unit = unit
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.quantity_label = QLabel()
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("stepQuantity")
        self.quantity_spin.setRange(1, max(most, 1))
        self.quantity_spin.setValue(max(most, 1))
        self.quantity_spin.setGroupSeparatorShown(True)
        self.quantity_spin.setSuffix(f" {unit}" if unit else "")
        self.date_label = QLabel()
        self.date_edit = QDateEdit(_qdate(today))
        self.date_edit.setObjectName("stepDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.arrival_check = QCheckBox()
        self.arrival_check.setObjectName("arrivalKnown")
        self.arrival_edit = QDateEdit(_qdate(today))
        self.arrival_edit.setObjectName("arrivalDate")
        self.arrival_edit.setCalendarPopup(True)
        self.arrival_edit.setDisplayFormat("yyyy-MM-dd")
        self.arrival_edit.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(self.quantity_label, self.quantity_spin)
        form.addRow(self.date_label, self.date_edit)
        if step == DISPATCH:
            form.addRow(self.arrival_check, self.arrival_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.arrival_check.toggled.connect(self.arrival_edit.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    def quantity(self) -> int:
        return self.quantity_spin.value()

    def day(self) -> date:
        return _date(self.date_edit)

    def expected_arrival(self) -> date | None:
        return _date(self.arrival_edit) if self.arrival_check.isChecked() else None

    def retranslate(self) -> None:
        titles = {DISPATCH: self.tr("Record a dispatch"), RECEIVE: self.tr("Record a receipt"),
                  RETURN: self.tr("Record a return")}
        dates = {DISPATCH: self.tr("Dispatched on:"), RECEIVE: self.tr("Received on:"), RETURN: self.tr("Returned on:")}
        self.setWindowTitle(titles[self.step])
        self.quantity_label.setText(self.tr("Quantity:"))
        self.date_label.setText(dates[self.step])
        self.arrival_check.setText(self.tr("Expected arrival:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
