"""A small, fast SpreadsheetML (.xlsx) writer for report tables.

Why not openpyxl here: its XML serializer costs ~17 µs per cell without lxml (measured: 9 s for the
national instance's 530,000 stock cells against a 3 s target), and lxml is not a dependency. Report sheets
need only a fixed set of features, written here as plain strings in the order the schema requires:
typed cells (numbers, booleans, dates and times as serials with a date format), shared strings, a bold
header row frozen in place, an auto filter, column widths, a tab colour, a printed page header, and print
settings: A4 (paperSize 9), scaled to one page wide and as many pages tall as needed (pageSetUpPr fitToPage
with fitToWidth 1, fitToHeight 0), landscape when a table has more than LANDSCAPE_AFTER columns, the header
row repeated on every printed page (_xlnm.Print_Titles), and gridlines printed on tables (rows of numbers
are hard to follow on paper without them) but not on the report description. openpyxl still reads these
files back in the tests; LibreOffice prints them one page wide (tests/reports/test_xlsx_printing.py).

Text is only ever a shared string (t="s"), never a formula (<f>), so a note reading "=1+2" stays text in
Excel; characters XML forbids are replaced (core.cell_safety).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from disastershare.core.cell_safety import xml_text

HEADER, INT, FLOAT, DATE, DATETIME, LABEL, ALERT = 1, 2, 3, 4, 5, 6, 7  # cellXfs indices in _STYLES
_EPOCH = datetime(1899, 12, 30)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
LANDSCAPE_AFTER = 8  # columns: a wider table is printed landscape


@dataclass
class Sheet:
    name: str
    rows: Sequence[Sequence[Any]]  # the first row is the header when `header` is set
    widths: Sequence[float] = ()
    header: bool = True  # bold first row, frozen, filtered, repeated on printed pages
    tab_color: str | None = None  # RRGGBB
    print_header: str | None = None  # text centred at the top of every printed page
    bold_first_column: bool = False
    alert_cells: set[tuple[int, int]] = field(default_factory=set)  # (row, column), 0-based: red bold
    gridlines: bool = True  # printed cell borders (the sheet's own look on screen is unchanged)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=1)

    @property
    def landscape(self) -> bool:
        return self.width > LANDSCAPE_AFTER


class _Strings:
    """The shared string table: every distinct text once (a national sheet repeats ~2,000 names)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def ref(self, text: str) -> int:
        self.count += 1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(xml_text(s))}</t></si>' for s in self.index)
        return f'{_DECL}<sst {_NS} count="{self.count}" uniqueCount="{len(self.index)}">{items}</sst>'


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _cell(ref: str, value: Any, strings: _Strings, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="s"{s}><v>{strings.ref(value)}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{s}><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}" s="{style or INT}"><v>{value}</v></c>'
    if isinstance(value, float):
        return f'<c r="{ref}" s="{style or FLOAT}"><v>{value!r}</v></c>'
    if isinstance(value, datetime):
        serial = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
        return f'<c r="{ref}" s="{style or DATETIME}"><v>{serial!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{style or DATE}"><v>{(value - _EPOCH.date()).days}</v></c>'
    return f'<c r="{ref}" t="s"{s}><v>{strings.ref(str(value))}</v></c>'


