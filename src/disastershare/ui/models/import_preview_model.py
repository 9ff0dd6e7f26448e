"""What an import would do, row by row: additions, changes and problem rows (with line and suggestion)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from enum import Enum, StrEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from disastershare.core.catalog import Catalog
from disastershare.core.quantities import format_quantity
from disastershare.core.records import Record
from disastershare.core.sheet_import import ImportPlan
from disastershare.ui.labels import field_label, value_label
from disastershare.ui.models.record_table_model import RowRole, SortRole

Index = QModelIndex | QPersistentModelIndex

COL_ACTION, COL_LINE, COL_RESOURCE, COL_DETAIL, COL_SUGGESTION = range(5)
_HEADERS = (
    QT_TRANSLATE_NOOP("ImportPreview", "Action"),
    QT_TRANSLATE_NOOP("ImportPreview", "Line"),
    QT_TRANSLATE_NOOP("ImportPreview", "Resource"),
    QT_TRANSLATE_NOOP("ImportPreview", "Details"),
    QT_TRANSLATE_NOOP("ImportPreview", "Suggestion"),
)


class Action(Enum):
    PROBLEM = QT_TRANSLATE_NOOP("ImportPreview", "Problem")  # listed first: they decide whether to go on
    ADD = QT_TRANSLATE_NOOP("ImportPreview", "Add")
    CHANGE = QT_TRANSLATE_NOOP("ImportPreview", "Change")


_TEXT = QColor("#202020")
_COLORS = {Action.PROBLEM: QColor("#fdecea"), Action.ADD: QColor("#e8f5e9"), Action.CHANGE: QColor("#fff8e1")}


@dataclass(frozen=True, slots=True)
class PreviewRow:
    action: Action
    line: int | None
    resource: str
    detail: str
    suggestion: str = ""


def _value_text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_quantity(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value_label(value)
    return str(value) or "—"


def _separator() -> str:
    return QCoreApplication.translate("ImportPreview", ", ", "between the fields of one row")


def _record_fields(record: Record) -> list[tuple[str, object]]:
    return [(f.name, getattr(record, f.name)) for f in fields(record) if f.name not in ("meta", "resource")]


def describe_add(record: Record) -> str:
    """The fields the file gave (defaults left out), e.g. 'on hand 120, location 倉庫A'."""
    shown = []
    for name, value in _record_fields(record):
        default = next(f.default for f in fields(record) if f.name == name)
        if value != default or name in ("on_hand", "headcount", "quantity"):
            shown.append(f"{field_label(name)} {_value_text(value)}")
    return _separator().join(shown)


def describe_change(old: Record, new: Record) -> str:
    return _separator().join(
        f"{field_label(name)}: {_value_text(before)} → {_value_text(getattr(new, name))}"
        for name, before in _record_fields(old) if before != getattr(new, name)
    )


def preview_rows(plan: ImportPlan, catalog: Catalog, language: str) -> list[PreviewRow]:
    def name(code: str) -> str:
        rtype = catalog.get(code)
        return f"{rtype.name(language)} ({code})" if rtype else code

    rows = [PreviewRow(Action.PROBLEM, p.line, "", p.message, p.suggestion or "") for p in plan.problems]
    rows += [PreviewRow(Action.ADD, None, name(r.resource), describe_add(r)) for r in plan.adds]
    rows += [PreviewRow(Action.CHANGE, None, name(new.resource), describe_change(old, new))
             for old, new in plan.changes]
    return rows


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ImportPreview", _HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ACTION:
                return QCoreApplication.translate("ImportPreview", row.action.value)
            if column == COL_LINE:
                return "" if row.line is None else str(row.line)
            return (None, None, row.resource, row.detail, row.suggestion)[column]
        if role == SortRole:
            return (list(Action).index(row.action), row.line, row.resource, row.detail, row.suggestion)[column]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            return _COLORS[row.action]
        if role == Qt.ItemDataRole.ForegroundRole:
            return _TEXT  # the tints are light: keep the text dark under a dark theme too
        return None
