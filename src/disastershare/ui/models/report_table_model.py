"""One table of the coordination report, as the workbook and the CSV files will hold it (the preview)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from disastershare.reports.tables import Table
from disastershare.ui.models.read_only_table_model import ReadOnlyTableModel


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "bool":
        return "✓" if value else ""
    if kind == "int" and isinstance(value, int):
        return f"{value:,}"
    if kind == "float" and isinstance(value, int | float):
        return f"{value:,.1f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class ReportTableModel(ReadOnlyTableModel):
    """Headers and labels come in the report's language, not the window's: it previews the report."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self.HEADERS = ()

    def set_table(self, table: Table | None, language: str) -> None:
        with self.resetting():
            self._table = table
            self._language = language
            self.HEADERS = tuple(c.label(language) for c in table.columns) if table else ()
            self.NUMERIC = frozenset(i for i, c in enumerate(table.columns) if c.numeric) if table else frozenset()
            self._rows = list(table.rows) if table else []

    def table(self) -> Table | None:
        return self._table

    def header(self, column: int) -> str:
        return self.HEADERS[column]

    def value(self, item: Any, column: int) -> Any:
        assert self._table is not None
        return self._table.columns[column].get(item, self._language)

    def display(self, item: Any, column: int) -> str:
        assert self._table is not None
        return _cell(self.value(item, column), self._table.columns[column].type)

    def sort_value(self, item: Any, column: int) -> object:
        return self.value(item, column)
