"""The names this workspace has learned in sheet imports (覚えた名前), with a way to forget a wrong one.

A name is learned when the officer resolves it in the import window and imports; the next import reads it
without asking. Removing one here means the next import asks again.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from disastershare.store.learned_names import LearnedName, forget_name, learned_names
from disastershare.store.workspace import Workspace
from disastershare.ui import styles

COL_NAME, COL_TYPE, COL_LEARNED = range(3)


class LearnedNamesDialog(QDialog):
    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learnedNamesDialog")
        self.setMinimumSize(560, 360)
        self._workspace = workspace
        self._language = language
        self.removed: list[str] = []  # names forgotten while the dialog was open
        self.names: list[LearnedName] = []
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet(styles.HELP_TEXT)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("learnedNames")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet(styles.HELP_TEXT)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("forgetNameButton")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        self.names = learned_names(self._workspace.engine)
        catalog = self._workspace.catalog()
        self.table.setRowCount(len(self.names))
        for row, learned in enumerate(self.names):
            rtype = catalog.get(learned.code)
            type_text = f"{rtype.name(self._language)} ({learned.code})" if rtype else learned.code
            at = learned.learned_at
            when = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone().strftime("%Y-%m-%d")
            for column, text in ((COL_NAME, learned.name), (COL_TYPE, type_text), (COL_LEARNED, when)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not self.names)
        self._update_buttons()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.names[rows[0].row()].name if rows else None

    def remove_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        if forget_name(self._workspace.engine, name):
            self.removed.append(name)
        self.reload()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_name() is not None)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Learned names"))
        self.intro_label.setText(self.tr(
            "Names this workspace has learned from earlier imports: a sheet that writes them is read as the "
            "type shown. Remove a name to be asked again next time."))
        self.table.setHorizontalHeaderLabels([self.tr("Name in the sheet"), self.tr("Read as"), self.tr("Learned on")])
        self.empty_label.setText(self.tr("No names learned yet."))
        self.remove_button.setText(self.tr("Remove"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.remove_selected()
            return
        super().keyPressEvent(event)
