"""A new request to a partner: who, what, how many; for staff also work type, place and period; for equipment a
return date. Fields that do not apply to the chosen resource's kind are hidden (the core refuses them anyway)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.catalog import Catalog, ResourceKind
from disastershare.sync.partners import Partner

MAX_QUANTITY = 10_000_000


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class RequestDialog(QDialog):
    def __init__(self, partners: Sequence[Partner], catalog: Catalog, language: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestDialog")
        self.setMinimumWidth(520)
        self._catalog = catalog
        self.partner_combo = QComboBox()
        self.partner_combo.setObjectName("partnerCombo")
        for partner in partners:
            self.partner_combo.addItem(partner.name, partner.code)
        self.resource_combo = QComboBox()
        self.resource_combo.setObjectName("requestResourceCombo")
        for rtype in catalog:
            self.resource_combo.addItem(f"{rtype.name(language)} [{rtype.unit}]", rtype.code)
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("requestQuantity")
        self.quantity_spin.setRange(1, MAX_QUANTITY)
        self.quantity_spin.setGroupSeparatorShown(True)
        self.needed_check = QCheckBox()
        self.needed_edit = _date_edit("neededBy", today + timedelta(days=1))
        self.needed_edit.setEnabled(False)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("requestNote")
        self.work_type_edit = QLineEdit()
        self.work_type_edit.setObjectName("workType")
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place")
        self.period_from_edit = _date_edit("periodFrom", today)
        self.period_to_edit = _date_edit("periodTo", today + timedelta(days=6))
        self.return_check = QCheckBox()
        self.return_edit = _date_edit("returnBy", today + timedelta(days=14))
        self.return_edit.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)

        self.labels = {key: QLabel() for key in ("partner", "resource", "quantity", "note", "work_type", "place",
                                                   "period")}
        period = QHBoxLayout()
        period.addWidget(self.period_from_edit)
        self.period_dash = QLabel("–")
        period.addWidget(self.period_dash)
        period.addWidget(self.period_to_edit)
        period.addStretch(1)
        self.form = QFormLayout()
        self.form.addRow(self.labels["partner"], self.partner_combo)
        self.form.addRow(self.labels["resource"], self.resource_combo)
        self.form.addRow(self.labels["quantity"], self.quantity_spin)
        self.form.addRow(self.needed_check, self.needed_edit)
        self.form.addRow(self.labels["work_type"], self.work_type_edit)
        self.form.addRow(self.labels["place"], self.place_edit)
        self.form.addRow(self.labels["period"], period)
        self.form.addRow(self.return_check, self.return_edit)
        self.form.addRow(self.labels["note"], self.note_edit)
        self.intro_label = QLabel()
        self.intro_label.setObjectName("requestIntro")
        self.intro_label.setWordWrap(True)
        self.intro_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.needed_check.toggled.connect(self.needed_edit.setEnabled)
        self.return_check.toggled.connect(self.return_edit.setEnabled)
        self.resource_combo.currentIndexChanged.connect(lambda _i: self._show_kind_fields())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self._show_kind_fields()

    def preset(self, partner: str | None = None, resource: str | None = None, quantity: int | None = None, *,
               needed_by: date | None = None, place: str | None = None, note: str | None = None) -> None:
        if partner is not None and (i := self.partner_combo.findData(partner)) >= 0:
            self.partner_combo.setCurrentIndex(i)
        if resource is not None and (i := self.resource_combo.findData(resource)) >= 0:
            self.resource_combo.setCurrentIndex(i)
        if quantity is not None:
            self.quantity_spin.setValue(quantity)
        if needed_by is not None:
            self.needed_check.setChecked(True)
            self.needed_edit.setDate(_qdate(needed_by))
        if place is not None:
            self.place_edit.setText(place)
        if note is not None:
            self.note_edit.setText(note)

    def set_intro(self, text: str) -> None:
        """A line above the form (where the prefilled values come from); hidden when empty."""
        self.intro_label.setText(text)
        self.intro_label.setVisible(bool(text))

    def kind(self) -> ResourceKind | None:
        rtype = self._catalog.get(self.resource_combo.currentData() or "")
        return rtype.kind if rtype else None

    def _show_kind_fields(self) -> None:
        staff, equipment = self.kind() is ResourceKind.STAFF, self.kind() is ResourceKind.EQUIPMENT
        self.form.setRowVisible(self.work_type_edit, staff)  # place applies to every kind: where to deliver
        self.form.setRowVisible(self.labels["period"], staff)
        self.form.setRowVisible(self.return_edit, equipment)
        self.retranslate()

    def values(self) -> tuple[str, str, int, dict[str, Any]]:
        """(partner code, resource code, quantity, the other fields for request_store.create_request)."""
        fields: dict[str, Any] = {"note": self.note_edit.text().strip(), "place": self.place_edit.text().strip()}
        if self.needed_check.isChecked():
            fields["needed_by"] = _date(self.needed_edit)
        if self.kind() is ResourceKind.STAFF:
            fields.update(work_type=self.work_type_edit.text().strip(), period_from=_date(self.period_from_edit),
                          period_to=_date(self.period_to_edit))
        if self.kind() is ResourceKind.EQUIPMENT and self.return_check.isChecked():
            fields["return_by"] = _date(self.return_edit)
        return self.partner_combo.currentData(), self.resource_combo.currentData(), self.quantity_spin.value(), fields

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New request to a partner"))
        staff = self.kind() is ResourceKind.STAFF
        texts = {"partner": self.tr("Partner:"), "resource": self.tr("Resource:"),
                 "quantity": self.tr("Headcount:") if staff else self.tr("Quantity:"), "note": self.tr("Note:"),
                 "work_type": self.tr("Work type:"), "place": self.tr("Place:"),
                 "period": self.tr("Period of work:")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.needed_check.setText(self.tr("Needed by:"))
        self.return_check.setText(self.tr("Return by:"))
        self.work_type_edit.setPlaceholderText(self.tr("e.g. shelter management, damage assessment"))
        self.place_edit.setPlaceholderText(self.tr("where to deliver or report"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
