"""The import window's preview page, laid out: what the plan would do, its notes, and the fix panel beside.

Layout only: the import wizard fills it, names its buttons and reacts to them (dialogs/import_wizard.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from disastershare.ui.models.import_preview_model import COL_DETAIL, ImportPreviewModel
from disastershare.ui.views.import_fix_panel import ImportFixPanel

WRAPPED_PROBLEM_ROWS = 300  # problem rows grown to show their wrapped text (more would slow a large file)
_WIDEST = 220  # px a column may take when fitted to its contents (the rest wraps; tooltips have it all)
_WIDEST_DETAIL = 330


def plain_button(name: str = "") -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setAutoDefault(False)  # only the dialog's default button is pressed by Return
    return button


class ImportPreviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.replan_row = QWidget()
        self.replan_label = QLabel()
        self.replan_bar = QProgressBar()
        self.replan_bar.setObjectName("replanProgress")
        self.replan_cancel = plain_button("replanCancel")
        replan = QHBoxLayout(self.replan_row)
        replan.setContentsMargins(0, 0, 0, 0)
        replan.addWidget(self.replan_label)
        replan.addWidget(self.replan_bar, 1)
        replan.addWidget(self.replan_cancel)
        self.replan_row.hide()

        self.fix_panel = ImportFixPanel()
        self.fix_scroll = QScrollArea()
        self.fix_scroll.setObjectName("fixScroll")
        self.fix_scroll.setWidget(self.fix_panel)
        self.fix_scroll.setWidgetResizable(True)
        self.fix_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fix_scroll.setMinimumWidth(360)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._make_table_side())
        self.splitter.addWidget(self.fix_scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)

        self.skip_check = QCheckBox()
        self.skip_check.setObjectName("skipProblems")
        self.learned_button = plain_button("learnedNamesButton")
        self.back_button = plain_button("backButton")
        self.import_button = plain_button("importButton")
        row = QHBoxLayout()
        row.addWidget(self.skip_check)
        row.addStretch(1)
        row.addWidget(self.learned_button)
        row.addWidget(self.back_button)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.replan_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(row)

    def _make_table_side(self) -> QWidget:
        self.model = ImportPreviewModel(self)
        self.view = QTableView()
        self.view.setObjectName("importPreview")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only: no focus frame on a cell
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.notes_toggle = QToolButton()
        self.notes_toggle.setObjectName("notesToggle")
        self.notes_toggle.setCheckable(True)
        self.notes_toggle.setChecked(True)
        self.notes_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.notes_toggle.setAutoRaise(True)
        self.notes_toggle.toggled.connect(lambda _shown: self._fold_notes())
        self.notes_view = QPlainTextEdit()
        self.notes_view.setObjectName("importNotes")
        self.notes_view.setReadOnly(True)
        self.notes_view.setMaximumHeight(96)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes_toggle)
        layout.addWidget(self.notes_view)
        return side

    def fit_rows(self, problem_rows: int) -> None:
        """Columns to their contents (within limits), problem rows tall enough for their wrapped text."""
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            widest = _WIDEST_DETAIL if column == COL_DETAIL else _WIDEST
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), widest))
        for row in range(min(problem_rows, WRAPPED_PROBLEM_ROWS)):
            self.view.resizeRowToContents(row)

    def show_notes(self, lines: list[str]) -> None:
        self.notes_view.setPlainText("\n".join(lines))
        self.notes_toggle.setVisible(bool(lines))
        self._fold_notes()

    def _fold_notes(self) -> None:
        shown = self.notes_toggle.isChecked()
        self.notes_view.setVisible(shown and self.notes_toggle.isVisibleTo(self))
        self.notes_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
