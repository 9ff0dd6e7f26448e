"""What an import would do, row by row: additions, changes and problem rows (with line and suggestion).

Problem rows name the item as the sheet wrote it (and its sheet, when several were read) and carry their
RowProblem (RowRole), which the import window's fix panel works on; long texts have the whole in a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from disastershare.core.catalog import Catalog
from disastershare.core.records import Record
from disastershare.core.sheet_import import ImportPlan, PlanNote, RowProblem
from disastershare.ui.import_corrections import SKIPPED_HERE
from disastershare.ui.labels import cell_text, field_label
from disastershare.ui.models.read_only_table_model import ReadOnlyTableModel
from disastershare.ui.reason_text import localized_reason

COL_ACTION, COL_LINE, COL_RESOURCE, COL_DETAIL, COL_SUGGESTION = range(5)
LISTED_SKIPS = 10  # rows left out that an import's result names one by one
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
    sheet: str = ""  # shown only when the file had several sheets
    problem: RowProblem | None = None


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


def type_label(catalog: Catalog, code: str, language: str) -> str:
    """'毛布 (S-BLANKET)': a type's name in the language, with its code."""
    rtype = catalog.get(code)
    return f"{rtype.name(language)} ({code})" if rtype else code


def problem_text(problem: RowProblem, language: str) -> str:
    """What is wrong with the row, in the language (the core's "invalid" reasons are English sentences)."""
    text = problem.text(language)
    if problem.msg is not None and problem.code != "invalid":
        return text
    field = problem.field or ""
    named = bool(field) and text.startswith(f"{field}: ")  # "expiry: '来年' is not a date ..."
    reason = text[len(field) + 2:] if named else text
    said = localized_reason(reason, language)
    if said == reason and language == "ja" and "is not a date" in reason:
        said = QCoreApplication.translate(
            "ImportPreview", "'{value}' is not a date: write e.g. 2030-03-31, 令和12年3月31日 or 令和12年3月"
        ).format(value=problem.value)
    return f"{field_label(field)}: {said}" if named else said


def several_sheets(plan: ImportPlan) -> bool:
    return sum(1 for note in plan.notes if note.msg.code == "sheet_read") > 1


def _problem_row(problem: RowProblem, catalog: Catalog, language: str, sheets: bool) -> PreviewRow:
    if problem.candidates:
        suggestion = _separator().join(type_label(catalog, code, language) for code in problem.candidates)
    else:
        suggestion = problem.suggestion or ""
    return PreviewRow(Action.PROBLEM, problem.line, problem.name, problem_text(problem, language), suggestion,
                      problem.sheet if sheets else "", problem)


def preview_rows(plan: ImportPlan, catalog: Catalog, language: str) -> list[PreviewRow]:
    """catalog: names the types (include the plan's new local types)."""
    sheets = several_sheets(plan)
    rows = [_problem_row(p, catalog, language, sheets) for p in plan.problems]
    rows += [PreviewRow(Action.ADD, None, type_label(catalog, r.resource, language), describe_add(r))
             for r in plan.adds]
    rows += [PreviewRow(Action.CHANGE, None, type_label(catalog, new.resource, language), describe_change(old, new))
             for old, new in plan.changes]
    return rows


def note_text(note: PlanNote, language: str, sheets: bool) -> str:
    """One note of the plan as the preview lists it: where (sheet, line), what, and on how many rows."""
    text = note.text(language)
    if note.line:
        if sheets and note.sheet:
            where = QCoreApplication.translate("ImportPreview", "sheet {sheet}, line {line}: ")
        else:
            where = QCoreApplication.translate("ImportPreview", "line {line}: ")
        text = where.format(sheet=note.sheet, line=note.line) + text
    if note.rows > 1:
        text += QCoreApplication.translate("ImportPreview", " ({rows} rows)").format(rows=note.rows)
    return text


def skipped_lines(plan: ImportPlan, name_of: Callable[[str, int], str], with_problems: bool, language: str,
                  listed: int = LISTED_SKIPS) -> list[str]:
    """The rows left out of an import, for its result: how many, then each (where, which item, why).

    name_of(sheet, line): the item name of a row the officer skipped; with_problems: the problem rows were
    left out too (the "skip the problem rows" box)."""
    rows = [(sheet, line, name_of(sheet, line),
             QCoreApplication.translate("ImportPreview", "you chose not to import it") if why == SKIPPED_HERE else why)
            for sheet, line, why in plan.skipped_rows]
    if with_problems:
        rows += [(p.sheet, p.line, p.name, problem_text(p, language)) for p in plan.problems]
    if not rows:
        return []
    sheets = several_sheets(plan)
    lines = [QCoreApplication.translate("ImportPreview", "Rows not imported: {n}.").format(n=len(rows))]
    for sheet, line, name, why in sorted(rows, key=lambda r: (r[0], r[1]))[:listed]:
        if sheets and sheet:
            where = QCoreApplication.translate("ImportPreview", "sheet {sheet}, line {line}")
        else:
            where = QCoreApplication.translate("ImportPreview", "line {line}")
        lines.append(QCoreApplication.translate("ImportPreview", "• {where} ({name}): {why}").format(
            where=where.format(sheet=sheet, line=line), name=name or "—", why=why))
    if len(rows) > listed:
        lines.append(QCoreApplication.translate("ImportPreview", "… and {n} more.").format(n=len(rows) - listed))
    return lines


class ImportPreviewModel(ReadOnlyTableModel):
    CONTEXT = "ImportPreview"
    HEADERS = _HEADERS

    def display(self, row: PreviewRow, column: int) -> str:
        if column == COL_ACTION:
            return QCoreApplication.translate("ImportPreview", row.action.value)
        if column == COL_LINE:
            if row.line is None:
                return ""
            return f"{row.sheet}: {row.line}" if row.sheet else str(row.line)
        return (None, None, row.resource, row.detail, row.suggestion)[column]

    def sort_value(self, row: PreviewRow, column: int) -> object:
        return (list(Action).index(row.action), (row.sheet, row.line), row.resource, row.detail,
                row.suggestion)[column]

    def tooltip(self, row: PreviewRow, column: int) -> str | None:
        # Cells are cut at the column's width: the tooltip has the whole text.
        if column == COL_LINE and row.line is not None:
            if row.sheet:
                return QCoreApplication.translate("ImportPreview", "Sheet {sheet}, line {line}").format(
                    sheet=row.sheet, line=row.line)
            return QCoreApplication.translate("ImportPreview", "Line {line} of the file").format(line=row.line)
        if column in (COL_RESOURCE, COL_DETAIL, COL_SUGGESTION):
            return self.display(row, column) or None
        return None

    def problem_at(self, row: int) -> RowProblem | None:
        return self.row_item(row).problem if 0 <= row < self.rowCount() else None

    def problem_count(self) -> int:
        return sum(1 for row in self._rows if row.problem is not None)

    def background(self, row: PreviewRow, column: int) -> object:
        return _COLORS[row.action]

    def foreground(self, row: PreviewRow, column: int) -> object:
        return _TEXT  # the tints are light: keep the text dark under a dark theme too