def _sheet_xml(sheet: Sheet, strings: _Strings) -> str:
    width = sheet.width
    letters = [get_column_letter(i + 1) for i in range(width)]
    last = f"{letters[-1]}{max(len(sheet.rows), 1)}"
    parts = [_DECL, f"<worksheet {_NS} {_REL_NS}>"]
    tab = f'<tabColor rgb="FF{sheet.tab_color}"/>' if sheet.tab_color else ""
    parts.append(f'<sheetPr>{tab}<pageSetUpPr fitToPage="1"/></sheetPr>')  # fitTo* below apply only with it
    parts.append(f'<dimension ref="A1:{last}"/>')
    pane = ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>') if sheet.header else ""
    parts.append(f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>')
    parts.append('<sheetFormatPr defaultRowHeight="15"/>')
    if sheet.widths:
        parts.append("<cols>" + "".join(f'<col min="{i}" max="{i}" width="{w:.1f}" customWidth="1"/>'
                                        for i, w in enumerate(sheet.widths, start=1)) + "</cols>")
    parts.append("<sheetData>")
    cell = _cell
    alerts = sheet.alert_cells
    for r, row in enumerate(sheet.rows):
        n = r + 1
        row_style = HEADER if sheet.header and r == 0 else 0
        cells = []
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            style = row_style or (LABEL if c == 0 and sheet.bold_first_column else 0)
            if alerts and (r, c) in alerts:
                style = ALERT
            cells.append(cell(f"{letters[c]}{n}", value, strings, style))
        parts.append(f'<row r="{n}">{"".join(cells)}</row>')
    parts.append("</sheetData>")
    if sheet.header:
        parts.append(f'<autoFilter ref="A1:{last}"/>')
    if sheet.gridlines:
        parts.append('<printOptions gridLines="1"/>')
    parts.append('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    orientation = "landscape" if sheet.landscape else "portrait"
    parts.append(f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>')
    # Every printed page says which sheet it is (&A) and its page number; a drill's pages say so in red.
    header = "&L&A" + (f'&C&"-,Bold"&KC00000{sheet.print_header}' if sheet.print_header else "")
    parts.append(f"<headerFooter><oddHeader>{escape(xml_text(header))}</oddHeader>"
                 f"<oddFooter>{escape('&CP. &P / &N')}</oddFooter></headerFooter>")
    parts.append("</worksheet>")
    return "".join(parts)


def _workbook_xml(sheets: Sequence[Sheet]) -> str:
    entries = "".join(f'<sheet name="{escape(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, s in enumerate(sheets, start=1))
    names = []
    for i, s in enumerate(sheets):
        if not s.header:
            continue
        width = max((len(r) for r in s.rows), default=1)
        ref = f"{_quoted(s.name)}!$A$1:${get_column_letter(width)}${max(len(s.rows), 1)}"
        names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{escape(ref)}'
                     "</definedName>")
        names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{escape(_quoted(s.name))}!$1:$1'
                     "</definedName>")
    defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
    return f"{_DECL}<workbook {_NS} {_REL_NS}><sheets>{entries}</sheets>{defined}</workbook>"


_STYLES = (
    f"{_DECL}<styleSheet {_NS}>"
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><color rgb="FFC00000"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def _core_xml(title: str, creator: str, created: datetime) -> str:
    # File metadata, not a time shown in the report: W3CDTF in UTC, which Excel shows in the reader's zone.
    stamp = created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f'{_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(xml_text(title))}</dc:title><dc:creator>{escape(xml_text(creator))}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created></cp:coreProperties>')


def write_workbook(path: Path, sheets: Sequence[Sheet], title: str, creator: str, created: datetime) -> None:
    strings = _Strings()
    bodies = [_sheet_xml(s, strings) for s in sheets]  # first: they fill the shared string table
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
    content_types = (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f"{sheet_types}</Types>")
    root_rels = (f'{_DECL}<Relationships xmlns="{_PKG_REL}">'
                 f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" Target="xl/workbook.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                 'metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
    n = len(sheets)
    book_rels = (f'{_DECL}<Relationships xmlns="{_PKG_REL}">'
                 + "".join(f'<Relationship Id="rId{i}" Type="{_DOC_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                           for i in range(1, n + 1))
                 + f'<Relationship Id="rId{n + 1}" Type="{_DOC_REL}/styles" Target="styles.xml"/>'
                 + f'<Relationship Id="rId{n + 2}" Type="{_DOC_REL}/sharedStrings" Target="sharedStrings.xml"/>'
                 + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("docProps/core.xml", _core_xml(title, creator, created))
        archive.writestr("xl/workbook.xml", _workbook_xml(sheets))
        archive.writestr("xl/_rels/workbook.xml.rels", book_rels)
        archive.writestr("xl/styles.xml", _STYLES)
        archive.writestr("xl/sharedStrings.xml", strings.xml())
        for i, body in enumerate(bodies, start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", body)
