"""A partner lost its laptop: trust its new key card and retire the old key, after an explicit confirmation.

The reading and confirming are KeyCardDialog's; this dialog checks that the card is the same partner's and
replaces the key.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QLabel, QWidget

from disastershare.core.errors import DomainError
from disastershare.store.workspace import Workspace
from disastershare.sync.keycard import KeyCard
from disastershare.sync.partners import Partner, check_replacement, replace_key
from disastershare.ui.dialogs.key_card_dialog import KeyCardDialog
from disastershare.ui.sync_labels import fingerprint_groups

NEW_KEY_CAPTION = QT_TRANSLATE_NOOP("KeyCardView", "New key fingerprint (read aloud group by group):")


class ReplaceKeyDialog(KeyCardDialog):
    replaced = Signal(object)  # the Partner with its new key

    def __init__(self, workspace: Workspace, partner: Partner, parent: QWidget | None = None) -> None:
        super().__init__(workspace, ("replaceKeyError", "replaceConfirmed", "replaceKeyOk"), parent)
        self.setObjectName("replaceKeyDialog")
        self.partner = partner
        self.old_label = QLabel()
        self.finish(above_file=self.old_label)

    # -- KeyCardDialog ------------------------------------------------------------------------------------------
    def check(self, card: KeyCard) -> tuple[str, str, str | None]:
        if card.municipality != self.partner.code:
            raise DomainError(f"this key card is of {card.municipality} {card.display_name}, "
                              f"not of {self.partner.code} {self.partner.name}")
        check_replacement(self._workspace, card)
        return self.partner.code, self.partner.name, NEW_KEY_CAPTION

    def store(self, card: KeyCard) -> Partner:
        return replace_key(self._workspace, card)

    def stored(self, result: object) -> None:
        self.replaced.emit(result)

    def refusal(self, reason: str) -> str:
        return self.tr("The key cannot be replaced: {reason}").format(reason=reason)

    def browse_title(self) -> str:
        return self.tr("Choose the partner's new key card")

    # -- texts ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Replace the key of {name}").format(name=self.partner.name))
        self.intro_label.setText(self.tr(
            "Only when the partner lost its laptop or its key: their old key is retired and snapshots signed "
            "with it are refused from now on. Choose their new key card and compare its fingerprint by phone."))
        self.old_label.setText(self.tr("Current key: {fingerprint}").format(
            fingerprint=fingerprint_groups(self.partner.fingerprint)))
        self.file_label.setText(self.tr("New key card:"))
        self.confirm_check.setText(self.tr(
            "I compared the new fingerprint by phone and want to retire the old key"))
        self.ok_button.setText(self.tr("Replace key"))
