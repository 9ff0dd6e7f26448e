"""Beside the import preview: what would fix the selected problem row, as controls.

The panel shows one RowProblem and says what the officer chose (a type, a new local type, a pack size,
corrected cells, or leaving the row out); it keeps none of the import's state: the window turns each
choice into ImportFixes and recomputes the plan (ui/import_corrections.py).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.catalog import Catalog, ResourceKind
from disastershare.core.name_matching import search_catalog
from disastershare.core.sheet_rows import RowProblem
from disastershare.ui import styles
from disastershare.ui.import_corrections import NAME_CODES, PACK_CODES
from disastershare.ui.labels import value_label
from disastershare.ui.views.message_line import MessageLine

SEARCH_LIMIT = 30
MAX_PACK_SIZE = 1_000_000
_DATE_FIELDS = frozenset({"expiry", "needed_by"})
# The cells of a sheet, as the officer knows them (record fields are labelled in ui/labels.py).
_CELL_LABELS = {
    "quantity": QT_TRANSLATE_NOOP("ImportFixPanel", "Quantity"),
    "reserved": QT_TRANSLATE_NOOP("ImportFixPanel", "Reserved"),
    "unit": QT_TRANSLATE_NOOP("ImportFixPanel", "Unit"),
    "pack_size": QT_TRANSLATE_NOOP("ImportFixPanel", "Pack size"),
    "location": QT_TRANSLATE_NOOP("ImportFixPanel", "Location"),
    "note": QT_TRANSLATE_NOOP("ImportFixPanel", "Note"),
    "expiry": QT_TRANSLATE_NOOP("ImportFixPanel", "Expiry date"),
    "condition": QT_TRANSLATE_NOOP("ImportFixPanel", "Condition"),
    "needed_by": QT_TRANSLATE_NOOP("ImportFixPanel", "Needed by"),
    "priority": QT_TRANSLATE_NOOP("ImportFixPanel", "Priority"),
}


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setAutoDefault(False)  # Return in a field of the panel must never press another button
    return button


class ImportFixPanel(QWidget):
    type_chosen = Signal(str)  # a catalog code for every row with the problem's name
    type_created = Signal(str, object, str)  # Japanese name, ResourceKind, unit of a new local type
    pack_size_entered = Signal(int)  # catalog units in one of the problem's unit
    cells_corrected = Signal(object)  # {field: corrected text} for the problem's row
    skip_requested = Signal()  # leave the problem's row out of the import

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importFixPanel")
        self.problem: RowProblem | None = None
        self._show_sheet = False
        self._catalog = Catalog([])
        self._language = "ja"
        self._cell_edits: dict[str, QLineEdit] = {}

        self.title_label = QLabel()
        self.title_label.setObjectName("fixTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet(styles.SECTION)
        self.message_label = QLabel()
        self.message_label.setObjectName("fixMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(styles.HELP_TEXT)
        self.error_line = MessageLine()
        self.error_line.setObjectName("fixError")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for widget in (self.title_label, self.message_label, self.empty_label, self._make_choose_box(),
                       self._make_create_box(), self._make_pack_box(), self._make_cells_box(), self.error_line):
            layout.addWidget(widget)
        self.skip_button = _button("skipRowButton")
        self.skip_button.clicked.connect(self.skip_requested)
        skip_row = QHBoxLayout()
        skip_row.addStretch(1)
        skip_row.addWidget(self.skip_button)
        layout.addLayout(skip_row)
        layout.addStretch(1)
        self.retranslate()
        self.show_problem(None)

    # -- sections ------------------------------------------------------------------------------------------
    def _make_choose_box(self) -> QGroupBox:
        self.choose_box = QGroupBox()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("typeSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._fill_types)
        self.type_list = QListWidget()
        self.type_list.setObjectName("typeList")
        self.type_list.setMinimumHeight(72)
        self.type_list.setMaximumHeight(130)
        self.type_list.itemSelectionChanged.connect(self._update_buttons)
        self.type_list.itemDoubleClicked.connect(lambda _item: self._choose())
        self.choose_button = _button("chooseTypeButton")
        self.choose_button.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.choose_button)
        box = QVBoxLayout(self.choose_box)
        box.addWidget(self.search_edit)
        box.addWidget(self.type_list)
        box.addLayout(row)
        return self.choose_box

    def _make_create_box(self) -> QGroupBox:
        self.create_box = QGroupBox()
        self.new_name_edit = QLineEdit()
        self.new_name_edit.setObjectName("newTypeName")
        self.new_kind_combo = QComboBox()
        self.new_kind_combo.setObjectName("newTypeKind")
        for kind in ResourceKind:
            self.new_kind_combo.addItem("", kind)
        self.new_unit_edit = QLineEdit()
        self.new_unit_edit.setObjectName("newTypeUnit")
        self.new_unit_edit.returnPressed.connect(self._create)
        self.create_button = _button("createTypeButton")
        self.create_button.clicked.connect(self._create)
        for edit in (self.new_name_edit, self.new_unit_edit):
            edit.textChanged.connect(self._update_buttons)
        self.create_form = QFormLayout()
        self.new_name_label, self.new_kind_label, self.new_unit_label = QLabel(), QLabel(), QLabel()
        self.create_form.addRow(self.new_name_label, self.new_name_edit)
        self.create_form.addRow(self.new_kind_label, self.new_kind_combo)
        self.create_form.addRow(self.new_unit_label, self.new_unit_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        box = QVBoxLayout(self.create_box)
        box.addLayout(self.create_form)
        box.addLayout(row)
        return self.create_box

    def _make_pack_box(self) -> QGroupBox:
        self.pack_box = QGroupBox()
        self.pack_label = QLabel()
        self.pack_label.setWordWrap(True)
        self.pack_spin = QSpinBox()
        self.pack_spin.setObjectName("packSize")
        self.pack_spin.setRange(1, MAX_PACK_SIZE)
        self.pack_spin.setGroupSeparatorShown(True)
        self.pack_spin.lineEdit().returnPressed.connect(self._set_pack_size)
        self.pack_button = _button("packSizeButton")
        self.pack_button.clicked.connect(self._set_pack_size)
        self.pack_result = QLabel()
        self.pack_result.setStyleSheet(styles.HELP_TEXT)
        self.pack_spin.valueChanged.connect(self._show_pack_result)
        row = QHBoxLayout()
        row.addWidget(self.pack_label, 1)
        row.addWidget(self.pack_spin)
        button_row = QHBoxLayout()
        button_row.addWidget(self.pack_result, 1)
        button_row.addWidget(self.pack_button)
        box = QVBoxLayout(self.pack_box)
        box.addLayout(row)
        box.addLayout(button_row)
        return self.pack_box

    def _make_cells_box(self) -> QGroupBox:
        self.cells_box = QGroupBox()
        self.cells_form = QFormLayout()
        self.cells_hint = QLabel()
        self.cells_hint.setWordWrap(True)
        self.cells_hint.setStyleSheet(styles.HELP_TEXT)
        self.correct_button = _button("correctCellButton")
        self.correct_button.clicked.connect(self._correct)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.correct_button)
        box = QVBoxLayout(self.cells_box)
        box.addLayout(self.cells_form)
        box.addWidget(self.cells_hint)
        box.addLayout(row)
        return self.cells_box

    # -- showing a problem ---------------------------------------------------------------------------------
    def show_problem(self, problem: RowProblem | None, text: str = "", cells: dict[str, str] | None = None,
                     catalog: Catalog | None = None, language: str = "ja", show_sheet: bool = False) -> None:
        """Offer the fixes of `problem` (None: nothing selected). text: the problem in the UI language;
        cells: the correctable cells and their current text; catalog: what a type may be chosen from;
        show_sheet: name the problem's sheet (the file had several)."""
        self.problem, self._show_sheet = problem, show_sheet
        if catalog is not None:
            self._catalog, self._language = catalog, language
        self.error_line.clear_message()
        code = problem.code if problem else ""
        self.empty_label.setVisible(problem is None)
        self.title_label.setVisible(problem is not None)
        self.message_label.setVisible(problem is not None)
        self.skip_button.setVisible(problem is not None)
        self.choose_box.setVisible(code in NAME_CODES)
        self.create_box.setVisible(code in NAME_CODES)
        self.pack_box.setVisible(code in PACK_CODES)
        self._set_cells(cells or {})
        if problem is None:
            return
        self.title_label.setText(self._title(problem))
        self.message_label.setText(text)
        if code in NAME_CODES:
            self.search_edit.clear()
            self._fill_types("")
            self.new_name_edit.setText(problem.name)
            self.new_kind_combo.setCurrentIndex(0)
            self.new_unit_edit.setText(problem.unit)
        if code in PACK_CODES:
            self.pack_spin.setValue(1)
            self.pack_spin.selectAll()
            self._show_pack_result()
        self._update_buttons()
        self.retranslate()

    def _title(self, problem: RowProblem) -> str:
        name = problem.name or self.tr("(no name)")
        if problem.sheet and self._show_sheet:
            return self.tr("Sheet {sheet}, line {line}: {name}").format(sheet=problem.sheet, line=problem.line,
                                                                       name=name)
        return self.tr("Line {line}: {name}").format(line=problem.line, name=name)

    def _set_cells(self, cells: dict[str, str]) -> None:
        while self.cells_form.rowCount():
            self.cells_form.removeRow(0)
        self._cell_edits = {}
        for field, text in cells.items():
            edit = QLineEdit(text)
            edit.setObjectName(f"cell_{field}")
            edit.returnPressed.connect(self._correct)
            self._cell_edits[field] = edit
            self.cells_form.addRow(QCoreApplication.translate("ImportFixPanel", _CELL_LABELS.get(field, field)), edit)
        self.cells_box.setVisible(bool(cells))
        self.cells_hint.setVisible(bool(_DATE_FIELDS & set(cells)))

    def cell_edit(self, field: str) -> QLineEdit | None:
        return self._cell_edits.get(field)

    def _fill_types(self, text: str) -> None:
        """The problem's candidates, or what the search finds (by name, reading or code)."""
        if self.problem is None:
            return
        codes = search_catalog(self._catalog, text, SEARCH_LIMIT) if text.strip() else list(self.problem.candidates)
        self.type_list.clear()
        for code in codes:
            rtype = self._catalog.get(code)
            if rtype is None:
                continue
            item = QListWidgetItem(self.tr("{name} ({code}), unit {unit}").format(
                name=rtype.name(self._language), code=code, unit=rtype.unit))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(item.text())
            self.type_list.addItem(item)
        if self.type_list.count():
            self.type_list.setCurrentRow(0)
        self._update_buttons()

    def _base_unit(self) -> str:
        problem = self.problem
        rtype = self._catalog.get(problem.candidates[0]) if problem and problem.candidates else None
        return rtype.unit if rtype else ""

    def _show_pack_result(self) -> None:
        if self.problem is None or self.problem.code not in PACK_CODES:
            return
        self.pack_result.setText(self.tr("1 {unit} = {n} {base}").format(
            unit=self.problem.unit, n=f"{self.pack_spin.value():,}", base=self._base_unit()))

    def _update_buttons(self) -> None:
        self.choose_button.setEnabled(self.type_list.currentItem() is not None)
        self.create_button.setEnabled(bool(self.new_name_edit.text().strip() and self.new_unit_edit.text().strip()))

    def show_error(self, message: str) -> None:
        self.error_line.show_error(message)

    # -- choices -------------------------------------------------------------------------------------------
    def _choose(self) -> None:
        item = self.type_list.currentItem()
        if self.problem is not None and item is not None and self.isEnabled():
            self.type_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _create(self) -> None:
        if self.problem is not None and self.create_button.isEnabled() and self.isEnabled():
            kind = ResourceKind(self.new_kind_combo.currentData())  # Qt hands a StrEnum back as a plain str
            self.type_created.emit(self.new_name_edit.text().strip(), kind, self.new_unit_edit.text().strip())

    def _set_pack_size(self) -> None:
        if self.problem is not None and self.isEnabled():
            self.pack_size_entered.emit(self.pack_spin.value())

    def _correct(self) -> None:
        if self.problem is not None and self._cell_edits and self.isEnabled():
            self.cells_corrected.emit({field: edit.text() for field, edit in self._cell_edits.items()})

    # -- texts ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.empty_label.setText(self.tr("Select a problem row in the table to fix it here."))
        self.choose_box.setTitle(self.tr("Choose the resource type"))
        self.search_edit.setPlaceholderText(self.tr("Search the catalog (name, reading or code)"))
        self.choose_button.setText(self.tr("Use this type"))
        self.create_box.setTitle(self.tr("Or create a local type"))
        self.new_name_label.setText(self.tr("Name:"))
        self.new_kind_label.setText(self.tr("Kind:"))
        self.new_unit_label.setText(self.tr("Unit:"))
        for index in range(self.new_kind_combo.count()):
            self.new_kind_combo.setItemText(index, value_label(self.new_kind_combo.itemData(index)))
        self.create_button.setText(self.tr("Create and use"))
        self.pack_box.setTitle(self.tr("Pack size"))
        problem = self.problem
        unit = problem.unit if problem else ""
        self.pack_label.setText(self.tr("{base} in one {unit}:").format(base=self._base_unit(), unit=unit))
        self.pack_button.setText(self.tr("Set the pack size"))
        self._show_pack_result()
        self.cells_box.setTitle(self.tr("Correct the cell"))
        self.cells_hint.setText(self.tr("A date such as 2030-03-31, 令和12年3月31日 or R12.3.31; a month alone "
                                        "(令和12年3月) is read as its last day."))
        self.correct_button.setText(self.tr("Correct"))
        self.skip_button.setText(self.tr("Do not import this row"))
        if problem is not None:
            self.title_label.setText(self._title(problem))
        for field, edit in self._cell_edits.items():
            label = self.cells_form.labelForField(edit)
            if isinstance(label, QLabel):
                label.setText(QCoreApplication.translate("ImportFixPanel", _CELL_LABELS.get(field, field)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
