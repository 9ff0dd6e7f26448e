"""One tab of the main window: filters, an inline message line, the editable table, Add / Remove."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.records import Record
from disastershare.store.workspace import Workspace
from disastershare.ui import styles
from disastershare.ui.dialogs.add_record_dialog import AddRecordDialog
from disastershare.ui.models.columns import OWNER
from disastershare.ui.models.read_only_table_model import RowRole
from disastershare.ui.models.record_filter_proxy import RecordFilterProxy
from disastershare.ui.record_editor import RecordEditor
from disastershare.ui.views.delegates import delegate_for
from disastershare.ui.views.empty_table_hint import EmptyTableHint
from disastershare.ui.views.filter_bar import FilterBar
from disastershare.ui.views.tab_specs import TabSpec
from disastershare.ui.views.table_views import fit_columns

_MAX_COLUMN_WIDTH = 320  # long notes or names would otherwise push the other columns off screen


class RecordTab(QWidget):
    message = Signal(str)  # for the status bar; the inline label shows the same line
    import_requested = Signal()  # “Import spreadsheet…”: the window opens its import window

    def __init__(self, spec: TabSpec, workspace: Workspace, undo_stack: QUndoStack, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(spec.name)
        self._workspace = workspace
        self._language = language
        self._show_partners = False
        registry = workspace.registry()

        def owner_name(code: str) -> str:
            found = registry.get(code)
            return f"{found.prefecture}{found.name}" if found else code

        self.model = spec.model_type(workspace.catalog(), workspace.municipality, language, owner_name, self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.editor = RecordEditor(spec.repository(workspace), self.model, undo_stack, self)

        self.filter_bar = FilterBar(self.proxy, spec.kinds, workspace.catalog())
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setStyleSheet(styles.ERROR_MESSAGE)
        self.message_label.hide()
        self.view = self._make_view()
        self.empty_hint = EmptyTableHint(self.view, self.model, "RecordTab", spec.empty_hint)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importSheetButton")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addRowButton")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeRowButton")
        self.count_label = QLabel()
        self.count_label.setObjectName("rowCountLabel")

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.import_button.clicked.connect(self.import_requested)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.filter_bar.partners_toggled.connect(self.set_show_partners)
        self.editor.refused.connect(self.show_message)
        self.editor.saved.connect(self.clear_message)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate()
        self.reload()

    def _make_view(self) -> QTableView:
        view = QTableView()
        view.setObjectName("recordTable")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # stored order (by resource) until a header is clicked
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        self._delegates = []  # the view does not own delegates; keep them alive here
        for column, spec in enumerate(self.model.COLUMNS):
            if spec.edit is not None:
                delegate = delegate_for(spec.edit, view)
                self._delegates.append(delegate)
                view.setItemDelegateForColumn(column, delegate)
        return view

    # -- data ---------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the records (after an import, or when partners' data is switched on or off)."""
        repository = self.spec.repository(self._workspace)
        records = repository.list("*" if self._show_partners else None)
        self._workspace.invalidate_catalog()  # an import or snapshot may have brought local types
        catalog = self._workspace.catalog()
        self.model.set_records(records, catalog)
        self.filter_bar.set_catalog(catalog)
        self.view.setColumnHidden(self.model.column_of(OWNER), not self._show_partners)
        self._fit_columns()
        self._update_count()
        self._update_buttons()

    def _fit_columns(self) -> None:
        fit_columns(self.view, _MAX_COLUMN_WIDTH)

    def set_show_partners(self, show: bool) -> None:
        if show != self._show_partners:
            self._show_partners = show
            self.filter_bar.partners_check.setChecked(show)
            self.reload()

    def set_language(self, language: str) -> None:
        self._language = language
        self.model.set_language(language)
        self._fit_columns()

    def selected_records(self) -> list[Record]:
        rows = self.view.selectionModel().selectedRows()
        return [index.data(RowRole) for index in sorted(rows, key=lambda i: i.row())]

    # -- actions ------------------------------------------------------------------------------------------
    def open_add_dialog(self) -> AddRecordDialog:
        """Open (not exec) the picker, so tests and the event loop keep running while it is shown."""
        dialog = AddRecordDialog(self._workspace.catalog(), self.spec.kinds, self._language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_from(dialog))
        dialog.open()
        return dialog

    def _add_from(self, dialog: AddRecordDialog) -> None:
        code = dialog.resource_code()
        if code is not None:
            self.add_record(code, dialog.quantity())

    def add_record(self, code: str, quantity: int) -> Record | None:
        stored = self.editor.add(self.spec.new_record(self._workspace.municipality, code, quantity))
        if stored is not None:
            self.select_record(stored.meta.id)
        return stored

    def select_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.view.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def remove_selected(self) -> int:
        own = [r for r in self.selected_records() if r.meta.owner == self._workspace.municipality]
        if not own:
            self.show_message(self.tr("Select one or more of your own rows to remove."))
            return 0
        return self.editor.remove(own)

    # -- messages and texts --------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()
        self.message.emit(text)

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{shown} of {total} rows").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())

    def title(self) -> str:
        return QCoreApplication.translate("Tabs", self.spec.title)

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("Import spreadsheet…"))
        self.add_button.setText(self.tr("Add row…"))
        self.remove_button.setText(self.tr("Remove selected rows"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
