"""Reading one sheet's data rows for a plan: cells by field, names to types, quantities to catalog units.

Everything here is cached per distinct text (a 200,000-row sheet repeats a few dozen names, units and
dates), so the cost per row is a handful of dictionary look-ups.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from datetime import date

from disastershare.core.catalog import Catalog, ResourceType
from disastershare.core.dates import parse_sheet_date
from disastershare.core.errors import ValidationError
from disastershare.core.import_fixes import ImportFixes
from disastershare.core.import_messages import Message
from disastershare.core.limits import MAX_TEXT_CHARS
from disastershare.core.name_matching import CatalogMatcher, NameMatch
from disastershare.core.quantities import parse_amount, parse_quantity
from disastershare.core.sheet_reading import Header, RawTable
from disastershare.core.units import Conversion, PackInfo, UnitConversionError, convert, pack_info, unit_key

TOTAL_ROWS = {"合計", "小計", "総計", "計", "total", "subtotal"}  # totals rows are not resources


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be imported as it stands, and what would fix it."""

    line: int
    message: str  # English, for logs and the CLI
    suggestion: str | None = None  # e.g. "S-BLANKET 毛布"
    code: str = "invalid"  # import_messages code: decides which fix the window offers
    sheet: str = ""
    name: str = ""  # the item name as the sheet wrote it
    unit: str = ""
    field: str | None = None  # the cell to correct (quantity, expiry, ...)
    value: str = ""  # that cell's text
    candidates: tuple[str, ...] = ()  # codes to choose from, best first
    msg: Message | None = None

    def text(self, language: str = "en") -> str:
        return self.msg.text(language) if self.msg else self.message


@dataclass
class PlanNote:
    """Something the plan did that the officer should know (a conversion, a month read as its last day)."""

    msg: Message
    rows: int = 1
    sheet: str = ""
    line: int | None = None  # the first row it applies to

    def text(self, language: str = "en") -> str:
        return self.msg.text(language)


class RowError(Exception):
    """A row problem found while reading a cell (carries its RowProblem fields)."""

    def __init__(self, msg: Message, **fields: object) -> None:
        super().__init__(msg.text())
        self.msg, self.fields = msg, fields


@dataclass(frozen=True, slots=True)
class _Refused:
    message: str
    field: str | None


@dataclass
class SheetRow:
    sheet: str
    line: int
    cells: list[str]
    names: list[str] = field(default_factory=list)


