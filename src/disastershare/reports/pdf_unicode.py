"""Repair the text mapping (ToUnicode CMaps) of a PDF written by Qt, so copied and extracted text is right.

Qt writes, for each embedded font, a CMap from glyph to Unicode built by scanning code points upwards and
keeping the FIRST code point that maps to the glyph. CJK fonts share one glyph between an ideograph and
its Kangxi radical (月 U+6708 and ⽉ U+2F49), between ・ and ‧, and between space and tab, so the lower code
point wins: pdftotext, search and copy-paste then give "2026年11⽉" and tabs for spaces. Government staff
copy names out of these reports, so the caller (which knows every character it drew and which code points
share a glyph, see `pdf_fonts.shared_glyph_replacements`) gives us {wrong code point: drawn character}.

Each replacement keeps the mapping four hex digits long (both sides are in the Basic Multilingual Plane),
so the file's byte offsets do not move and the cross-reference table stays valid without rewriting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

_CMAP = re.compile(rb"begincmap(.*?)endcmap", re.S)
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")
_SECTION = re.compile(rb"(beginbfrange|beginbfchar)(.*?)(endbfrange|endbfchar)", re.S)


def _fix_line(line: bytes, section: bytes, replacements: Mapping[int, int]) -> bytes:
    """In a bfchar line `<src> <dst>` fix dst; in a bfrange line fix the array items or a one-glyph range."""
    tokens = list(_HEX4.finditer(line))
    if section == b"beginbfchar":
        targets = tokens[1:2]
    elif b"[" in line:
        start = line.index(b"[")
        targets = [m for m in tokens if m.start() > start]
    else:
        # <lo> <hi> <dst>: only a single-glyph range can be corrected without splitting it
        targets = tokens[2:3] if len(tokens) == 3 and tokens[0].group(1) == tokens[1].group(1) else []
    out = bytearray(line)
    for m in targets:
        fixed = replacements.get(int(m.group(1), 16))
        if fixed is not None and fixed <= 0xFFFF:
            out[m.start(1):m.end(1)] = f"{fixed:04X}".encode("ascii")
    return bytes(out)


def fix_to_unicode(data: bytes, replacements: Mapping[int, int]) -> bytes:
    """The same PDF with its ToUnicode CMaps corrected; the length is unchanged (checked)."""
    if not replacements:
        return data

    def section(m: re.Match[bytes]) -> bytes:
        lines = m.group(2).split(b"\n")
        return m.group(1) + b"\n".join(_fix_line(line, m.group(1), replacements) for line in lines) + m.group(3)

    fixed = _CMAP.sub(lambda m: b"begincmap" + _SECTION.sub(section, m.group(1)) + b"endcmap", data)
    if len(fixed) != len(data):  # impossible by construction; a moved offset would corrupt the file
        raise AssertionError("ToUnicode repair changed the PDF's length")
    return fixed


def fix_file(path: Path, replacements: Mapping[int, int]) -> None:
    if replacements:
        path.write_bytes(fix_to_unicode(path.read_bytes(), replacements))
