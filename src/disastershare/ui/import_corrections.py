"""One file's import in the window: what its plans are made from, and the officer's fixes to its problem rows.

The import window reads a file once (a SheetSet) and replans it after every fix; this holds both. Fixes are
handed to the planning worker as a copy, so a fix made while a plan is computed cannot change it half-way,
and the copy that produced the plan on screen is kept: a cancelled or failed replan returns to it.
Nothing here is written anywhere: new local types and learned names are stored by Workspace.apply_import.
"""

from __future__ import annotations

import copy
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from disastershare.core.catalog import Catalog, ResourceKind, ResourceType, local_type_code
from disastershare.core.import_fixes import ImportFixes, RowKey
from disastershare.core.records import Record
from disastershare.core.sheet_import import plan_inventory_import, plan_needs_import, read_tables
from disastershare.core.sheet_reading import FIELD_SYNONYMS, SheetSet, find_header
from disastershare.core.sheet_rows import RowProblem
from disastershare.store.reference_store import new_local_type

NAME_CODES = frozenset({"unknown_name", "ambiguous_name"})  # fixed by choosing or creating a type
PACK_CODES = frozenset({"pack_size"})  # fixed by a pack size (入数)
SHEET_FIELDS = frozenset(FIELD_SYNONYMS)  # cells a row can have besides its name
_RECORD_TO_SHEET = {"on_hand": "quantity", "headcount": "quantity"}  # record field -> the cell it came from
SKIPPED_HERE = "skipped in the import window"
INVENTORY, NEEDS = "inventory", "needs"  # the two kinds of import


def correctable_fields(problem: RowProblem) -> list[str]:
    """The cells whose correction can fix this problem (none: choose a type, a pack size, or skip)."""
    if problem.code in ("unit_conflict", "incompatible_unit"):
        return ["quantity", "unit"]
    if problem.code == "merged_too_long":
        return ["note"]
    if problem.code in ("invalid", "not_whole", "text_too_long"):
        field = _RECORD_TO_SHEET.get(problem.field or "", problem.field or "")
        return [field] if field in SHEET_FIELDS else []
    return []


@dataclass(frozen=True)
class ImportPlanning:
    """What every plan of one check is made from (read on the GUI thread, which owns the database)."""

    kind: str
    catalog: Catalog
    existing: list[Record]
    owner: str
    learned: dict[str, str]

    def run(self, source: Path | SheetSet, fixes: ImportFixes) -> Generator[tuple[int, int], None, tuple]:
        """Runs on the worker: read the file (first check only), then plan it with the fixes."""
        tables = read_tables(source) if isinstance(source, Path) else source
        planner = plan_needs_import if self.kind == NEEDS else plan_inventory_import
        plan = yield from planner(tables, self.catalog, self.existing, self.owner, fixes, self.learned)
        return tables, fixes, plan


class ImportCorrections:
    def __init__(self, tables: SheetSet, catalog: Catalog, owner: str) -> None:
        """catalog: what the owner's sheets may name (Workspace.import_catalog)."""
        self.tables = tables
        self.catalog = catalog
        self.owner = owner
        self.fixes = ImportFixes()
        self._planned = ImportFixes()
        self._skipped_names: dict[RowKey, str] = {}
        self._line_index: dict[str, dict[int, int]] = {}

    # -- the plan's copy -----------------------------------------------------------------------------------
    def pending(self) -> ImportFixes:
        """A copy for the planning worker."""
        return copy.deepcopy(self.fixes)

    def planned(self, fixes: ImportFixes) -> None:
        """`fixes` (a pending copy) produced the plan now shown."""
        self._planned = fixes

    def revert(self) -> None:
        """Back to the fixes of the plan on screen (its replan was cancelled or failed)."""
        self.fixes = copy.deepcopy(self._planned)

    def planning_catalog(self) -> Catalog:
        """The import catalog with the local types created so far (what the preview names come from)."""
        return self.catalog.with_types(self.fixes.new_types)

    # -- fixes ---------------------------------------------------------------------------------------------
    def choose_type(self, problem: RowProblem, code: str) -> None:
        """Every row naming problem.name is read as `code` (and the name is learned on import)."""
        self.fixes.set_name(problem.name, code)

    def create_type(self, problem: RowProblem, name_ja: str, kind: ResourceKind, unit: str) -> ResourceType:
        """A new local type, used for every row naming problem.name. Raises ValidationError with a reason."""
        catalog = self.planning_catalog()
        rtype = new_local_type(catalog, self.owner, self._free_suffix(catalog), kind, name_ja, "", unit, "")
        self.fixes.new_types.append(rtype)
        self.fixes.set_name(problem.name, rtype.code)
        return rtype

    def _free_suffix(self, catalog: Catalog) -> str:
        number = 1
        while local_type_code(self.owner, f"L{number}") in catalog:
            number += 1
        return f"L{number}"

    def set_pack_size(self, problem: RowProblem, per_unit: int) -> None:
        """One problem.unit of problem.name holds per_unit catalog units, on every such row."""
        self.fixes.set_pack_size(problem.name, problem.unit, per_unit)

    def correct(self, problem: RowProblem, cells: dict[str, str]) -> None:
        for field, text in cells.items():
            self.fixes.set_cell(problem.sheet, problem.line, field, text.strip())

    def skip(self, problem: RowProblem) -> None:
        self.fixes.skip(problem.sheet, problem.line, SKIPPED_HERE)
        self._skipped_names[(problem.sheet, problem.line)] = problem.name

    def skipped_name(self, sheet: str, line: int) -> str:
        return self._skipped_names.get((sheet, line), "")

    # -- the file as read ----------------------------------------------------------------------------------
    def cell_text(self, problem: RowProblem, field: str) -> str:
        """The cell's text as the plan reads it: the officer's correction, else the sheet's own."""
        fixed = self.fixes.cells.get((problem.sheet, problem.line, field))
        if fixed is not None:
            return fixed
        table = next((t for t in self.tables.tables if t.sheet == problem.sheet), None)
        if table is None:
            return ""
        lines = self._line_index.get(table.sheet)
        if lines is None:
            lines = self._line_index[table.sheet] = {line: i for i, line in enumerate(table.line_numbers)}
        index = lines.get(problem.line)
        column = find_header(table).columns.get(field)
        if index is None or column is None:
            return ""
        cells = table.rows[index]
        return cells[column] if column < len(cells) else ""

    def several_sheets(self) -> bool:
        return len(self.tables.tables) > 1
