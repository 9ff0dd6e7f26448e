"""The coordination report as a PDF (A4, Japanese by default, English on request).

Engine: Qt's QPdfWriter + QPainter, not ReportLab. The PDF must embed a Japanese font so it renders on any
machine. ReportLab embeds only TrueType-outline (glyf) fonts: given Noto Sans CJK (fonts-noto-cjk, the only
CJK font on our Linux CI image) it stops with "postscript outlines are not supported" (checked), and
macOS's Hiragino is CFF too; it would work only with IPA or Windows fonts. Qt embeds either kind (as CID
font subsets), is already a dependency (nothing new to ship in the installer) and renders the national
instance's ~1,300 table pages in 3-6 s on this 2-core machine (bench/bench_reports.py). Qt's weak spot is
the text map: `pdf_unicode` repairs shared-glyph mappings (手 written as the radical ⼿) in place, and
`pdf_fonts` turns off the OpenType features whose glyphs Qt cannot map back to text (locl digits, liga).

Layout (pagination, repeated table headers, section page numbers) is in `pdf_layout`; this module
decides what goes on the pages and paints them, with a "p. N / M" footer and, in a drill workspace,
訓練 / DRILL on every page (a header mark and a diagonal watermark).
"""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter, QPen

from disastershare.core import era
from disastershare.core.errors import DomainError
from disastershare.reports import labels, tables
from disastershare.reports.fonts import find_japanese_font
from disastershare.reports.labels import SECTIONS, Text
from disastershare.reports.model import ReportData
from disastershare.reports.pdf_fonts import PdfFonts, register, shared_glyph_replacements
from disastershare.reports.pdf_layout import IMAGE, LINE, RECT, TEXT, Flow, Geometry, Style
from disastershare.reports.pdf_unicode import fix_file

RESOLUTION = 1200  # device units per inch: fine enough that text positions are not visibly rounded
MM = RESOLUTION / 25.4
DRILL_RED = QColor(192, 0, 0)
COLORS = {"head_fill": QColor("#dde4ee"), "zebra": QColor("#f3f5f8"), "rule": QColor("#8090a0")}
COVER_PARTNER_NAMES = 12
WATERMARK = f"{labels.DRILL('ja')} {labels.DRILL('en')}"


def _styles(fonts: PdfFonts) -> dict[str, Style]:
    ink, grey = QColor("#1a1a1a"), QColor("#5a6470")
    spec = {  # name: (points, bold, colour)
        "title": (20, True, ink), "subject": (24, True, ink), "h1": (15, True, ink), "h2": (11.5, True, ink),
        "h3": (9.5, True, ink), "body": (10, False, ink), "label": (9.5, True, grey), "muted": (9, False, grey),
        "caption": (8.5, False, grey), "th": (8, True, ink), "td": (8, False, ink), "td_flag": (8, True, DRILL_RED),
        "page": (8, False, grey), "drill": (10, True, DRILL_RED), "toc": (10.5, False, ink),
    }
    return {name: Style(fonts.font(size, bold), color) for name, (size, bold, color) in spec.items()}


def _geometry(writer: QPdfWriter) -> Geometry:
    width, height = writer.width(), writer.height()
    return Geometry(width, height, left=18 * MM, right=width - 18 * MM, top=22 * MM, bottom=height - 18 * MM,
                    unit=MM)


def _when(data: ReportData, language: str) -> tuple[str, str]:
    """(Western date and time with zone, era date) for the cover."""
    when = data.meta.generated_at
    if language == "ja":
        return f"{era.western_ja(when.date())} {when:%H:%M} JST（UTC+09:00）", era.era_ja(when.date())
    return f"{when:%Y-%m-%d %H:%M} JST (UTC+09:00)", f"{era.era_ja(when.date())} ({era.era_en(when.date())})"


def _subject(data: ReportData, language: str) -> str:
    meta = data.meta
    if meta.scope == "prefecture":
        count = len(meta.partners) + 1
        return f"{meta.subject.prefecture}（{labels.MUNICIPALITIES(language).format(n=count)}）"
    return meta.subject.label


def _partner_text(data: ReportData, language: str) -> str:
    partners = data.meta.partners
    if not partners:
        return labels.NONE(language)
    names = ("、" if language == "ja" else ", ").join(p.label for p in partners[:COVER_PARTNER_NAMES])
    more = len(partners) - COVER_PARTNER_NAMES
    head = labels.MUNICIPALITIES(language).format(n=len(partners))
    return f"{head}: {names}" + (f" {labels.MORE(language).format(n=more)}" if more > 0 else "")