class SheetRows:
    """Per-import state shared by every sheet: matcher, caches, problems, notes."""

    def __init__(self, catalog: Catalog, fixes: ImportFixes, learned: Mapping[str, str]) -> None:
        self.catalog, self.fixes = catalog, fixes
        self.matcher = CatalogMatcher(catalog, {**learned, **fixes.names})
        self.problems: list[RowProblem] = []
        self.notes: dict[tuple, PlanNote] = {}
        self.skipped: list[tuple[str, int, str]] = []
        self.near: dict[str, str] = {}
        self._caches: dict[str, dict] = {}
        self._amounts: dict[str, tuple[int, str]] = self._caches.setdefault("amount", {})  # the hot cache
        self.table: RawTable | None = None
        self.header: Header | None = None
        self.sheet_location = ""  # used as location when the sheet has no location column
        self.rows_read = 0
        self._resolved: dict[tuple, tuple[ResourceType, tuple | None]] = {}
        self._last_note: tuple | None = None
        self._columns: dict[str, int] = {}
        self._fixed_cells = fixes.cells

    # -- sheets ---------------------------------------------------------------------------------------
    def start(self, table: RawTable, header: Header, sheet_location: str = "") -> None:
        self.table, self.header, self.sheet_location = table, header, sheet_location
        self._columns = header.columns
        self._fixed_cells = self.fixes.cells

    def has(self, name: str) -> bool:
        return self.header is not None and name in self.header.columns

    def cell(self, row: SheetRow, name: str) -> str:
        if self._fixed_cells:
            fixed = self._fixed_cells.get((row.sheet, row.line, name))
            if fixed is not None:
                return fixed
        col = self._columns.get(name)
        if col is None:
            return ""
        cells = row.cells
        return cells[col] if col < len(cells) else ""

    def rows(self) -> Generator[SheetRow, None, None]:
        """Data rows with a name; footnotes, totals, repeated headers and skipped rows left out."""
        table, header = self.table, self.header
        header_row = table.rows[header.index]
        skipped = self.fixes.skipped
        for index in range(header.index + 1, len(table.rows)):
            cells, line = table.rows[index], table.line_numbers[index]
            if cells == header_row:
                continue  # header repeated on each printed page
            row = SheetRow(table.sheet, line, cells)
            if skipped and (table.sheet, line) in skipped:
                self.skipped.append((table.sheet, line, skipped[(table.sheet, line)]))
                continue
            row.names = [cells[c] for c in header.name_columns if c < len(cells) and cells[c]]
            if not row.names:
                if self.cell(row, "quantity"):
                    self.problem(row, Message("no_name"), field="name")
                continue
            if row.names[0].startswith("※") or row.names[0].casefold() in TOTAL_ROWS:
                continue  # footnote or totals row
            yield row

    # -- problems and notes ---------------------------------------------------------------------------
    def problem(self, row: SheetRow, msg: Message, **fields: object) -> None:
        name = fields.pop("name", row.names[0] if row.names else "")
        self.problems.append(RowProblem(row.line, msg.text(), sheet=row.sheet, name=str(name), code=msg.code,
                                        msg=msg, **fields))

    def invalid(self, row: SheetRow, exc: ValidationError) -> None:
        self.problem(row, Message("invalid", {"reason": str(exc)}), field=exc.field)

    def note(self, key: tuple, msg: Message, row: SheetRow) -> None:
        found = self.notes.get(key)
        if found is None:
            self.notes[key] = PlanNote(msg, 1, row.sheet, row.line)
        else:
            found.rows += 1

    # -- names ----------------------------------------------------------------------------------------
    def resolve(self, row: SheetRow, unit: str) -> ResourceType | None:
        key = (*row.names, unit)
        found = self._resolved.get(key)
        if found is not None:
            if found[1] is not None:
                self.note(*found[1], row)
            return found[0]
        rtype = self._resolve(row, unit)
        if rtype is not None:  # problems are reported per row; only successes are remembered
            self._resolved[key] = (rtype, self._last_note)
        return rtype

    def _resolve(self, row: SheetRow, unit: str) -> ResourceType | None:
        self._last_note = None
        for text in row.names:
            hit = self.matcher.match(text, unit)
            if hit is not None:
                self._note_match(row, text, hit)
                return self.catalog.get(hit.code)
        name = row.names[0]
        result = self.matcher.lookup(name, unit)
        hint = self.matcher.describe(result.suggestion.code) if result.suggestion else None
        candidates = tuple(s.code for s in result.suggestions)
        if result.ambiguous:
            names = "、".join(t.name_ja for t in map(self.catalog.get, result.ambiguous) if t is not None)
            msg = Message("ambiguous_name", {"name": name, "codes": ", ".join(result.ambiguous), "names": names})
            candidates = result.ambiguous
        else:
            msg = Message("unknown_name", {"name": name})
        self.problems.append(RowProblem(row.line, msg.text(), hint, msg.code, row.sheet, name, unit, "name", name,
                                        candidates, msg))
        return None

    def _note_match(self, row: SheetRow, text: str, hit: NameMatch) -> None:
        if hit.exact and not hit.learned:
            return
        rtype = self.catalog.get(hit.code)
        params = {"name": text, "code": hit.code, "type_name": rtype.name_ja if rtype else hit.code}
        if hit.learned:
            code = "chosen_name" if text in self.fixes.names else "learned_name"
            self._last_note = ((code, text), Message(code, params))
        else:
            self.near[text] = hit.code
            self._last_note = (("near", text), Message("near_match", params))
        self.note(*self._last_note, row)

    # -- cells ----------------------------------------------------------------------------------------
    def cached(self, kind: str, text: str, parser: Callable[[str], object]):
        """parser(text), cached per distinct text; a ValidationError is cached and raised afresh each time."""
        cache = self._caches.setdefault(kind, {})
        if text not in cache:
            try:
                cache[text] = parser(text)
            except ValidationError as exc:
                cache[text] = _Refused(str(exc), exc.field)
        value = cache[text]
        if isinstance(value, _Refused):
            raise ValidationError(value.message, value.field)
        return value

    def written_unit(self, row: SheetRow) -> str:
        """The unit the row counts in: in the quantity cell ('3ケース') or the unit column; '' if neither."""
        text = self.cell(row, "quantity")
        try:
            cell_unit = self.cached("amount", text, parse_amount)[1] if text else ""
        except ValidationError:
            cell_unit = ""  # the quantity itself is reported by amount()
        column_unit = self.cell(row, "unit")
        if cell_unit and column_unit and unit_key(cell_unit) != unit_key(column_unit):
            raise RowError(Message("unit_conflict", {"cell_unit": cell_unit, "column_unit": column_unit}),
                           field="quantity", value=text)
        return cell_unit or column_unit

    def converted(self, row: SheetRow, rtype: ResourceType, unit: str, name: str) -> Conversion:
        pack_text = self.cell(row, "pack_size")
        key = (rtype.code, name, unit, pack_text)
        cache = self._caches.setdefault("conversion", {})
        found = cache.get(key)
        if found is None:
            found = cache[key] = self._convert(rtype, unit, name, pack_text)
        if isinstance(found, RowError):
            raise RowError(found.msg, **found.fields)
        return found

    def _convert(self, rtype: ResourceType, unit: str, name: str, pack_text: str) -> Conversion | RowError:
        info = pack_info(name)
        if pack_text:
            try:
                per_pack = parse_quantity(pack_text)
            except ValidationError:
                return RowError(Message("invalid", {"reason": f"pack size '{pack_text}' is not a whole number"}),
                                field="pack_size", value=pack_text, unit=unit)
            if per_pack:
                info = PackInfo(info.piece_size, info.piece_dimension, info.piece_measure_text, per_pack,
                                info.piece_unit)
        try:
            return convert(unit, rtype.unit, rtype.alternatives, info, self.fixes.pack_size(name, unit))
        except UnitConversionError as exc:
            code = "pack_size" if exc.kind == "pack_size" else "incompatible_unit"
            return RowError(Message(code, {"name": name, "unit": unit, "base": rtype.unit}), field="unit",
                            value=unit, unit=unit, candidates=(rtype.code,))

    def amount(self, row: SheetRow, name: str, rtype: ResourceType, unit: str, field_name: str = "quantity",
               default: int | None = None) -> int:
        """The cell's quantity in the catalog unit (whole numbers only), noting any conversion."""
        text = self.cell(row, field_name)
        if not text and default is not None:
            return default
        try:
            found = self._amounts.get(text)
            written = found[0] if type(found) is tuple else self.cached("amount", text, parse_amount)[0]
        except ValidationError as exc:
            message = str(exc)
            if field_name != "quantity":
                message = message.replace("quantity", f"{field_name} quantity", 1)
            raise RowError(Message("invalid", {"reason": message}), field=field_name, value=text) from None
        conversion = self.converted(row, rtype, unit, name)
        if conversion.factor == 1 and unit_key(unit) in ("", unit_key(rtype.unit)):
            return written
        total = written * conversion.factor
        explain = conversion.explain(written, unit, rtype.unit)
        if total.denominator != 1:
            raise RowError(Message("not_whole", {"explain": explain, "base": rtype.unit}), field=field_name,
                           value=text, unit=unit)
        if field_name == "quantity" and explain:
            self.note(("converted", rtype.code, name, unit, conversion.factor),
                      Message("converted", {"name": name, "explain": explain}), row)
        return int(total)

    def optional_date(self, row: SheetRow, field_name: str) -> date | None:
        text = self.cell(row, field_name)
        if not text:
            return None
        try:
            parsed = self.cached("date", text, parse_sheet_date)
        except ValidationError as exc:
            raise RowError(Message("invalid", {"reason": f"{field_name}: {exc}"}), field=field_name,
                           value=text) from None
        if parsed.month_only:
            self.note(("month", text), Message("month_only", {"text": text, "day": parsed.day.isoformat()}), row)
        return parsed.day

    def text(self, row: SheetRow, field_name: str) -> str:
        value = self.cell(row, field_name)
        if len(value) > MAX_TEXT_CHARS:
            raise RowError(Message("text_too_long", {"field": field_name, "limit": MAX_TEXT_CHARS}),
                           field=field_name, value=value[:80])
        return value

    def location(self, row: SheetRow) -> str:
        return self.text(row, "location") if self.has("location") else self.sheet_location

    def key_text(self, text: str) -> str:
        # Locations compare loosely ("第１倉庫" == "第1倉庫") but keep their written form.
        return self.cached("key", text, lambda t: " ".join(unicodedata.normalize("NFKC", t).casefold().split()))
