"""Read a CSV/TSV or .xlsx file into rows of strings, and find its header row.

Files come from many municipal systems: Excel's CSV in cp932, UTF-8 with or without BOM, tab- or
semicolon-separated exports, workbooks with a title row above the table. Anything that is not a
table is refused with a one-line reason naming the file, before any row is looked at.
"""

from __future__ import annotations

import csv
import io
import re
import stat
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.core.file_names import display_name

_PDF = b"%PDF"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .xls, or a password-protected .xlsx
_DELIMITERS = (",", "\t", ";")  # order breaks ties: comma is by far the most common
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HEADER_SCAN_ROWS = 30
# Caps checked before and while reading, so a small crafted file cannot take hours or gigabytes.
MAX_FILE_BYTES = 200 * 2**20
MAX_XLSX_MEMBER_BYTES = 256 * 2**20  # one decompressed part (a sheet's XML)
MAX_SHARED_STRINGS_BYTES = 64 * 2**20  # openpyxl keeps every shared string in memory
MAX_XLSX_TOTAL_BYTES = 512 * 2**20
MAX_XLSX_RATIO = 100  # spreadsheet XML compresses 5-20x; far more is padding or a bomb
MAX_XLSX_MEMBERS = 10_000
MAX_SHEET_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 256  # a stock list has a dozen columns


@dataclass
class RawTable:
    rows: list[list[str]]  # non-blank rows only, cells stripped
    line_numbers: list[int]  # 1-based file line / sheet row of each row, for error messages
    source: str
    sheet: str = ""  # the worksheet's name ("" for CSV)


@dataclass(frozen=True, slots=True)
class SkippedSheet:
    sheet: str
    reason: str  # "hidden" | "no_header" | "not_chosen"


@dataclass
class SheetSet:
    """The tables of a file that will be read, and the sheets that will not (named in the plan)."""

    tables: list[RawTable]
    skipped: list[SkippedSheet] = field(default_factory=list)


def read_table(path: Path) -> RawTable:
    """Read a CSV/TSV/semicolon file or an .xlsx workbook's first visible sheet with a header."""
    return read_tables(path).tables[0]


