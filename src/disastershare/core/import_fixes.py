"""What the officer decided about an import's problem rows, applied when the plan is recomputed.

The import window (or the CLI's --map) fills this in; planning reads it; nothing is written until the
import is applied. Rows are addressed by (sheet, line) as the plan reports them ("" is a CSV's sheet).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from disastershare.core.catalog import ResourceType
from disastershare.core.name_matching import normalise_name
from disastershare.core.units import unit_key

RowKey = tuple[str, int]  # (sheet, line)


@dataclass
class ImportFixes:
    names: dict[str, str] = field(default_factory=dict)  # name as written in the sheet -> catalog code
    pack_sizes: dict[tuple[str, str], Fraction] = field(default_factory=dict)  # (name key, unit key) -> base units
    cells: dict[tuple[str, int, str], str] = field(default_factory=dict)  # (sheet, line, field) -> corrected text
    skipped: dict[RowKey, str] = field(default_factory=dict)  # rows the officer chose not to import -> why
    new_types: list[ResourceType] = field(default_factory=list)  # local types created in the window, not stored yet

    def set_name(self, name: str, code: str) -> None:
        self.names[name] = code

    def set_pack_size(self, name: str, unit: str, per_unit: Fraction | int) -> None:
        size = Fraction(per_unit)
        if size <= 0:
            raise ValueError("a pack size must be positive")
        self.pack_sizes[(normalise_name(name), unit_key(unit))] = size

    def pack_size(self, name: str, unit: str) -> Fraction | None:
        return self.pack_sizes.get((normalise_name(name), unit_key(unit))) if self.pack_sizes else None

    def set_cell(self, sheet: str, line: int, field_name: str, text: str) -> None:
        self.cells[(sheet, line, field_name)] = text

    def skip(self, sheet: str, line: int, reason: str = "skipped by the officer") -> None:
        self.skipped[(sheet, line)] = reason
