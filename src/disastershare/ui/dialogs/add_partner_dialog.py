"""Trust a partner's key card: read the file, compare the fingerprint by phone, choose the agreement, confirm.

Nothing is stored before OK, and OK stays disabled until the card was read without refusal and the
person ticked that they compared the fingerprint with the partner over the phone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.errors import DomainError
from disastershare.store.workspace import Workspace
from disastershare.sync.keycard import KEYCARD_SUFFIX, KeyCard, read_keycard
from disastershare.sync.partners import Agreement, add_partner, check_new_partner
from disastershare.ui.sync_labels import agreement_label
from disastershare.ui.views.key_card_view import KeyCardView, grow_to_fit
from disastershare.ui.views.message_line import MessageLine


class AddPartnerDialog(QDialog):
    added = Signal(object)  # the new Partner

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addPartnerDialog")
        self.setMinimumWidth(640)
        self._workspace = workspace
        self.card: KeyCard | None = None
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.file_label = QLabel()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("keycardFile")
        self.browse_button = QPushButton()
        self.error_line = MessageLine()
        self.error_line.setObjectName("addPartnerError")
        self.card_view = KeyCardView()
        self.card_view.hide()
        self.agreement_label = QLabel()
        self.agreement_combo = QComboBox()
        self.agreement_combo.setObjectName("agreementCombo")
        self.confirm_check = QCheckBox()
        self.confirm_check.setObjectName("fingerprintConfirmed")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("addPartnerOk")

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.agreement_label, self.agreement_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(file_row)
        layout.addWidget(self.error_line)
        layout.addWidget(self.card_view)
        layout.addLayout(form)
        layout.addWidget(self.confirm_check)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self._browse)
        self.file_edit.returnPressed.connect(lambda: self.load_card(Path(self.file_edit.text().strip())))
        self.confirm_check.toggled.connect(self._update_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self._update_ok()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the partner's key card"), str(Path.home()),
                                              self.tr("Key cards (*{suffix});;All files (*)").format(
                                                  suffix=KEYCARD_SUFFIX))
        if path:
            self.file_edit.setText(path)
            self.load_card(Path(path))

    def load_card(self, path: Path) -> KeyCard | None:
        """Read and check the card; a refusal is shown in one line and leaves OK disabled."""
        self.card = None
        self.confirm_check.setChecked(False)
        self.card_view.hide()
        try:
            card = read_keycard(path)
            municipality = check_new_partner(self._workspace, card)
        except DomainError as exc:
            self.error_line.show_error(self.tr("This key card cannot be added: {reason}").format(reason=str(exc)))
            self._update_ok()
            grow_to_fit(self)
            return None
        self.error_line.clear_message()
        self.card = card
        self.card_view.set_card(card.municipality, f"{municipality.prefecture}{municipality.name}",
                                card.fingerprint)
        self.card_view.show()
        self._update_ok()
        grow_to_fit(self)
        return card

    def agreement(self) -> Agreement:
        return Agreement(self.agreement_combo.currentData())

    def _update_ok(self) -> None:
        self.confirm_check.setEnabled(self.card is not None)
        self.ok_button.setEnabled(self.card is not None and self.confirm_check.isChecked())

    def accept(self) -> None:
        if self.card is None or not self.ok_button.isEnabled():
            return
        try:
            partner = add_partner(self._workspace, self.card, self.agreement())
        except DomainError as exc:
            self.error_line.show_error(self.tr("This key card cannot be added: {reason}").format(reason=str(exc)))
            return
        self.added.emit(partner)
        super().accept()

    def _fill_agreements(self) -> None:
        current = self.agreement_combo.currentData() or Agreement.MUTUAL_AID.value
        self.agreement_combo.clear()
        for agreement in Agreement:
            self.agreement_combo.addItem(agreement_label(agreement), agreement.value)
        self.agreement_combo.setCurrentIndex(max(self.agreement_combo.findData(current), 0))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a partner"))
        self.intro_label.setText(self.tr(
            "Choose the key card file your partner sent you. Then phone the partner and ask them to read "
            "out their fingerprint: it must match the one shown here in every group."))
        self.file_label.setText(self.tr("Key card:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.agreement_label.setText(self.tr("Agreement:"))
        self.confirm_check.setText(self.tr("I compared the fingerprint by phone with the partner: it is the same"))
        self.ok_button.setText(self.tr("Add partner"))
        self._fill_agreements()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