def read_tables(path: Path, sheets: list[str] | None = None) -> SheetSet:
    """Every table of a file: a CSV is one; a workbook gives each visible sheet that has a recognisable
    header (or only the sheets named in `sheets`). Raises DomainError if none can be read."""
    path = Path(path)
    name = display_name(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DomainError(f"{name}: file not found") from None
    except OSError as exc:
        raise DomainError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise DomainError(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO would hang, /dev/zero never ends
        raise DomainError(f"{name}: is not a regular file (a device or pipe); choose a spreadsheet file")
    if info.st_size > MAX_FILE_BYTES:
        raise DomainError(f"{name}: is {info.st_size / 2**20:,.0f} MB; a stock list is far smaller "
                          f"(at most {MAX_FILE_BYTES // 2**20} MB)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DomainError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise DomainError(f"{name}: the file is empty")
    if raw.startswith(_PDF):
        raise DomainError(f"{name}: is a PDF document, not a spreadsheet; export the table as .xlsx or CSV")
    if raw.startswith(_OLE):
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raise DomainError(f"{name}: is password-protected or an old .xls workbook; "
                              "remove the password or save it as .xlsx or CSV")
        raise DomainError(f"{name}: is an old-format Excel (.xls) workbook; save it as .xlsx or CSV")
    if raw.startswith(_ZIP):
        return _read_xlsx(raw, name, sheets)
    if sheets:
        raise DomainError(f"{name}: is not a workbook; --sheet applies to .xlsx files only")
    table = _read_delimited(_decode(raw, name), name)
    if not table.rows:
        raise DomainError(f"{name}: the file is empty")
    return SheetSet([table])


def _decode(raw: bytes, name: str) -> str:
    # Excel's "Unicode text" export is UTF-16 with a BOM: cheap to accept, so do.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DomainError(f"{name}: is not valid UTF-16 text") from exc
    if b"\x00" in raw:
        raise DomainError(f"{name}: is a binary file, not a CSV or .xlsx spreadsheet")
    # cp932, not shift_jis: Windows-made files use ①, ㈱, 髙 and other NEC/IBM extensions.
    encodings = ("utf-8-sig",) if raw.startswith(b"\xef\xbb\xbf") else ("utf-8", "cp932")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            if encoding == "utf-8" and _has_utf8_lines(raw):
                # Shift_JIS would read the UTF-8 lines as mojibake: refuse rather than guess.
                raise DomainError(f"{name}: mixes UTF-8 and Shift_JIS (cp932) text; save it again in one "
                                  "encoding (in Excel: CSV UTF-8)") from None
            continue
    else:
        raise DomainError(f"{name}: is neither UTF-8 nor Shift_JIS (cp932) text; is it a spreadsheet?")
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise DomainError(f"{name}: is a binary file, not a CSV or .xlsx spreadsheet")
    return text


def _has_utf8_lines(raw: bytes) -> bool:
    """Whether some lines of a file that is not valid UTF-8 are nevertheless UTF-8 Japanese text.

    A cp932 line with three or more non-ASCII characters is almost never valid UTF-8 by chance."""
    for line in raw.splitlines()[:100_000]:
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if sum(1 for ch in text if ord(ch) > 0x7F) >= 3:
            return True
    return False


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of one consistent width (> 1)."""
    sample = "\n".join(text[:200_000].splitlines()[:60])
    best, best_score = ",", (0, 0)
    for delim in _DELIMITERS:
        try:
            widths = Counter(len(r) for r in csv.reader(io.StringIO(sample), delimiter=delim) if any(r))
        except csv.Error:  # e.g. a cell past the csv module's field limit: not this delimiter's table
            continue
        widths.pop(1, None)
        widths.pop(0, None)
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda wc: (wc[1], wc[0]))
        if (count, width) > best_score:
            best, best_score = delim, (count, width)
    return best


def _read_delimited(text: str, name: str) -> RawTable:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[list[str]] = []
    lines: list[int] = []
    previous = 0
    try:
        for row in reader:
            start, previous = previous + 1, reader.line_num  # a quoted cell may span lines
            cells = [c.strip() for c in row]
            if any(cells):
                rows.append(cells)
                lines.append(start)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise DomainError(f"{name}: line {reader.line_num}: a cell is longer than "
                              f"{csv.field_size_limit():,} characters; this is not a stock list") from None
        raise DomainError(f"{name}: line {reader.line_num}: malformed CSV ({exc})") from exc
    return RawTable(rows, lines, name)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(raw: bytes, name: str, chosen: list[str] | None) -> SheetSet:
    names = _checked_xlsx_members(raw, name)
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and "content.xml" in names:
            raise DomainError(f"{name}: is an OpenDocument file; save it as .xlsx or CSV")
        raise DomainError(f"{name}: is a ZIP archive, not an .xlsx workbook")
    import openpyxl  # deferred: only workbook imports pay for it

    try:
        # A stream, not the path: openpyxl refuses names that do not end in .xlsx.
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged workbooks
        raise DomainError(f"{name}: the .xlsx workbook cannot be read ({exc})") from exc
    try:
        if not book.worksheets:
            raise DomainError(f"{name}: the workbook has no worksheets")
        titles = [sheet.title for sheet in book.worksheets]
        unknown = [c for c in chosen or () if c not in titles]
        if unknown:
            raise DomainError(f"{name}: no sheet named {', '.join(repr(u) for u in unknown)} "
                              f"(the sheets are {', '.join(repr(t) for t in titles)})")
        result = SheetSet([])
        for sheet in book.worksheets:
            if chosen and sheet.title not in chosen:
                result.skipped.append(SkippedSheet(sheet.title, "not_chosen"))
                continue
            if not chosen and sheet.sheet_state != "visible":
                result.skipped.append(SkippedSheet(sheet.title, "hidden"))  # hidden sheets hold lookups, old data
                continue
            table = _sheet_table(sheet, name)
            if not table.rows or _header_index(table) is None:
                result.skipped.append(SkippedSheet(sheet.title, "no_header"))
                continue
            result.tables.append(table)
        if not result.tables:
            if any(s.reason == "no_header" for s in result.skipped):
                raise DomainError(f"{name}: no sheet has a recognisable header "
                                  "(expected columns such as 品名 and 数量 / name and quantity)")
            raise DomainError(f"{name}: the file is empty")
        return result
    except DomainError:
        raise
    except Exception as exc:
        raise DomainError(f"{name}: the .xlsx workbook cannot be read ({exc})") from exc
    finally:
        book.close()


def _checked_xlsx_members(raw: bytes, name: str) -> set[str]:
    """The workbook's part names, after checking declared sizes: refuse bombs before openpyxl reads them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OverflowError) as exc:
        raise DomainError(f"{name}: is a damaged ZIP file, not a readable .xlsx workbook") from exc
    if len(members) > MAX_XLSX_MEMBERS:
        raise DomainError(f"{name}: the workbook has {len(members):,} parts; not a stock list")
    total = 0
    for member in members:
        size = member.file_size
        total += size
        limit = MAX_SHARED_STRINGS_BYTES if member.filename.endswith("sharedStrings.xml") else MAX_XLSX_MEMBER_BYTES
        too_packed = size > 2**20 and size > MAX_XLSX_RATIO * max(member.compress_size, 1)
        if size > limit or total > MAX_XLSX_TOTAL_BYTES or too_packed:
            raise DomainError(f"{name}: the workbook unpacks to far more data than a stock list holds "
                              f"({member.filename}: {size / 2**20:,.0f} MB); it cannot be imported")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DomainError(f"{name}: the workbook uses an unsupported compression; save it again in Excel")
    return {m.filename for m in members}


def _sheet_table(sheet, name: str) -> RawTable:
    rows: list[list[str]] = []
    lines: list[int] = []
    sheet.reset_dimensions()  # a declared A1:XFD1048576 must not pad every row to 16,384 cells
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_SHEET_ROWS:
            raise DomainError(f"{name}: sheet '{sheet.title}' has more than {MAX_SHEET_ROWS:,} rows")
        if len(values) > MAX_COLUMNS:
            if any(v is not None for v in values[MAX_COLUMNS:]):
                raise DomainError(f"{name}: sheet '{sheet.title}' row {number} has more than {MAX_COLUMNS} "
                                  "columns; not a stock list")
            values = values[:MAX_COLUMNS]
        cells = [_cell_text(v) for v in values]
        if any(cells):
            rows.append(cells)
            lines.append(number)
    return RawTable(rows, lines, f"{name} (sheet '{sheet.title}')", sheet.title)


# ---- header row ------------------------------------------------------------------------------

# Name columns in order of trust: a code beats a name, a generic "種類" comes last.
_NAME_SYNONYMS = ("code", "コード", "品目コード", "品名", "物資名", "資機材名", "品目", "名称", "職種",
                  "資格", "item", "name", "resource", "種類")
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "quantity": ("数量", "備蓄数", "備蓄数量", "在庫数", "在庫数量", "保有数", "保有数量", "人数",
                 "派遣可能人数", "必要数", "必要数量", "quantity", "qty", "count", "on hand", "headcount"),
    "reserved": ("自己使用分", "確保数", "留保", "reserved"),
    "unit": ("単位", "unit"),
    "pack_size": ("入数", "入り数", "梱包数", "1ケース入数", "pack size", "per case", "per pack"),
    "location": ("保管場所", "保管先", "場所", "担当課", "location", "storage"),
    "note": ("備考", "摘要", "note", "notes", "remarks"),
    "expiry": ("期限", "消費期限", "賞味期限", "使用期限", "expiry", "expiry date", "expires", "best before"),
    "condition": ("状態", "condition"),
    "needed_by": ("必要日", "希望日", "期日", "needed by", "due"),
    "priority": ("優先度", "優先", "priority"),
}
_HEADER_NOISE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|[\s_\-・*※:]")


def header_key(cell: str) -> str:
    """'数量（個）' -> '数量', 'On hand' -> 'onhand': bracketed unit hints and spacing ignored."""
    return _HEADER_NOISE.sub("", unicodedata.normalize("NFKC", cell).casefold())


_NAME_RANK = {header_key(s): i for i, s in enumerate(_NAME_SYNONYMS)}
_FIELD_BY_KEY = {header_key(s): f for f, syns in FIELD_SYNONYMS.items() for s in syns}


@dataclass
class Header:
    index: int  # position of the header in RawTable.rows; data follows it
    line: int
    name_columns: tuple[int, ...]  # most trusted first
    columns: dict[str, int] = field(default_factory=dict)  # other fields -> first column holding them


def _classify(row: list[str]) -> Header | None:
    names: list[tuple[int, int]] = []
    columns: dict[str, int] = {}
    for col, cell in enumerate(row):
        key = header_key(cell)
        if key in _NAME_RANK:
            names.append((_NAME_RANK[key], col))
        elif key in _FIELD_BY_KEY:
            columns.setdefault(_FIELD_BY_KEY[key], col)
    if not names or "quantity" not in columns:
        return None
    return Header(-1, -1, tuple(col for _, col in sorted(names)), columns)


def _header_index(table: RawTable) -> Header | None:
    for index, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        found = _classify(row)
        if found is not None:
            found.index, found.line = index, table.line_numbers[index]
            return found
    return None


def find_header(table: RawTable) -> Header:
    """The first of the top rows naming a resource column and a quantity column."""
    found = _header_index(table)
    if found is not None:
        return found
    raise DomainError(f"{table.source}: no recognisable header "
                      "(expected columns such as 品名 and 数量 / name and quantity)")
