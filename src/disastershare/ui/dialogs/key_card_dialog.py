"""What trusting a partner's key card always involves: read the file, show its fingerprint, confirm it by phone.

Nothing is stored before OK, and OK stays disabled until the card was read without refusal and the person
ticked that they compared the fingerprint with the partner over the phone. The Add-partner and Replace-key
dialogs differ only in how they check and store the card, in a widget or two, and in their wording.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
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
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.views.key_card_view import KeyCardView, grow_to_fit
from disastershare.ui.views.message_line import MessageLine

TYPING_PAUSE_MS = 400


def typed_path(text: str) -> Path | None:
    """The path in the field: blanks and the quotes of a pasted "C:\\...\\card.dskey" removed, a file:// URL and
    a leading ~ understood; None when empty."""
    text = text.strip().strip('"').strip("'").strip()
    if not text:
        return None
    if text.startswith("file:"):
        local = QUrl(text).toLocalFile()
        text = local or text
    return Path(text).expanduser()


class KeyCardDialog(QDialog):
    def __init__(self, workspace: Workspace, object_names: tuple[str, str, str],
                 parent: QWidget | None = None) -> None:
        """`object_names`: of the error line, the confirmation tick and the OK button (tests find them)."""
        super().__init__(parent)
        self.setMinimumWidth(640)
        self._workspace = workspace
        self.card: KeyCard | None = None
        self._card_path: Path | None = None  # the file the card shown was read from
        error_name, confirm_name, ok_name = object_names
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.file_label = QLabel()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("keycardFile")
        self.browse_button = QPushButton()
        self.error_line = MessageLine()
        self.error_line.setObjectName(error_name)
        self.card_view = KeyCardView()
        self.card_view.hide()
        self.confirm_check = QCheckBox()
        self.confirm_check.setObjectName(confirm_name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName(ok_name)

    def finish(self, above_file: QWidget | None = None, form: QFormLayout | None = None) -> None:
        """Lay out and connect, once the subclass made its own widgets: `above_file` goes under the intro,
        `form` under the card."""
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        if above_file is not None:
            layout.addWidget(above_file)
        layout.addLayout(file_row)
        layout.addWidget(self.error_line)
        layout.addWidget(self.card_view)
        if form is not None:
            layout.addLayout(form)
        layout.addWidget(self.confirm_check)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self._browse)
        # A typed or pasted path is read once it names a file (after a pause in typing), or when the field is
        # left or Return pressed: not only through the chooser.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self._load_typed(still_typing=True))
        self.file_edit.textEdited.connect(lambda _text: self._typing.start())
        self.file_edit.editingFinished.connect(lambda: self._load_typed(still_typing=False))
        self.confirm_check.toggled.connect(self._update_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self._update_ok()

    # -- what subclasses say -----------------------------------------------------------------------------------
    def check(self, card: KeyCard) -> tuple[str, str, str | None]:
        """(code, name, caption) to show for an acceptable card (caption: see KeyCardView.set_card);
        raises DomainError with the reason it is not acceptable."""
        raise NotImplementedError

    def store(self, card: KeyCard) -> object:
        """Write the trust change (DomainError if refused); what `stored` announces."""
        raise NotImplementedError

    def stored(self, result: object) -> None:
        """Announce what `store` returned (the subclass's signal)."""
        raise NotImplementedError

    def refusal(self, reason: str) -> str:
        """The one line shown when the card cannot be used."""
        raise NotImplementedError

    def browse_title(self) -> str:
        raise NotImplementedError

    # -- behaviour --------------------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.browse_title(), str(Path.home()),
                                              self.tr("Key cards (*{suffix});;All files (*)").format(
                                                  suffix=KEYCARD_SUFFIX))
        if path:
            self.file_edit.setText(path)
            self.load_card(Path(path))

    def _load_typed(self, still_typing: bool) -> None:
        self._typing.stop()
        path = typed_path(self.file_edit.text())
        if path is None or (self.card is not None and path == self._card_path):
            return  # nothing typed, or this card is shown already (its tick must not be undone)
        if still_typing and not path.is_file():
            return  # a path being typed: say nothing until it is finished
        self.load_card(path)

    def load_card(self, path: Path) -> KeyCard | None:
        """Read and check the card; a refusal is shown in one line and leaves OK disabled."""
        self._card_path = Path(path)
        self.card = None
        self.confirm_check.setChecked(False)
        self.card_view.hide()
        try:
            card = read_keycard(path)
            code, name, caption = self.check(card)
        except DomainError as exc:
            self.error_line.show_error(self.refusal(exception_reason(exc)))
            self._update_ok()
            grow_to_fit(self)
            return None
        self.error_line.clear_message()
        self.card = card
        self.card_view.set_card(code, name, card.fingerprint, caption)
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
            result = self.store(self.card)
        except DomainError as exc:
            self.error_line.show_error(self.refusal(exception_reason(exc)))
            return
        self.stored(result)
        super().accept()

    def retranslate(self) -> None:
        self.browse_button.setText(self.tr("Browse…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
