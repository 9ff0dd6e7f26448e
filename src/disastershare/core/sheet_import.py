"""Plan a spreadsheet import: which records to add, which to change, and which rows are wrong.

Planning is pure: the store applies an ImportPlan. Plans are generators so the UI can show progress
on 200,000-row files: they yield (rows_done, rows_total) and return the plan (see run_to_end).
Import never deletes: existing records absent from the file are left alone. Quantities are converted
to the catalog unit (core.units); the officer's decisions about problem rows arrive as ImportFixes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from disastershare.core.catalog import Catalog, ResourceKind, ResourceType
from disastershare.core.dates import parse_date
from disastershare.core.errors import ValidationError
from disastershare.core.gc_pause import paused_gc
from disastershare.core.import_fixes import ImportFixes
from disastershare.core.import_messages import Message
from disastershare.core.limits import MAX_TEXT_CHARS
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
from disastershare.core.sheet_reading import RawTable, SheetSet, find_header, read_table, read_tables
from disastershare.core.sheet_rows import PlanNote, RowError, RowProblem, SheetRow, SheetRows

__all__ = ["ImportPlan", "PlanNote", "RawTable", "RowProblem", "SheetSet", "parse_date", "plan_inventory_import",
           "plan_needs_import", "read_table", "read_tables", "run_to_end"]

PROGRESS_EVERY = 2000
Progress = Generator[tuple[int, int], None, "ImportPlan"]
T = TypeVar("T")
Tables = RawTable | SheetSet | Sequence[RawTable]


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


def _choice(table: dict, text: str, what: str):
    found = table.get(" ".join(unicodedata.normalize("NFKC", text).casefold().split()))
    if found is None:
        raise ValidationError(f"{what} '{text}' is not one of {', '.join(sorted(set(table)))}", what)
    return found


# ---- plan ------------------------------------------------------------------------------------


@dataclass
class ImportPlan:
    kind: str  # "inventory" or "needs"
    adds: list[Record]
    changes: list[tuple[Record, Record]]  # (existing, updated copy)
    unchanged: int
    problems: list[RowProblem]
    rows_read: int
    near_matches: dict[str, str] = field(default_factory=dict)  # name as written -> code it was read as
    notes: list[PlanNote] = field(default_factory=list)  # conversions, month-only dates, sheets read or not
    skipped_rows: list[tuple[str, int, str]] = field(default_factory=list)  # (sheet, line, why) left out
    learned: dict[str, str] = field(default_factory=dict)  # names the officer resolved: remember on apply
    new_types: list = field(default_factory=list)  # local types the officer created: store on apply

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        n = len(self.problems)
        text = (f"{len(self.adds)} to add, {len(self.changes)} to change, {self.unchanged} unchanged, "
                f"{n} problem{'' if n == 1 else 's'}")
        if self.skipped_rows:
            text += f", {len(self.skipped_rows)} skipped"
        return text


def run_to_end(gen: Generator[object, None, T]) -> T:
    """Drain a plan generator (no progress display) and return the plan."""
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


@dataclass
class _Group:
    record: InventoryItem | StaffPool | Need  # accumulated; meta is a placeholder until planned
    row: SheetRow  # first row, cited if the merged record is refused
    notes: list[str] = field(default_factory=list)


def _merge_note(group: _Group, note: str) -> None:
    if note and note not in group.notes:
        group.notes.append(note)
        group.record.note = " / ".join(group.notes)


def _without_gc(plan: Progress) -> Progress:
    """Run a plan with the cyclic collector paused until it ends or is closed (core.gc_pause).

    Paused throughout, not per step: re-enabling it every 2,000 rows let it rescan the growing heap."""
    with paused_gc():
        return (yield from plan)


def _check_item(item: InventoryItem, rtype: ResourceType) -> None:
    """validate_inventory_item for a row whose type and whole non-negative numbers are already known:
    the same rules and messages without two catalog look-ups per row (200,000-row sheets)."""
    if item.reserved > item.on_hand:
        raise ValidationError(f"reserved ({item.reserved}) cannot exceed quantity on hand ({item.on_hand})",
                              "reserved")
    if rtype.kind is ResourceKind.STAFF:
        raise ValidationError(f"{rtype.code} is a staff type; an inventory item needs a equipment/supply type",
                              "resource")
    if item.expiry is not None and rtype.kind is not ResourceKind.SUPPLY:
        raise ValidationError("only supplies have an expiry date", "expiry")


def _as_sheets(tables: Tables) -> SheetSet:
    if isinstance(tables, SheetSet):
        return tables
    if isinstance(tables, RawTable):
        return SheetSet([tables])
    return SheetSet(list(tables))


def _sheets(state: SheetRows, sheets: SheetSet) -> Generator[int, None, None]:
    """Start each table in turn (yielding its data row count); sheet names become locations if needed."""
    # A workbook of several warehouse sheets: each sheet is a place (also when only some are chosen).
    several = len(sheets.tables) + sum(1 for s in sheets.skipped if s.reason == "not_chosen") > 1
    for table in sheets.tables:
        header = find_header(table)
        own_location = several and table.sheet and "location" not in header.columns
        state.start(table, header, table.sheet if own_location else "")
        rows = len(table.rows) - header.index - 1
        if table.sheet:
            state.notes[("sheet", table.sheet)] = PlanNote(Message("sheet_read", {"sheet": table.sheet,
                                                                                  "rows": rows}), 0, table.sheet)
        if own_location:
            state.notes[("sheet_location", table.sheet)] = PlanNote(
                Message("sheet_location", {"sheet": table.sheet}), 0, table.sheet)
        yield rows
    for skipped in sheets.skipped:
        state.notes[("skipped", skipped.sheet)] = PlanNote(Message(f"sheet_{skipped.reason}",
                                                                   {"sheet": skipped.sheet}), 0, skipped.sheet)


def _typed_rows(state: SheetRows, sheets: SheetSet) -> Iterator[tuple[SheetRow, str, ResourceType] | int]:
    """Every data row of every sheet with its unit and resource type, and every PROGRESS_EVERY rows the
    count read so far (an int, for the progress bar). Rows whose unit or name is a problem are reported
    and left out; state.rows_read ends as the number of data rows read."""
    done = 0
    for _rows in _sheets(state, sheets):
        for row in state.rows():
            done += 1
            if done % PROGRESS_EVERY == 0:
                yield done
            try:
                unit = state.written_unit(row)
            except RowError as exc:
                state.problem(row, exc.msg, **exc.fields)
                continue
            rtype = state.resolve(row, unit)
            if rtype is not None:
                yield row, unit, rtype
    state.rows_read = done


def _total_rows(sheets: SheetSet) -> int:
    return sum(len(t.rows) - find_header(t).index - 1 for t in sheets.tables)


def plan_inventory_import(
    tables: Tables, catalog: Catalog, existing: Sequence[InventoryItem | StaffPool], owner: str,
    fixes: ImportFixes | None = None, learned: Mapping[str, str] | None = None,
) -> Progress:
    """Plan inventory items and staff pools. A missing header raises DomainError at once.

    catalog: what the owner's sheets may name (shared and own local types, see Catalog.owned_by);
    learned: names remembered by the workspace; fixes: the officer's decisions about problem rows.
    """
    sheets = _as_sheets(tables)
    for table in sheets.tables:
        find_header(table)  # refuse a headerless file before the first yield
    fixes = fixes or ImportFixes()
    state = SheetRows(catalog.with_types(fixes.new_types), fixes, learned or {})
    return _without_gc(_plan_inventory(state, sheets, existing, owner))


def _plan_inventory(state: SheetRows, sheets: SheetSet, existing: Sequence[InventoryItem | StaffPool],
                    owner: str) -> Progress:
    placeholder = RecordMeta(owner=owner, id="")
    groups: dict[tuple, _Group] = {}
    total = _total_rows(sheets)
    for item in _typed_rows(state, sheets):
        if isinstance(item, int):
            yield item, total
            continue
        row, unit, rtype = item
        name = row.names[0]
        try:
            amount = state.amount(row, name, rtype, unit)
            reserved = state.amount(row, name, rtype, unit, "reserved", default=0)
            expiry = state.optional_date(row, "expiry")
            location, note = state.location(row), state.text(row, "note")
            record: InventoryItem | StaffPool
            if rtype.kind is ResourceKind.STAFF:
                if reserved:
                    raise ValidationError("staff rows have no reserved count", "reserved")
                if expiry is not None:
                    raise ValidationError("staff rows have no expiry date", "expiry")
                record = StaffPool(placeholder, rtype.code, amount, contact_section=location, note=note)
                validate_staff_pool(record, state.catalog)
                key: tuple = (rtype.code,)
            else:
                condition = state.cached("condition", c, lambda t: _choice(_CONDITIONS, t, "condition")) \
                    if (c := state.cell(row, "condition")) else Condition.READY
                record = InventoryItem(placeholder, rtype.code, amount, reserved, location, condition, expiry,
                                       note)
                _check_item(record, rtype)
                key = (rtype.code, state.key_text(location), expiry)
        except RowError as exc:
            state.problem(row, exc.msg, **exc.fields)
            continue
        except ValidationError as exc:
            state.invalid(row, exc)
            continue
        group = groups.get(key)
        if group is None:
            groups[key] = _Group(record, row, [note] if note else [])
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
            index.setdefault((old.resource, state.key_text(old.location), old.expiry), old)
    has_location = (any("location" in find_header(t).columns for t in sheets.tables)
                    or any(key[0] == "sheet_location" for key in state.notes))
    has = {name: any(name in find_header(t).columns for t in sheets.tables)
           for name in ("note", "reserved", "condition")}

    def updated(old: InventoryItem | StaffPool, new: InventoryItem | StaffPool) -> InventoryItem | StaffPool:
        # Only fields the file has a column for are imported; the rest keep their stored values.
        changes: dict[str, object] = {"note": new.note} if has["note"] else {}
        if isinstance(new, StaffPool):
            changes["headcount"] = new.headcount
            if has_location:
                changes["contact_section"] = new.contact_section
        else:
            changes["on_hand"] = new.on_hand
            if has["reserved"]:
                changes["reserved"] = new.reserved
            if has["condition"]:
                changes["condition"] = new.condition
        return replace(old, meta=replace(old.meta), **changes)

    validators = {StaffPool: validate_staff_pool, InventoryItem: validate_inventory_item}
    plan = _settle(state, groups, index, owner, updated, validators, "inventory", state.rows_read)
    yield total, total
    return plan


def plan_needs_import(tables: Tables, catalog: Catalog, existing: Sequence[Need], owner: str,
                      fixes: ImportFixes | None = None, learned: Mapping[str, str] | None = None) -> Progress:
    """Plan needs, keyed by (resource, needed_by). A missing header raises DomainError at once."""
    sheets = _as_sheets(tables)
    for table in sheets.tables:
        find_header(table)
    fixes = fixes or ImportFixes()
    state = SheetRows(catalog.with_types(fixes.new_types), fixes, learned or {})
    return _without_gc(_plan_needs(state, sheets, existing, owner))


def _plan_needs(state: SheetRows, sheets: SheetSet, existing: Sequence[Need], owner: str) -> Progress:
    placeholder = RecordMeta(owner=owner, id="")
    groups: dict[tuple, _Group] = {}
    total = _total_rows(sheets)
    for item in _typed_rows(state, sheets):
        if isinstance(item, int):
            yield item, total
            continue
        row, unit, rtype = item
        try:
            amount = state.amount(row, row.names[0], rtype, unit)
            needed_by = state.optional_date(row, "needed_by")
            priority = state.cached("priority", p, lambda t: _choice(_PRIORITIES, t, "priority")) \
                if (p := state.cell(row, "priority")) else Priority.NORMAL
            note = state.text(row, "note")
            need = Need(placeholder, rtype.code, amount, needed_by, priority, note=note)
            validate_need(need, state.catalog)
        except RowError as exc:
            state.problem(row, exc.msg, **exc.fields)
            continue
        except ValidationError as exc:
            state.invalid(row, exc)
            continue
        key = (rtype.code, needed_by)
        group = groups.get(key)
        if group is None:
            groups[key] = _Group(need, row, [note] if note else [])
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
    has = {name: any(name in find_header(t).columns for t in sheets.tables) for name in ("note", "priority")}

    def updated(old: Need, new: Need) -> Need:
        changes: dict[str, object] = {"quantity": new.quantity}
        if has["priority"]:
            changes["priority"] = new.priority
        if has["note"]:
            changes["note"] = new.note
        return replace(old, meta=replace(old.meta), **changes)

    plan = _settle(state, groups, index, owner, updated, {Need: validate_need}, "needs", state.rows_read)
    yield total, total
    return plan


def _settle(state: SheetRows, groups: dict[tuple, _Group], index: dict, owner: str,
            updated: Callable, validators: dict[type, Callable], kind: str, rows_read: int) -> ImportPlan:
    """Turn merged groups into adds / changes / unchanged against the existing records."""
    plan = ImportPlan(kind, [], [], 0, [], rows_read)
    for key, group in groups.items():
        if len(group.record.note) > MAX_TEXT_CHARS:  # partners refuse longer text: never let it in
            state.problem(group.row, Message("merged_too_long", {"limit": MAX_TEXT_CHARS}), field="note")
            continue
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
            validators[type(candidate)](candidate, state.catalog)
        except ValidationError as exc:  # e.g. stored reserved count now exceeds the imported stock
            state.problem(group.row, Message("invalid", {"reason": f"{exc} (after merging with the stored record)"}))
            continue
        plan.changes.append((old, candidate))
    plan.problems = sorted(state.problems, key=lambda p: (p.sheet, p.line))
    plan.near_matches = state.near
    plan.notes = list(state.notes.values())
    plan.skipped_rows = state.skipped
    plan.learned = dict(state.fixes.names)
    plan.new_types = list(state.fixes.new_types)
    return plan



