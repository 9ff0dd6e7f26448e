"""Trust a partner's key card: read the file, compare the fingerprint by phone, choose the agreement, confirm.

The reading and confirming are KeyCardDialog's; this dialog checks that the partner is new, asks for the
agreement and adds the partner.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from disastershare.store.workspace import Workspace
from disastershare.sync.keycard import KeyCard
from disastershare.sync.partners import Agreement, Partner, add_partner, check_new_partner
from disastershare.ui.dialogs.key_card_dialog import KeyCardDialog
from disastershare.ui.sync_labels import agreement_label


class AddPartnerDialog(KeyCardDialog):
    added = Signal(object)  # the new Partner

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, ("addPartnerError", "fingerprintConfirmed", "addPartnerOk"), parent)
        self.setObjectName("addPartnerDialog")
        self.agreement_label = QLabel()
        self.agreement_combo = QComboBox()
        self.agreement_combo.setObjectName("agreementCombo")
        form = QFormLayout()
        form.addRow(self.agreement_label, self.agreement_combo)
        self.finish(form=form)

    def agreement(self) -> Agreement:
        return Agreement(self.agreement_combo.currentData())

    # -- KeyCardDialog ------------------------------------------------------------------------------------------
    def check(self, card: KeyCard) -> tuple[str, str, str | None]:
        municipality = check_new_partner(self._workspace, card)
        return card.municipality, f"{municipality.prefecture}{municipality.name}", None

    def store(self, card: KeyCard) -> Partner:
        return add_partner(self._workspace, card, self.agreement())

    def stored(self, result: object) -> None:
        self.added.emit(result)

    def refusal(self, reason: str) -> str:
        return self.tr("This key card cannot be added: {reason}").format(reason=reason)

    def browse_title(self) -> str:
        return self.tr("Choose the partner's key card")

    # -- texts ----------------------------------------------------------------------------------------------------
    def _fill_agreements(self) -> None:
        current = self.agreement_combo.currentData() or Agreement.MUTUAL_AID.value
        self.agreement_combo.clear()
        for agreement in Agreement:
            self.agreement_combo.addItem(agreement_label(agreement), agreement.value)
        self.agreement_combo.setCurrentIndex(max(self.agreement_combo.findData(current), 0))

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Add a partner"))
        self.intro_label.setText(self.tr(
            "Choose the key card file your partner sent you. Then phone the partner and ask them to read "
            "out their fingerprint: it must match the one shown here in every group."))
        self.file_label.setText(self.tr("Key card:"))
        self.agreement_label.setText(self.tr("Agreement:"))
        self.confirm_check.setText(self.tr("I compared the fingerprint by phone with the partner: it is the same"))
        self.ok_button.setText(self.tr("Add partner"))
        self._fill_agreements()
