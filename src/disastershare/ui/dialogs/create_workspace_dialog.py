"""First start: find the own municipality in the registry (name, kana or code) and create the workspace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.errors import DomainError
from disastershare.core.reference_data import shipped_registry
from disastershare.store.workspace import Workspace
from disastershare.sync.keys import generate_signing_key
from disastershare.ui.reason_text import exception_reason

SEARCH_LIMIT = 100


class CreateWorkspaceDialog(QDialog):
    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createWorkspaceDialog")
        self.setMinimumSize(560, 460)
        self._root = Path(root)
        self._registry = shipped_registry()
        self.workspace: Workspace | None = None
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("municipalitySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.result_list = QListWidget()
        self.result_list.setObjectName("municipalityList")
        self.drill_check = QCheckBox()
        self.drill_check.setObjectName("drillCheck")
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel()
        self.error_label.setObjectName("createError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("QLabel { color: #8a1c1c; }")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setObjectName("createButton")

        layout = QVBoxLayout(self)
        for widget in (self.intro_label, self.search_edit, self.result_list, self.drill_check, self.folder_label,
                       self.error_label, self.buttons):
            layout.addWidget(widget, 1 if widget is self.result_list else 0)

        self.search_edit.textChanged.connect(self._search)
        self.result_list.currentItemChanged.connect(self._update_button)
        self.result_list.itemDoubleClicked.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self._update_button()

    def _search(self, text: str) -> None:
        """Code prefix ('1310'), name ('千代田'), or kana in either script ('ちよだ', 'チヨダ')."""
        self.result_list.clear()
        for m in self._registry.find(text, limit=SEARCH_LIMIT):
            former = self.tr(" (former code)") if m.former else ""
            item = QListWidgetItem(f"{m.code}  {m.prefecture} {m.name}（{m.kana}）{former}")
            item.setData(Qt.ItemDataRole.UserRole, m.code)
            self.result_list.addItem(item)
        # The workspace's municipality is permanent: pre-select only an unambiguous hit, never the first of many.
        if self.result_list.count() == 1:
            self.result_list.setCurrentRow(0)
        self._update_button()

    def _update_button(self) -> None:
        self.create_button.setEnabled(self.result_list.currentItem() is not None)

    def selected_code(self) -> str | None:
        item = self.result_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def accept(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        try:
            workspace = Workspace.create(self._root, code, drill=self.drill_check.isChecked())
            generate_signing_key(workspace.keys_dir)
        except (DomainError, OSError) as exc:
            self.error_label.setText(self.tr("The workspace was not created: {reason}").format(
                reason=exception_reason(exc)))
            self.error_label.show()
            return
        self.workspace = workspace
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Create a workspace"))
        self.intro_label.setText(self.tr(
            "No workspace yet. Find your municipality by name, kana or 6-digit code; its records, "
            "signing key and settings are kept in the folder below."))
        self.search_edit.setPlaceholderText(self.tr("e.g. 千代田区, ちよだ or 131016"))
        self.drill_check.setText(self.tr("Drill workspace (for exercises; permanently marked as a drill)"))
        self.folder_label.setText(self.tr("Folder: {path}").format(path=self._root))
        self.create_button.setText(self.tr("Create"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
