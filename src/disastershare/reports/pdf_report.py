"""The coordination report as a PDF (A4, Japanese by default, English on request).

Engine: Qt's QPdfWriter + QPainter, not ReportLab. The PDF must embed a Japanese font so it renders on any
machine. ReportLab embeds only TrueType-outline (glyf) fonts: given Noto Sans CJK (fonts-noto-cjk, the only
CJK font on our Linux CI image) it stops with "postscript outlines are not supported" (checked), and
macOS's Hiragino is CFF too; it would work only with IPA or Windows fonts. Qt embeds either kind (as CID
font subsets), is already a dependency (nothing new to ship in the installer) and renders the national
instance's ~1,300 table pages in 3-6 s on this 2-core machine (bench/bench_reports.py). Qt's weak spot is
the text map: `pdf_unicode` repairs shared-glyph mappings (手 written as the radical ⼿) in place, and
`pdf_fonts` turns off the OpenType features whose glyphs Qt cannot map back to text (locl digits, liga).

Layout (pagination, repeated table headers, section page numbers) is in `pdf_layout`; the first page, a
one-page summary, is `pdf_summary`. This module decides what goes on the pages and paints them, with the
report number and as-of time in every page header, a "p. N / M" footer and, in a drill workspace,
訓練 / DRILL on every page (a header mark and a diagonal watermark). Technical facts (workspace folder,
embedded font, version) are on the last page, 報告について, not the first.
"""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter, QPen

from disastershare.core.errors import DomainError
from disastershare.reports import labels, tables
from disastershare.reports.about import zone_description
from disastershare.reports.fonts import find_japanese_font
from disastershare.reports.labels import SECTIONS
from disastershare.reports.model import ReportData
from disastershare.reports.numbering import number_text
from disastershare.reports.pdf_fonts import PdfFonts, register, shared_glyph_replacements
from disastershare.reports.pdf_layout import IMAGE, LINE, RECT, TEXT, Flow, Geometry, Style
from disastershare.reports.pdf_summary import LIMITS, summary_page
from disastershare.reports.pdf_unicode import fix_file
from disastershare.reports.times import abbreviation, minutes_text

RESOLUTION = 1200  # device units per inch: fine enough that text positions are not visibly rounded
MM = RESOLUTION / 25.4
DRILL_RED = QColor(192, 0, 0)
COLORS = {"head_fill": QColor("#dde4ee"), "zebra": QColor("#f3f5f8"), "rule": QColor("#8090a0")}
WATERMARK = f"{labels.DRILL('ja')} {labels.DRILL('en')}"


def _styles(fonts: PdfFonts) -> dict[str, Style]:
    ink, grey = QColor("#1a1a1a"), QColor("#5a6470")
    spec = {  # name: (points, bold, colour)
        "title": (20, True, ink), "subject": (24, True, ink), "h1": (15, True, ink), "h2": (11.5, True, ink),
        "h3": (9.5, True, ink), "body": (10, False, ink), "label": (9.5, True, grey), "muted": (9, False, grey),
        "caption": (8.5, False, grey), "th": (8, True, ink), "td": (8, False, ink), "td_flag": (8, True, DRILL_RED),
        "page": (8, False, grey), "drill": (10, True, DRILL_RED), "toc": (9.5, False, ink),
        "number": (20, True, ink),
    }
    return {name: Style(fonts.font(size, bold), color) for name, (size, bold, color) in spec.items()}


def _geometry(writer: QPdfWriter) -> Geometry:
    width, height = writer.width(), writer.height()
    return Geometry(width, height, left=18 * MM, right=width - 18 * MM, top=22 * MM, bottom=height - 18 * MM,
                    unit=MM)


def _partner_text(data: ReportData, language: str) -> str:
    partners = data.meta.partners
    if not partners:
        return labels.NONE(language)
    names = ("、" if language == "ja" else ", ").join(p.label for p in partners)
    return f"{labels.MUNICIPALITIES(language).format(n=len(partners))}: {names}"


