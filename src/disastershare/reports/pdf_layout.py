"""Page layout for the PDF: text flows down A4 pages; tables break across pages with their header
repeated. The layout only records drawing operations per page; painting is a second pass, so the
footer can say "p. N / M" and the contents page can give section page numbers.

Operations are plain tuples (the national report has ~400,000 of them; objects would cost memory and
time): (TEXT, x, baseline, text, style), (RECT, x, y, w, h, color), (LINE, x1, y1, x2, y2, color, width),
(IMAGE, x, y, w, h, path). Coordinates are device units of the QPdfWriter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImageReader, QPaintDevice

from disastershare.reports.labels import Text, yes_no
from disastershare.reports.tables import Column, Table
from disastershare.reports.times import minutes_text

TEXT, RECT, LINE, IMAGE = range(4)
RIGHT = ("int", "float", "measure")  # right-aligned, never wrapped ("measure": a quantity with its unit, 560 枚)
CONTINUED = Text("（続き）", " (continued)")
# A line must not start with closing punctuation (禁則処理): carry the character back to the line above.
_NO_LINE_START = set("）)」』】〕、。，．・ー々ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ,.:;!?％%")


@dataclass(frozen=True, slots=True)
class Style:
    font: QFont
    color: QColor


@dataclass(frozen=True, slots=True)
class Geometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    unit: float  # device units per millimetre

    @property
    def content_width(self) -> float:
        return self.right - self.left


class Flow:
    """Lays out text, tables and images top to bottom, starting a new page when one is full."""

    def __init__(self, device: QPaintDevice, geometry: Geometry, styles: dict[str, Style]) -> None:
        self.geometry = geometry
        self.styles = styles
        self._metrics = {name: QFontMetricsF(s.font, device) for name, s in styles.items()}
        self._advance: dict[tuple[str, str], float] = {}
        self._wrapped: dict[tuple[str, int, str, int], tuple[str, ...]] = {}
        self.pages: list[list[tuple]] = [[]]
        self.anchors: dict[str, int] = {}
        self.y = geometry.top

    # -- basics ---------------------------------------------------------------------------------------
    @property
    def ops(self) -> list[tuple]:
        return self.pages[-1]

    def page_break(self) -> None:
        self.pages.append([])
        self.y = self.geometry.top

    def ensure(self, height: float) -> None:
        if self.y + height > self.geometry.bottom and self.y > self.geometry.top:
            self.page_break()

    def space(self, mm: float) -> None:
        self.y += mm * self.geometry.unit

    def anchor(self, key: str) -> None:
        self.anchors[key] = len(self.pages)  # 1-based page number of the current page

    def line_height(self, style: str) -> float:
        return self._metrics[style].lineSpacing()

    def width_of(self, text: str, style: str) -> float:
        key = (text, style)
        found = self._advance.get(key)
        if found is None:
            found = self._advance[key] = self._metrics[style].horizontalAdvance(text)
        return found

    def wrap(self, text: str, width: float, style: str, max_lines: int = 0) -> tuple[str, ...]:
        """Lines of at most `width`; Japanese breaks between any characters, English at spaces.
        With max_lines, the last line is elided with '…' (the XLSX and CSV carry the full text)."""
        key = (text, int(width), style, max_lines)
        found = self._wrapped.get(key)
        if found is None:
            found = self._wrapped[key] = self._wrap(text, width, style, max_lines)
        return found

    def _wrap(self, text: str, width: float, style: str, max_lines: int) -> tuple[str, ...]:
        metrics = self._metrics[style]
        lines: list[str] = []
        rest = text
        while rest:
            if metrics.horizontalAdvance(rest) <= width:
                lines.append(rest)
                break
            if max_lines and len(lines) == max_lines - 1:
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            lo, hi = 1, len(rest)  # longest prefix that fits (at least one character)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if metrics.horizontalAdvance(rest[:mid]) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            cut = lo
            space = rest.rfind(" ", 0, cut + 1)
            if space > 0:
                cut = space
            elif cut > 1 and rest[cut] in _NO_LINE_START:
                cut -= 1
            lines.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip()
        return tuple(lines) or ("",)

    # -- text -----------------------------------------------------------------------------------------
    def text(self, x: float, baseline: float, text: str, style: str) -> None:
        self.ops.append((TEXT, x, baseline, text, style))

    def paragraph(self, text: str, style: str = "body", indent_mm: float = 0.0, after_mm: float = 1.0,
                  reserve: float = 0.0) -> None:
        """`reserve`: device units kept free at the right (for something drawn beside the first line)."""
        indent = indent_mm * self.geometry.unit
        height = self.line_height(style)
        ascent = self._metrics[style].ascent()
        for line in self.wrap(text, self.geometry.content_width - indent - reserve, style):
            self.ensure(height)
            self.text(self.geometry.left + indent, self.y + ascent, line, style)
            self.y += height
        self.space(after_mm)

    def heading(self, text: str, style: str = "h1", keep_mm: float = 30.0, rule: bool = True) -> None:
        """A heading kept on the same page as the first lines that follow it."""
        height = self.line_height(style)
        self.ensure(height + keep_mm * self.geometry.unit)
        self.text(self.geometry.left, self.y + self._metrics[style].ascent(), text, style)
        self.y += height
        if rule:
            self.ops.append((LINE, self.geometry.left, self.y, self.geometry.right, self.y, "rule", 0.3))
        self.space(2.0)

    def key_values(self, rows: Sequence[tuple[str, str]], key_mm: float = 42.0, style: str = "body") -> None:
        key_width = key_mm * self.geometry.unit
        height = self.line_height(style)
        ascent = self._metrics[style].ascent()
        for key, value in rows:
            lines = self.wrap(value, self.geometry.content_width - key_width, style)
            self.ensure(height * len(lines))
            self.text(self.geometry.left, self.y + ascent, key, "label")
            for line in lines:
                self.text(self.geometry.left + key_width, self.y + ascent, line, style)
                self.y += height
            self.y += height * 0.25

    # -- images ---------------------------------------------------------------------------------------
    def image(self, path: Path, caption: str, missing: str) -> None:
        size = QImageReader(str(path)).size()
        if not size.isValid() or size.width() <= 0:
            self.paragraph(missing, "muted")
            return
        g = self.geometry
        width = g.content_width
        height = width * size.height() / size.width()
        max_height = (g.bottom - g.top) * 0.7
        if height > max_height:
            width, height = width * max_height / height, max_height
        self.ensure(height + self.line_height("caption") * 2)
        self.ops.append((IMAGE, g.left + (g.content_width - width) / 2, self.y, width, height, str(path)))
        self.y += height + 1.5 * g.unit
        self.paragraph(caption, "caption", after_mm=4.0)

    # -- tables ---------------------------------------------------------------------------------------
    def table(self, table: Table, language: str, columns: Sequence[Column] | None = None,
              caption: str | None = None, empty: str = "") -> None:
        """Rows break across pages; every page repeats the caption (marked continued) and the header."""
        cols = list(columns or table.pdf_columns())
        g = self.geometry
        pad = 1.0 * g.unit
        total = sum(c.pdf for c in cols)
        widths = [g.content_width * c.pdf / total for c in cols]
        lefts = [g.left + sum(widths[:i]) for i in range(len(cols))]
        head_lines = [self.wrap(c.label(language), w - 2 * pad, "th", 2) for c, w in zip(cols, widths, strict=True)]
        th_height = self.line_height("th")
        head_height = max(len(lines) for lines in head_lines) * th_height + 2 * pad
        td_height = self.line_height("td")
        td_ascent = self._metrics["td"].ascent()
        caption_height = self.line_height("h3") + g.unit if caption else 0.0

        def start(continued: bool) -> None:
            # A continued table always says what it is, even when its first page had a section heading.
            title = caption or (table.title(language) if continued else None)
            if title:
                self.text(g.left, self.y + self._metrics["h3"].ascent(),
                          title + (CONTINUED(language) if continued else ""), "h3")
                self.y += self.line_height("h3") + g.unit
            self.ops.append((RECT, g.left, self.y, g.content_width, head_height, "head_fill"))
            ascent = self._metrics["th"].ascent()
            for col, lines, left, width in zip(cols, head_lines, lefts, widths, strict=True):
                for n, line in enumerate(lines):
                    x = left + width - pad - self.width_of(line, "th") if col.type in RIGHT else left + pad
                    self.text(x, self.y + pad + ascent + n * th_height, line, "th")
            self.y += head_height

        if not table.rows:
            self.ensure(caption_height + td_height * 2)
            if caption:
                self.text(g.left, self.y + self._metrics["h3"].ascent(), caption, "h3")
                self.y += caption_height
            self.paragraph(empty, "muted", after_mm=3.0)
            return
        self.ensure(caption_height + head_height + min(3, len(table.rows)) * (td_height + 2 * pad))
        start(False)
        getters = [c.get for c in cols]
        types = [c.type for c in cols]
        for index, row in enumerate(table.rows):
            values = [get(row, language) for get in getters]
            cells = [_format(value, kind, language) for value, kind in zip(values, types, strict=True)]
            lines = [(text,) if kind in RIGHT else self.wrap(text, width - 2 * pad, "td", 2)
                     for text, kind, width in zip(cells, types, widths, strict=True)]
            row_height = max(len(cell) for cell in lines) * td_height + 2 * pad
            if self.y + row_height > g.bottom:
                self.page_break()
                start(True)
            if index % 2:
                self.ops.append((RECT, g.left, self.y, g.content_width, row_height, "zebra"))
            base = self.y + pad + td_ascent
            for cell, kind, value, left, width in zip(lines, types, values, lefts, widths, strict=True):
                style = "td_flag" if kind == "bool" and value else "td"  # a set flag (要確認: はい) in red
                for n, line in enumerate(cell):
                    if not line:
                        continue
                    x = left + width - pad - self.width_of(line, "td") if kind in RIGHT else left + pad
                    self.ops.append((TEXT, x, base + n * td_height, line, style))
            self.y += row_height
        self.ops.append((LINE, g.left, self.y, g.right, self.y, "rule", 0.3))
        self.space(4.0)


def _format(value: Any, kind: str, language: str) -> str:
    if value is None:
        return ""
    if kind == "int":
        return f"{value:,}"
    if kind == "float":
        return f"{value:,.1f}"
    if kind == "bool" or isinstance(value, bool):
        return yes_no(bool(value), language)
    if isinstance(value, datetime):
        return minutes_text(value)  # already in the report's zone (tables), which the header names
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
