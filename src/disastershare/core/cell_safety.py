"""Text cells that are safe to open in a spreadsheet: every CSV and XLSX writer passes text through here.

Notes and locations are typed by people here and by partners (whose records arrive in snapshots), so an
export must never turn such text into something a spreadsheet runs:

- CSV has no cell types: Excel and LibreOffice read a field starting with = + - @ as a formula
  (`=HYPERLINK(...)`, DDE `=cmd|'/c calc'!A1`), and OWASP ("CSV injection") adds a leading tab or CR,
  which some importers strip first. `csv_text` puts a single quote in front, so the field opens as text;
  the quote stays visible in the cell. As a precaution the full-width ＝ ＋ － ＠ are quoted too: Japanese
  Excel turns a cell typed as ＝1＋2 into a formula.
- XLSX cells are typed: text written as a string cell (t="s"/inlineStr, never <f>) is not evaluated,
  so XLSX writers keep the text as typed and only need `xml_text`: XML 1.0 forbids most C0 control
  characters (a note pasted from another program may hold \\x01 or a vertical tab), and a writer that
  emitted them would produce a file Excel refuses to open.

Only text is neutralised: numbers stay numbers (-5 as an int is a number, not a formula).
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
QUOTE = "'"
REPLACEMENT = "\ufffd"
# Characters XML 1.0 does not allow (tab, LF and CR are allowed), lone surrogates, and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def csv_text(text: str) -> str:
    """Text for a CSV field: quoted with a leading ' if a spreadsheet would read it as a formula.

    Line breaks inside the text become LF: Python's csv module quotes a field only for the characters of
    its own line terminator, so a writer ending lines with "\\n" would leave a bare CR unquoted, and Excel
    starts a new row at a CR: "ok\\r=cmd|..." would put a live formula at the start of that row.
    """
    formula = text.startswith(FORMULA_STARTS)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return QUOTE + text if formula else text


def csv_value(value: Any) -> Any:
    """`csv_text` for text; any other value (int, float, date, None) unchanged."""
    return csv_text(value) if isinstance(value, str) else value


def xml_text(text: str) -> str:
    """Text an XLSX part may hold: characters XML 1.0 forbids become U+FFFD (visible, not silently lost)."""
    return _NOT_XML.sub(REPLACEMENT, text)
