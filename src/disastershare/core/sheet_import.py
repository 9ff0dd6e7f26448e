"""Plan a spreadsheet import: which records to add, which to change, and which rows are wrong.

Planning is pure: the store applies an ImportPlan. Plans are generators so the UI can show progress
on 200,000-row files: they yield (rows_done, rows_total) and return the plan (see run_to_end).
Import never deletes: existing records absent from the file are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from disastershare.core.catalog import Catalog, ResourceKind, ResourceType
from disastershare.core.errors import ValidationError
from disastershare.core.name_matching import CatalogMatcher
from disastershare.core.quantities import parse_quantity
from disastershare.core.records import (
    Condition,
    InventoryItem,
    Need,
    NeedStatus,
    Priority,
    Record,
    RecordMeta,
    StaffPool,
    validate_inventory_item,
    validate_need,
    validate_staff_pool,
)
from disastershare.core.sheet_reading import Header, RawTable, find_header, read_table

__all__ = ["ImportPlan", "RawTable", "RowProblem", "parse_date", "plan_inventory_import",
           "plan_needs_import", "read_table", "run_to_end"]

PROGRESS_EVERY = 2000
Progress = Generator[tuple[int, int], None, "ImportPlan"]
T = TypeVar("T")

# ---- cell values -----------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_KANJI = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?")
_ERA = re.compile(r"(令和|平成|r|h)(\d{1,2}|元)[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?")
_ERA_START = {"令和": 2018, "r": 2018, "平成": 1988, "h": 1988}  # year n of the era = start + n


def parse_date(text: str) -> date:
    """2026-12-31, 2026/12/31, 2026年12月31日, 令和8年12月31日, R8.12.31 (full-width digits too)."""
    norm = "".join(unicodedata.normalize("NFKC", text).casefold().split())
    m = _ISO.fullmatch(norm) or _KANJI.fullmatch(norm)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = _ERA.fullmatch(norm)
        if m:
            year = 1 if m[2] == "元" else int(m[2])
            return date(_ERA_START[m[1]] + year, int(m[3]), int(m[4]))
    except ValueError as exc:
        raise ValidationError(f"'{text}' is not a valid date", "date") from exc
    raise ValidationError(f"'{text}' is not a date (use e.g. 2026-12-31 or 令和8年12月31日)", "date")


def _lookup_table(table: dict[Priority | Condition, tuple[str, ...]]) -> dict[str, Priority | Condition]:
    return {unicodedata.normalize("NFKC", w).casefold(): value for value, words in table.items() for w in words}


_PRIORITIES = _lookup_table({
    Priority.HIGH: ("高", "high", "緊急", "urgent", "至急"),
    Priority.NORMAL: ("中", "normal", "medium", "普通", "通常"),
    Priority.LOW: ("低", "low"),
})
_CONDITIONS = _lookup_table({
    Condition.READY: ("ready", "良好", "正常", "使用可", "使用可能", "可", "ok"),
    Condition.NEEDS_CHECK: ("needs_check", "needs check", "要点検", "要確認", "点検中"),
    Condition.DAMAGED: ("damaged", "破損", "故障", "使用不可", "不可"),
})
_CONDITION_RANK = {Condition.READY: 0, Condition.NEEDS_CHECK: 1, Condition.DAMAGED: 2}
_PRIORITY_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2}
_TOTAL_ROWS = {"合計", "小計", "総計", "計", "total", "subtotal"}  # totals rows are not resources


def _choice(table: dict, text: str, what: str):
    found = table.get(" ".join(unicodedata.normalize("NFKC", text).casefold().split()))
    if found is None:
        raise ValidationError(f"{what} '{text}' is not one of {', '.join(sorted(set(table)))}", what)
    return found


# ---- plan ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str
    suggestion: str | None = None  # e.g. "S-BLANKET 毛布"


@dataclass
class ImportPlan:
    kind: str  # "inventory" or "needs"
    adds: list[Record]
    changes: list[tuple[Record, Record]]  # (existing, updated copy)
    unchanged: int
    problems: list[RowProblem]
    rows_read: int
    near_matches: dict[str, str] = field(default_factory=dict)  # name as written -> code it was read as

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        n = len(self.problems)
        return (f"{len(self.adds)} to add, {len(self.changes)} to change, {self.unchanged} unchanged, "
                f"{n} problem{'' if n == 1 else 's'}")


def run_to_end(gen: Generator[object, None, T]) -> T:
    """Drain a plan generator (no progress display) and return the plan."""
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


@dataclass(frozen=True)
class _Refused:
    message: str
    field: str | None


class _Rows:
    """Per-import state: cell access by field, cached parsing, the problem list."""

    def __init__(self, table: RawTable, header: Header, catalog: Catalog) -> None:
        self.table, self.header, self.catalog = table, header, catalog
        self.matcher = CatalogMatcher(catalog)
        self.problems: list[RowProblem] = []
        self.near: dict[str, str] = {}
        self._caches: dict[str, dict[str, object]] = {}

    def has(self, name: str) -> bool:
        return name in self.header.columns

    def cell(self, row: list[str], name: str) -> str:
        col = self.header.columns.get(name)
        return row[col] if col is not None and col < len(row) else ""

    def parse(self, kind: str, text: str, parser: Callable[[str], object]):
        """parser(text), cached per distinct text; raises ValidationError (also cached)."""
        cache = self._caches.setdefault(kind, {})
        if text not in cache:
            try:
                cache[text] = parser(text)
            except ValidationError as exc:
                cache[text] = _Refused(str(exc), exc.field)
        value = cache[text]
        if isinstance(value, _Refused):
            # A fresh exception each time: re-raising one instance would keep growing its traceback.
            raise ValidationError(value.message, value.field)
        return value

    def data(self) -> Generator[tuple[int, list[str], ResourceType | None], None, None]:
        """(line, row, resource type) for each data row; unmatched names become problems."""
        header_row = self.table.rows[self.header.index]
        for index in range(self.header.index + 1, len(self.table.rows)):
            row, line = self.table.rows[index], self.table.line_numbers[index]
            if row == header_row:
                continue  # header repeated on each printed page
            names = [row[c] for c in self.header.name_columns if c < len(row) and row[c]]
            if not names:
                if self.cell(row, "quantity"):
                    self.problems.append(RowProblem(line, "quantity given without a resource name"))
                continue
            if names[0].startswith("※") or names[0].casefold() in _TOTAL_ROWS:
                continue  # footnote or totals row
            yield line, row, self._resolve(line, names)

    def _resolve(self, line: int, names: list[str]) -> ResourceType | None:
        for text in names:
            hit = self.matcher.match(text)
            if hit is not None:
                if not hit.exact:
                    self.near[text] = hit.code
                return self.catalog.get(hit.code)
        result = self.matcher.lookup(names[0])
        hint = self.matcher.describe(result.suggestion.code) if result.suggestion else None
        if result.ambiguous:
            message = f"'{names[0]}' matches several resource types ({', '.join(result.ambiguous)}); use the code"
        else:
            message = f"unknown resource '{names[0]}'"
        self.problems.append(RowProblem(line, message, hint))
        return None

    def quantity(self, row: list[str], name: str, default: int | None = None) -> int:
        text = self.cell(row, name)
        if not text and default is not None:
            return default
        try:
            return self.parse("quantity", text, parse_quantity)
        except ValidationError as exc:
            if name == "quantity":
                raise
            raise ValidationError(str(exc).replace("quantity", f"{name} quantity", 1), name) from None

    def optional_date(self, row: list[str], name: str) -> date | None:
        text = self.cell(row, name)
        return self.parse("date", text, parse_date) if text else None

    def key_text(self, text: str) -> str:
        # Locations compare loosely ("第１倉庫" == "第1倉庫") but keep their written form.
        return self.parse("key", text, lambda t: " ".join(unicodedata.normalize("NFKC", t).casefold().split()))

    def finish(self, plan: ImportPlan) -> ImportPlan:
        plan.problems = sorted(self.problems, key=lambda p: p.line)
        plan.near_matches = self.near
        return plan


@dataclass
class _Group:
    record: InventoryItem | StaffPool | Need  # accumulated; meta is a placeholder until planned
    line: int  # first line, cited if the merged record is refused
    notes: list[str] = field(default_factory=list)


def _merge_note(group: _Group, note: str) -> None:
    if note and note not in group.notes:
        group.notes.append(note)
        group.record.note = " / ".join(group.notes)


def plan_inventory_import(
    table: RawTable, catalog: Catalog, existing: Sequence[InventoryItem | StaffPool], owner: str
) -> Progress:
    """Plan inventory items and staff pools. A missing header raises DomainError at once."""
    rows = _Rows(table, find_header(table), catalog)
    return _plan_inventory(rows, existing, owner)


def _plan_inventory(rows: _Rows, existing: Sequence[InventoryItem | StaffPool], owner: str) -> Progress:
    placeholder = RecordMeta(owner=owner, id="")
    groups: dict[tuple, _Group] = {}
    total, done = len(rows.table.rows) - rows.header.index - 1, 0
    # A unit column is deliberately never read: a unit differing from the catalog's (箱 vs 枚) is
    # common and harmless to the count, so it must not fail the row. Units inside quantity cells parse.
    for line, row, rtype in rows.data():
        done += 1
        if done % PROGRESS_EVERY == 0:
            yield done, total
        if rtype is None:
            continue
        try:
            amount = rows.quantity(row, "quantity")
            reserved = rows.quantity(row, "reserved", default=0)
            expiry = rows.optional_date(row, "expiry")
            location, note = rows.cell(row, "location"), rows.cell(row, "note")
            record: InventoryItem | StaffPool
            if rtype.kind is ResourceKind.STAFF:
                if reserved:
                    raise ValidationError("staff rows have no reserved count")
                if expiry is not None:
                    raise ValidationError("staff rows have no expiry date")
                record = StaffPool(placeholder, rtype.code, amount, contact_section=location, note=note)
                validate_staff_pool(record, rows.catalog)
                key: tuple = (rtype.code,)
            else:
                condition = rows.parse("condition", c, lambda t: _choice(_CONDITIONS, t, "condition")) \
                    if (c := rows.cell(row, "condition")) else Condition.READY
                record = InventoryItem(placeholder, rtype.code, amount, reserved, location, condition, expiry, note)
                validate_inventory_item(record, rows.catalog)
                key = (rtype.code, rows.key_text(location), expiry)
        except ValidationError as exc:
            rows.problems.append(RowProblem(line, str(exc)))
            continue
        group = groups.get(key)
        if group is None:
            groups[key] = _Group(record, line, [note] if note else [])
        elif isinstance(record, StaffPool):
            group.record.headcount += record.headcount
            _merge_note(group, note)
        else:
            acc = group.record
            acc.on_hand += record.on_hand
            acc.reserved += record.reserved
            if _CONDITION_RANK[record.condition] > _CONDITION_RANK[acc.condition]:
                acc.condition = record.condition  # never overstate readiness of a merged lot
            _merge_note(group, note)

    index: dict[tuple, InventoryItem | StaffPool] = {}
    for old in existing:
        if old.meta.deleted or old.meta.owner != owner:
            continue
        if isinstance(old, StaffPool):
            index.setdefault((old.resource,), old)
        else:
            index.setdefault((old.resource, rows.key_text(old.location), old.expiry), old)

    def updated(old: InventoryItem | StaffPool, new: InventoryItem | StaffPool) -> InventoryItem | StaffPool:
        # Only fields the file has a column for are imported; the rest keep their stored values.
        changes: dict[str, object] = {"note": new.note} if rows.has("note") else {}
        if isinstance(new, StaffPool):
            changes["headcount"] = new.headcount
            if rows.has("location"):
                changes["contact_section"] = new.contact_section
        else:
            changes["on_hand"] = new.on_hand
            if rows.has("reserved"):
                changes["reserved"] = new.reserved
            if rows.has("condition"):
                changes["condition"] = new.condition
        return replace(old, meta=replace(old.meta), **changes)

    validators = {StaffPool: validate_staff_pool, InventoryItem: validate_inventory_item}
    plan = _settle(rows, groups, index, owner, updated, validators, "inventory", done)
    yield total, total
    return plan


def plan_needs_import(table: RawTable, catalog: Catalog, existing: Sequence[Need], owner: str) -> Progress:
    """Plan needs, keyed by (resource, needed_by). A missing header raises DomainError at once."""
    rows = _Rows(table, find_header(table), catalog)
    return _plan_needs(rows, existing, owner)


def _plan_needs(rows: _Rows, existing: Sequence[Need], owner: str) -> Progress:
    placeholder = RecordMeta(owner=owner, id="")
    groups: dict[tuple, _Group] = {}
    total, done = len(rows.table.rows) - rows.header.index - 1, 0
    for line, row, rtype in rows.data():
        done += 1
        if done % PROGRESS_EVERY == 0:
            yield done, total
        if rtype is None:
            continue
        try:
            amount = rows.quantity(row, "quantity")
            needed_by = rows.optional_date(row, "needed_by")
            priority = rows.parse("priority", p, lambda t: _choice(_PRIORITIES, t, "priority")) \
                if (p := rows.cell(row, "priority")) else Priority.NORMAL
            note = rows.cell(row, "note")
            need = Need(placeholder, rtype.code, amount, needed_by, priority, note=note)
            validate_need(need, rows.catalog)
        except ValidationError as exc:
            rows.problems.append(RowProblem(line, str(exc)))
            continue
        key = (rtype.code, needed_by)
        group = groups.get(key)
        if group is None:
            groups[key] = _Group(need, line, [note] if note else [])
        else:
            group.record.quantity += need.quantity
            if _PRIORITY_RANK[need.priority] > _PRIORITY_RANK[group.record.priority]:
                group.record.priority = need.priority
            _merge_note(group, note)

    # Met or cancelled needs are history: a same-key row is a new need, not a reopening.
    index: dict[tuple, Need] = {}
    for old in existing:
        if not old.meta.deleted and old.meta.owner == owner and old.status in (NeedStatus.OPEN,
                                                                                 NeedStatus.PARTLY_MET):
            index.setdefault((old.resource, old.needed_by), old)

    def updated(old: Need, new: Need) -> Need:
        changes: dict[str, object] = {"quantity": new.quantity}
        if rows.has("priority"):
            changes["priority"] = new.priority
        if rows.has("note"):
            changes["note"] = new.note
        return replace(old, meta=replace(old.meta), **changes)

    plan = _settle(rows, groups, index, owner, updated, {Need: validate_need}, "needs", done)
    yield total, total
    return plan


def _settle(rows: _Rows, groups: dict[tuple, _Group], index: dict, owner: str,
            updated: Callable, validators: dict[type, Callable], kind: str, rows_read: int) -> ImportPlan:
    """Turn merged groups into adds / changes / unchanged against the existing records."""
    plan = ImportPlan(kind, [], [], 0, [], rows_read)
    for key, group in groups.items():
        new, old = group.record, index.get(key)
        if old is None:
            new.meta = RecordMeta(owner=owner)
            plan.adds.append(new)
            continue
        candidate = updated(old, new)
        if candidate == old:
            plan.unchanged += 1
            continue
        try:
            validators[type(candidate)](candidate, rows.catalog)
        except ValidationError as exc:  # e.g. stored reserved count now exceeds the imported stock
            rows.problems.append(RowProblem(group.line, f"{exc} (after merging with the stored record)"))
            continue
        plan.changes.append((old, candidate))
    return rows.finish(plan)
