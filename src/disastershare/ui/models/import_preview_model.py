"""What an import would do, row by row: additions, changes and problem rows (with line and suggestion)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from disastershare.core.catalog import Catalog
from disastershare.core.records import Record
from disastershare.core.sheet_import import ImportPlan
from disastershare.ui.labels import cell_text, field_label
from disastershare.ui.models.read_only_table_model import ReadOnlyTableModel
from disastershare.ui.reason_text import localized_reason

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
    return cell_text(value, empty="—")  # a blank would read as a missing word in "on hand , location"


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

    rows = [PreviewRow(Action.PROBLEM, p.line, "", localized_reason(p.message, language),
                       p.suggestion or "") for p in plan.problems]
    rows += [PreviewRow(Action.ADD, None, name(r.resource), describe_add(r)) for r in plan.adds]
    rows += [PreviewRow(Action.CHANGE, None, name(new.resource), describe_change(old, new))
             for old, new in plan.changes]
    return rows


class ImportPreviewModel(ReadOnlyTableModel):
    CONTEXT = "ImportPreview"
    HEADERS = _HEADERS

    def display(self, row: PreviewRow, column: int) -> str:
        if column == COL_ACTION:
            return QCoreApplication.translate("ImportPreview", row.action.value)
        if column == COL_LINE:
            return "" if row.line is None else str(row.line)
        return (None, None, row.resource, row.detail, row.suggestion)[column]

    def sort_value(self, row: PreviewRow, column: int) -> object:
        return (list(Action).index(row.action), row.line, row.resource, row.detail, row.suggestion)[column]

    def background(self, row: PreviewRow, column: int) -> object:
        return _COLORS[row.action]

    def foreground(self, row: PreviewRow, column: int) -> object:
        return _TEXT  # the tints are light: keep the text dark under a dark theme too