def _cover(flow: Flow, data: ReportData, language: str, fonts: PdfFonts, toc: list[tuple[str, int]]) -> None:
    g = flow.geometry
    meta = data.meta
    flow.space(18)
    if meta.drill:
        top = flow.y
        flow.ops.append((RECT, g.left, top, g.content_width, 16 * MM, "drill_fill"))
        flow.space(3)
        flow.paragraph(f"{labels.DRILL_BOTH}  —  {labels.DRILL_NOTICE(language)}", "drill", indent_mm=4)
        flow.y = top + 22 * MM
    flow.paragraph(labels.TITLE(language), "title", after_mm=2)
    flow.paragraph(labels.TITLE("en" if language == "ja" else "ja"), "muted", after_mm=12)
    flow.paragraph(_subject(data, language), "subject", after_mm=1)
    flow.paragraph(f"{Text('団体コード', 'Code')(language)} {meta.subject.code}", "muted", after_mm=12)
    western, era_text = _when(data, language)
    flow.key_values([
        (labels.REPORT_TIME(language), western),
        (labels.ERA_DATE(language), era_text),
        (labels.SCOPE(language), labels.SCOPES[meta.scope](language)),
        (labels.SUBJECT(language), f"{meta.subject.label} ({meta.subject.code})"),
        (labels.PARTNERS(language), _partner_text(data, language)),
        (labels.WORKSPACE(language), meta.workspace),
        (labels.FONT(language), f"{fonts.family} ({fonts.files.regular.name})"),
    ])
    flow.space(10)
    flow.heading(labels.CONTENTS(language), "h2", keep_mm=10)
    height = flow.line_height("toc")
    for title, page in toc:
        number = str(page)
        flow.text(g.left + 4 * MM, flow.y + height * 0.8, title, "toc")
        flow.text(g.right - flow.width_of(number, "toc"), flow.y + height * 0.8, number, "toc")
        flow.y += height * 1.15


def _summary(flow: Flow, data: ReportData, language: str) -> None:
    none = labels.NONE(language)
    flow.anchor("summary")
    flow.heading(SECTIONS["summary"](language))
    flow.table(tables.totals_table(data), language, caption=SECTIONS["totals"](language), empty=none)
    top = tables.shortfall_table(data.top_shortfalls())
    flow.table(top, language, caption=SECTIONS["top_shortfalls"](language), empty=none,
               columns=[c for c in top.pdf_columns() if c.key != "available"])
    flow.table(tables.request_table(data), language, caption=SECTIONS["requests"](language), empty=none)
    dispatch = tables.dispatch_table(data)
    flow.table(dispatch, language, caption=SECTIONS["dispatch_summary"](language), empty=none,
               columns=[c for c in dispatch.pdf_columns() if c.key in
                        ("work_type", "headcount", "destination_name", "place", "until")])


def _body(flow: Flow, data: ReportData, language: str) -> None:
    none = labels.NONE(language)
    _summary(flow, data, language)
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


def _stock(flow: Flow, data: ReportData, language: str) -> None:
    none = labels.NONE(language)
    flow.page_break()
    flow.anchor("stock")
    flow.heading(SECTIONS["stock"](language))
    place_cols = ("place_code", "place_prefecture", "place_name")
    own = tables.stock_table(data.own_stock).without(*place_cols)
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
        flow.table(tables.stock_table(rows).without(*place_cols), language, caption=f"{place.label} ({place.code})")


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
            self._draw(painter, g.left, header_y, f"{meta.subject.label}  {labels.TITLE(lang)}")
            stamp = f"{meta.generated_at:%Y-%m-%d %H:%M} JST"
            self._draw(painter, g.right - width_of(stamp, "page"), header_y, stamp)
            painter.setPen(QPen(self.colors["rule"], 0.2 * MM))
            painter.drawLine(QPointF(g.left, header_y + 2 * MM), QPointF(g.right, header_y + 2 * MM))
            self._use(painter, "page")
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
    _body(body, data, language)
    cover_pages = 1
    while True:  # the contents list needs the cover's own length; one more pass if it ran over a page
        cover = Flow(writer, _geometry(writer), styles)
        _cover(cover, data, language, fonts, _toc(body.anchors, language, cover_pages))
        if len(cover.pages) == cover_pages:
            break
        cover_pages = len(cover.pages)
    painter = _Painter(writer, body, data, language)
    painter.paint(cover.pages + body.pages)  # QPainter.end() finishes and closes the file
    drawn = set("".join(painter.drawn)) | set(WATERMARK)
    fix_file(path, shared_glyph_replacements(drawn, [fonts.font(10), fonts.font(10, bold=True)]))
