"""Column descriptions shared by the record table models: what a column shows and how it is edited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum

from disastershare.core.errors import ValidationError
from disastershare.core.quantities import parse_quantity
from disastershare.core.records import Condition, NeedStatus, Priority
from disastershare.core.sheet_import import parse_date

# Keys of columns derived from the catalog or the registry rather than stored on the record.
RESOURCE, CODE, KIND, CATEGORY, UNIT, OWNER = "resource", "code", "kind", "category", "unit", "owner"


class Edit(Enum):
    """How a cell is edited; the delegate and the value parser follow from it."""

    COUNT = "count"  # a whole number; negative numbers reach the core, which refuses them with a reason
    OPTIONAL_COUNT = "optional_count"  # blank means "not set"
    TEXT = "text"
    DATE = "date"  # ISO text; blank means "no date"
    CONDITION = "condition"
    PRIORITY = "priority"
    STATUS = "status"


CHOICES: dict[Edit, type[StrEnum]] = {Edit.CONDITION: Condition, Edit.PRIORITY: Priority, Edit.STATUS: NeedStatus}


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # a record field, or one of the derived keys above
    header: str  # English source text; translated in headerData (context "Columns")
    edit: Edit | None = None  # None: read-only
    numeric: bool = False  # right-aligned


def _count(value: object, field: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value  # from a spin box: may be negative on purpose, so that the core names the rule
    try:
        return parse_quantity(str(value))
    except ValidationError as exc:
        raise ValidationError(str(exc), field) from None


def parse_cell(column: Column, value: object) -> object:
    """The typed value for a record field from what an editor produced (int, str, date or enum value)."""
    edit = column.edit
    if edit is Edit.COUNT:
        return _count(value, column.key)
    if edit is Edit.OPTIONAL_COUNT:
        return None if value is None or str(value).strip() == "" else _count(value, column.key)
    if edit is Edit.DATE:
        if value is None or isinstance(value, date):
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except ValidationError as exc:
            raise ValidationError(str(exc), column.key) from None
    if edit in CHOICES:
        try:
            return CHOICES[edit](value)
        except ValueError:
            raise ValidationError(f"'{value}' is not a valid {column.key}", column.key) from None
    return "" if value is None else str(value).strip()