def _about(flow: Flow, data: ReportData, language: str, fonts: PdfFonts) -> None:
    """The last section: where the report comes from, for whoever has to trace it (not the first page)."""
    meta = data.meta
    hours = int(meta.stale_after.total_seconds() // 3600)
    flow.anchor("report")
    flow.heading(SECTIONS["report"](language))
    flow.key_values([
        (labels.NUMBER(language), number_text(meta.number, language) or labels.NONE(language)),
        (labels.SUBJECT(language), f"{meta.subject.label} ({meta.subject.code})"),
        (labels.SCOPE(language), labels.SCOPES[meta.scope](language)),
        (labels.PARTNERS(language), _partner_text(data, language)),
        (labels.TIME_ZONE(language), zone_description(meta.generated_at)),
        (labels.STALE_KEY(language), labels.STALE_RULE(language).format(hours=hours)),
        (labels.WORKSPACE(language), meta.workspace),
        (labels.FONT(language), f"{fonts.family} ({fonts.files.regular.name})"),
        ("DisasterShare", meta.app_version),
    ])


def _body(flow: Flow, data: ReportData, language: str, fonts: PdfFonts) -> None:
    none = labels.NONE(language)
    flow.anchor("totals")
    flow.heading(SECTIONS["totals"](language))
    flow.table(tables.totals_table(data), language, empty=none)
    if data.charts:
        flow.anchor("charts")
        flow.heading(SECTIONS["charts"](language))
        for chart in data.charts:
            title = chart.title_ja if language == "ja" else chart.title_en
            flow.image(chart.path, title, labels.CHART_MISSING(language).format(name=chart.path.name))
    for key, table in (("shortfalls", tables.shortfall_table(data.shortfalls)),
                       ("transfers", tables.transfer_table(data)), ("dispatch", tables.dispatch_table(data)),
                       ("freshness", tables.freshness_table(data))):
        flow.anchor(key)
        flow.heading(SECTIONS[key](language))
        if key == "freshness":
            hours = int(data.meta.stale_after.total_seconds() // 3600)
            flow.paragraph(labels.STALE_RULE(language).format(hours=hours), "muted", after_mm=2)
        flow.table(table, language, empty=none)
    if data.has_prefecture_view:
        flow.anchor("prefecture_view")
        flow.heading(SECTIONS["prefecture_view"](language))
        flow.table(tables.prefecture_table(data), language, caption=SECTIONS["prefecture_totals"](language))
        flow.table(tables.municipality_table(data), language, caption=SECTIONS["municipality_totals"](language))
    _stock(flow, data, language)
    _about(flow, data, language, fonts)


def _stock(flow: Flow, data: ReportData, language: str) -> None:
    none = labels.NONE(language)
    flow.page_break()
    flow.anchor("stock")
    flow.heading(SECTIONS["stock"](language))
    place_cols = ("place_code", "place_prefecture", "place_name")
    as_of = data.meta.generated_at
    own = tables.stock_table(data.own_stock, as_of).without(*place_cols)
    subject = data.meta.subject
    flow.table(own, language, caption=f"{SECTIONS['own_stock'](language)}: {subject.label} ({subject.code})",
               empty=none)
    if data.meta.scope == "own":
        return
    flow.heading(SECTIONS["partner_stock"](language), "h2", keep_mm=25)
    if not data.partner_stock:
        flow.paragraph(none, "muted")
    for _code, lines in groupby(data.partner_stock, key=lambda s: s.place.code):
        rows = list(lines)
        place = rows[0].place
        flow.table(tables.stock_table(rows, as_of).without(*place_cols), language,
                   caption=f"{place.label} ({place.code})")


def _toc(anchors: dict[str, int], language: str, offset: int) -> list[tuple[str, int]]:
    return [(SECTIONS[key](language), page + offset) for key, page in anchors.items()]


class _Painter:
    """Second pass: paints recorded operations plus the per-page header, footer and drill marks."""

    def __init__(self, writer: QPdfWriter, flow: Flow, data: ReportData, language: str) -> None:
        self.writer, self.flow, self.data, self.language = writer, flow, data, language
        self.styles = flow.styles
        self.colors = {**COLORS, "drill_fill": QColor(192, 0, 0, 28)}
        self.drawn: set[str] = set()  # every string painted, to repair the PDF's text map afterwards

    def paint(self, pages: list[list[tuple]]) -> None:
        painter = QPainter()
        if not painter.begin(self.writer):
            raise DomainError("cannot write the PDF (the output file could not be opened)")
        try:
            for number, ops in enumerate(pages, start=1):
                if number > 1:
                    self.writer.newPage()
                if self.data.meta.drill:
                    self._watermark(painter)
                self._ops(painter, ops)
                self._frame(painter, number, len(pages))
        finally:
            painter.end()

    def _use(self, painter: QPainter, style: str) -> None:
        s = self.styles[style]
        painter.setFont(s.font)
        painter.setPen(s.color)

    def _ops(self, painter: QPainter, ops: list[tuple]) -> None:
        current = None
        for op in ops:
            kind = op[0]
            if kind == TEXT:
                if op[4] != current:
                    self._use(painter, op[4])
                    current = op[4]
                painter.drawText(QPointF(op[1], op[2]), op[3])
                self.drawn.add(op[3])
            elif kind == RECT:
                painter.fillRect(QRectF(op[1], op[2], op[3], op[4]), self.colors[op[5]])
            elif kind == LINE:
                painter.setPen(QPen(self.colors[op[5]], op[6] * MM))
                painter.drawLine(QPointF(op[1], op[2]), QPointF(op[3], op[4]))
                current = None
            elif kind == IMAGE:
                painter.drawImage(QRectF(op[1], op[2], op[3], op[4]), QImage(op[5]))

    def _draw(self, painter: QPainter, x: float, y: float, text: str) -> None:
        painter.drawText(QPointF(x, y), text)
        self.drawn.add(text)

    def _watermark(self, painter: QPainter) -> None:
        g = self.flow.geometry
        painter.save()
        font = QFont(self.styles["title"].font)  # a copy: the style's font is shared
        font.setPointSizeF(88)
        painter.setFont(font)
        painter.setPen(QColor(192, 0, 0, 36))
        painter.translate(g.width / 2, g.height / 2)
        painter.rotate(-35)
        box = QRectF(-g.width, -g.height / 4, 2 * g.width, g.height / 2)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, WATERMARK)
        painter.restore()

    def _frame(self, painter: QPainter, number: int, total: int) -> None:
        g, meta, lang = self.flow.geometry, self.data.meta, self.language
        width_of = self.flow.width_of
        header_y, footer_y = 13 * MM, g.height - 10 * MM
        self._use(painter, "page")
        if number > 1:
            title = "  ".join(part for part in (meta.subject.label, labels.TITLE(lang), number_text(meta.number, lang))
                              if part)
            self._draw(painter, g.left, header_y, title)
            when = meta.generated_at
            stamp = labels.AS_OF_STAMP(lang).format(time=minutes_text(when), zone=abbreviation(when))
            self._draw(painter, g.right - width_of(stamp, "page"), header_y, stamp)
            painter.setPen(QPen(self.colors["rule"], 0.2 * MM))
            painter.drawLine(QPointF(g.left, header_y + 2 * MM), QPointF(g.right, header_y + 2 * MM))
            self._use(painter, "page")
        if number > 1:  # the first page is for the coordinator: nothing technical (報告について has it)
            self._draw(painter, g.left, footer_y, f"DisasterShare {meta.app_version}")
        page = labels.PAGE(lang).format(n=number, m=total)
        self._draw(painter, (g.width - width_of(page, "page")) / 2, footer_y, page)
        if meta.drill:
            self._use(painter, "drill")
            mark = labels.DRILL_BOTH
            self._draw(painter, (g.width - width_of(mark, "drill")) / 2, 8 * MM, mark)
            self._draw(painter, g.right - width_of(mark, "drill"), footer_y, mark)


def write_pdf(data: ReportData, path: Path, language: str = "ja", font: str | Path | None = None,
              configured_font: str | Path | None = None) -> None:
    """Write the PDF to `path` (the caller makes the write atomic). FontNotFoundError if no Japanese font.

    From a GUI worker thread, register the font on the GUI thread first
    (`pdf_fonts.register(fonts.find_japanese_font())`): Qt's font database is the GUI thread's."""
    fonts = register(find_japanese_font(font, configured_font))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{labels.TITLE(language)} — {data.meta.subject.label}")
    writer.setCreator(f"DisasterShare {data.meta.app_version}")
    styles = _styles(fonts)
    body = Flow(writer, _geometry(writer), styles)
    _body(body, data, language, fonts)
    toc = _toc(body.anchors, language, 1)
    for limits in LIMITS:  # fewer rows until the summary fits on its one page
        cover = Flow(writer, _geometry(writer), styles)
        summary_page(cover, data, language, toc, limits)
        if len(cover.pages) == 1:
            break
    if len(cover.pages) > 1:  # even the shortest lists did not fit (a very long contact line): page numbers move
        cover = Flow(writer, _geometry(writer), styles)
        summary_page(cover, data, language, _toc(body.anchors, language, len(cover.pages)), LIMITS[-1])
    painter = _Painter(writer, body, data, language)
    painter.paint(cover.pages + body.pages)  # QPainter.end() finishes and closes the file
    drawn = set("".join(painter.drawn)) | set(WATERMARK)
    fix_file(path, shared_glyph_replacements(drawn, [fonts.font(10), fonts.font(10, bold=True)]))
