"""Payload members: one JSON document per table, `{"columns": [...], "rows": [[...], ...]}`.

Rows are positional arrays in the column order of snapshot_format.TABLES, values in the database's
own text forms, so an import hands the decoded rows straight to sqlite's executemany. Validation
works column by column with C-speed builtins (set, map, min, max) rather than a Python loop per value:
the national import checks two million values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from disastershare.sync.container import RefusedError
from disastershare.sync.snapshot_format import (
    FORBIDDEN_TEXT,
    MAX_INT,
    MAX_QUANTITY_SUM,
    MAX_ROWS_PER_TABLE,
    MAX_TEXT,
    MAX_YEAR,
    MIN_YEAR,
    SUMMED,
    TABLES,
    Column,
    ColumnKind,
)

# Whole-column patterns: values joined by newlines, each followed by one.
_DATES = re.compile(r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2}\n)*", re.ASCII)
_DATETIMES = re.compile(r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}\n)*", re.ASCII)
_IDS = re.compile(r"(?:[0-9A-Za-z-]{1,36}\n)*", re.ASCII)
_FIRST_DAY, _LAST_DAY = f"{MIN_YEAR:04d}-01-01", f"{MAX_YEAR:04d}-12-31"
_ID_AT, _DELETED_AT = 0, 4  # positions of the record metadata every table starts with
_INT_TYPES = {int}
_NULLABLE_INT = {int, type(None)}
_STR_TYPES = {str}
_NULLABLE_STR = {str, type(None)}


def encode_table(table: str, rows: Sequence[Sequence[Any]]) -> bytes:
    """Compact JSON (zip's deflate compresses it); booleans as JSON true/false."""
    columns = [c.name for c in TABLES[table]]
    bools = [i for i, c in enumerate(TABLES[table]) if c.kind is ColumnKind.BOOL]
    if bools:
        rows = [_with_bools(row, bools) for row in rows]
    document = {"columns": columns, "rows": rows}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _with_bools(row: Sequence[Any], positions: list[int]) -> list[Any]:
    out = list(row)
    for i in positions:
        out[i] = bool(out[i])
    return out


def decode_table(table: str, data: bytes, owner: str, declared_rows: int, version: int = 1) -> list[list[Any]]:
    """Parse and validate one payload member; every problem is a RefusedError naming table and column."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        raise RefusedError(f"payload {table} is not valid JSON") from None
    spec = TABLES[table]
    if not isinstance(document, dict) or document.get("columns") != [c.name for c in spec]:
        raise RefusedError(f"payload {table} does not have the columns of format version {version}")
    rows = document.get("rows")
    if not isinstance(rows, list):
        raise RefusedError(f"payload {table} has no rows list")
    if len(rows) != declared_rows:
        raise RefusedError(f"payload {table} holds {len(rows):,} rows but the manifest counts {declared_rows:,}")
    if len(rows) > MAX_ROWS_PER_TABLE:
        raise RefusedError(f"payload {table} holds more than {MAX_ROWS_PER_TABLE:,} rows")
    if not rows:
        return rows
    if set(map(type, rows)) != {list} or set(map(len, rows)) != {len(spec)}:
        raise RefusedError(f"payload {table} has rows of the wrong shape")
    columns = list(zip(*rows, strict=True))
    for column, values in zip(spec, columns, strict=True):
        problem = _check_column(column, values, owner)
        if problem:
            raise RefusedError(f"payload {table}.{column.name}: {problem}")
    names = [c.name for c in spec]
    _refuse_twice(columns[_ID_AT], f"payload {table}: the snapshot lists record id {{}} twice")
    if table == "local_resource_type":
        # Local type codes are unique across owners; only the owner's own prefix keeps them apart.
        codes = columns[names.index("code")]
        if not all(code.startswith(f"{owner}-") for code in codes):
            raise RefusedError(f"payload {table}.code: a local type code lacks the owner's prefix {owner}-")
        _refuse_twice(codes, f"payload {table}: the snapshot lists local type code {{}} twice")
    if table == "inventory_item":
        on_hand, reserved = columns[names.index("on_hand")], columns[names.index("reserved")]
        if any(map(int.__gt__, reserved, on_hand)):
            raise RefusedError(f"payload {table}.reserved: a record reserves more than it has on hand")
    for quantity, per in SUMMED.get(table, ()):
        _check_sum(table, quantity, per, columns[names.index(quantity)], columns[names.index(per)],
                   columns[_DELETED_AT])
    return rows


def _refuse_twice(values: tuple[Any, ...], message: str) -> None:
    if len(set(values)) != len(values):
        seen: set[Any] = set()
        twice = next(v for v in values if v in seen or seen.add(v))
        raise RefusedError(message.format(twice))


def _check_sum(table: str, quantity: str, per: str, values: tuple[int, ...], groups: tuple[str, ...],
               deleted: tuple[bool, ...]) -> None:
    """The live records' quantities summed per resource (or request) stay within MAX_QUANTITY_SUM."""
    if sum(values) <= MAX_QUANTITY_SUM:  # C-speed: no group can exceed what the whole column does not
        return
    totals: dict[str, int] = {}
    for value, group, gone in zip(values, groups, deleted, strict=True):
        if not gone:
            totals[group] = totals.get(group, 0) + value
    over = next((g for g, n in sorted(totals.items()) if n > MAX_QUANTITY_SUM), None)
    if over is not None:
        raise RefusedError(f"payload {table}.{quantity}: the live records of {per} {over} sum to "
                           f"{totals[over]:,}, over the limit of {MAX_QUANTITY_SUM:,}")


def _check_column(column: Column, values: tuple[Any, ...], owner: str) -> str | None:
    try:
        return _CHECKS[column.kind](column, values, owner)
    except TypeError:  # an array or object where a plain value belongs (unhashable in set())
        return "not a plain value"


def _int(column: Column, values: tuple[Any, ...], _owner: str) -> str | None:
    if not set(map(type, values)) <= (_NULLABLE_INT if column.nullable else _INT_TYPES):
        return "not a whole number"
    present = [v for v in values if v is not None] if column.nullable else values
    if present and (min(present) < 0 or max(present) > MAX_INT):
        return "number out of range"
    return None


def _bool(_column: Column, values: tuple[Any, ...], _owner: str) -> str | None:
    return None if set(map(type, values)) <= {bool} else "not true/false"


def _owner(_column: Column, values: tuple[Any, ...], owner: str) -> str | None:
    return None if values.count(owner) == len(values) else f"a record does not belong to owner {owner}"


def _id(_column: Column, values: tuple[Any, ...], _owner: str) -> str | None:
    if not set(map(type, values)) <= _STR_TYPES:
        return "not text"
    # One regex over all ids joined by newlines: a C loop instead of a Python call per id (the count of
    # newlines catches an id that itself holds one).
    joined = "\n".join(values) + "\n"
    return None if _IDS.fullmatch(joined) and joined.count("\n") == len(values) else "malformed record id"


def _choice(column: Column, values: tuple[Any, ...], _owner: str) -> str | None:
    unknown = set(values) - column.choices
    return f"unknown value {sorted(map(str, unknown))[0]!r}" if unknown else None


def _text(column: Column, values: tuple[Any, ...], _owner: str) -> str | None:
    if not set(map(type, values)) <= (_NULLABLE_STR if column.nullable else _STR_TYPES):
        return "not text"
    present = [v for v in values if v is not None] if column.nullable else values
    if present and max(map(len, present)) > MAX_TEXT:
        return f"text longer than {MAX_TEXT} characters"
    bad = FORBIDDEN_TEXT.search("".join(present))  # one C-speed scan of the whole column
    if bad:
        return f"text holds the control or bidirectional character U+{ord(bad.group()):04X}"
    return None


def _moments(shape: re.Pattern[str], parse: Any, what: str):
    def check(column: Column, values: tuple[Any, ...], _owner: str) -> str | None:
        distinct = set(values)  # a snapshot's timestamps and dates repeat a lot
        if column.nullable:
            distinct.discard(None)
        elif None in distinct:
            return f"missing {what}"
        if not distinct:
            return None
        if not set(map(type, distinct)) <= _STR_TYPES:
            return f"{what} is not text"
        joined = "\n".join(distinct) + "\n"
        if not shape.fullmatch(joined) or joined.count("\n") != len(distinct):
            return f"malformed {what}"
        try:
            list(map(parse, distinct))
        except ValueError:
            return f"impossible {what}"
        first, last = min(distinct), max(distinct)  # fixed-width digits: text order is time order
        if first < _FIRST_DAY or last[:10] > _LAST_DAY:
            return f"{what} {(first if first < _FIRST_DAY else last)[:10]} is outside the years {MIN_YEAR}-{MAX_YEAR}"
        return None
    return check


_CHECKS = {
    ColumnKind.INT: _int, ColumnKind.BOOL: _bool, ColumnKind.OWNER: _owner, ColumnKind.ID: _id,
    ColumnKind.CHOICE: _choice, ColumnKind.TEXT: _text,
    ColumnKind.DATE: _moments(_DATES, date.fromisoformat, "date"),
    ColumnKind.DATETIME: _moments(_DATETIMES, datetime.fromisoformat, "time"),
}
