"""A partner lost its laptop: trust its new key card and retire the old key, after an explicit confirmation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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
from disastershare.sync.partners import Partner, check_replacement, replace_key
from disastershare.ui.sync_labels import fingerprint_groups
from disastershare.ui.views.key_card_view import KeyCardView, grow_to_fit
from disastershare.ui.views.message_line import MessageLine

NEW_KEY_CAPTION = QT_TRANSLATE_NOOP("KeyCardView", "New key fingerprint (read aloud group by group):")


class ReplaceKeyDialog(QDialog):
    replaced = Signal(object)  # the Partner with its new key

    def __init__(self, workspace: Workspace, partner: Partner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replaceKeyDialog")
        self.setMinimumWidth(640)
        self._workspace = workspace
        self.partner = partner
        self.card: KeyCard | None = None
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.old_label = QLabel()
        self.file_label = QLabel()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("keycardFile")
        self.browse_button = QPushButton()
        self.error_line = MessageLine()
        self.error_line.setObjectName("replaceKeyError")
        self.card_view = KeyCardView()
        self.card_view.hide()
        self.confirm_check = QCheckBox()
        self.confirm_check.setObjectName("replaceConfirmed")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("replaceKeyOk")

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.old_label)
        layout.addLayout(file_row)
        layout.addWidget(self.error_line)
        layout.addWidget(self.card_view)
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
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the partner's new key card"), str(Path.home()),
                                              self.tr("Key cards (*{suffix});;All files (*)").format(
                                                  suffix=KEYCARD_SUFFIX))
        if path:
            self.file_edit.setText(path)
            self.load_card(Path(path))

    def load_card(self, path: Path) -> KeyCard | None:
        self.card = None
        self.confirm_check.setChecked(False)
        self.card_view.hide()
        try:
            card = read_keycard(path)
            if card.municipality != self.partner.code:
                raise DomainError(f"this key card is of {card.municipality} {card.display_name}, "
                                  f"not of {self.partner.code} {self.partner.name}")
            check_replacement(self._workspace, card)
        except DomainError as exc:
            self.error_line.show_error(self.tr("The key cannot be replaced: {reason}").format(reason=str(exc)))
            self._update_ok()
            grow_to_fit(self)
            return None
        self.error_line.clear_message()
        self.card = card
        self.card_view.set_card(self.partner.code, self.partner.name, card.fingerprint, NEW_KEY_CAPTION)
        self.card_view.show()
        self._update_ok()
        grow_to_fit(self)
        return card

    def _update_ok(self) -> None:
        self.confirm_check.setEnabled(self.card is not None)
        self.ok_button.setEnabled(self.card is not None and self.confirm_check.isChecked())

    def accept(self) -> None:
        if self.card is None or not self.ok_button.isEnabled():
            return
        try:
            partner = replace_key(self._workspace, self.card)
        except DomainError as exc:
            self.error_line.show_error(self.tr("The key cannot be replaced: {reason}").format(reason=str(exc)))
            return
        self.replaced.emit(partner)
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Replace the key of {name}").format(name=self.partner.name))
        self.intro_label.setText(self.tr(
            "Only when the partner lost its laptop or its key: their old key is retired and snapshots signed "
            "with it are refused from now on. Choose their new key card and compare its fingerprint by phone."))
        self.old_label.setText(self.tr("Current key: {fingerprint}").format(
            fingerprint=fingerprint_groups(self.partner.fingerprint)))
        self.file_label.setText(self.tr("New key card:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.confirm_check.setText(self.tr(
            "I compared the new fingerprint by phone and want to retire the old key"))
        self.ok_button.setText(self.tr("Replace key"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
