"""The PDF's first page: a one-page summary a coordinator reads in a minute.

Report number (第N報), the municipality, the as-of time in the report's zone, who to call, then the
largest shortfalls (with units), transfers proposed and committed, requests by status, and which partners'
data are old, with the contents at the bottom. Nothing technical (workspace path, font file, version): the
last section of the PDF, 報告について, carries that.

The page must stay one page whatever the data: lists are cut to a few rows (the full tables follow, and the
page says where) and `summary_page` is laid out with fewer rows until it fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from disastershare.core import era
from disastershare.reports import labels
from disastershare.reports.labels import SECTIONS, Text
from disastershare.reports.model import PartnerFreshness, ReportData, ShortfallLine, TransferLine
from disastershare.reports.numbering import number_text
from disastershare.reports.pdf_layout import RECT, Flow
from disastershare.reports.tables import Column, Table
from disastershare.reports.times import abbreviation, offset

# (top shortfalls, transfers, stale partners) shown, most first; the first that fits on one page is used.
LIMITS = ((8, 6, 5), (8, 5, 4), (6, 4, 3), (5, 3, 3), (4, 3, 2), (3, 2, 2), (2, 1, 1))

AS_OF = Text("時点", "As of")
CONTACT = Text("担当", "Contact")
PHONE = Text("電話", "Phone")
TOP_SHORT = Text("不足の大きい資源（不足率の高い順、{shown} / {total} 件）",
                 "Largest shortfalls (by share of the need not covered, {shown} of {total})")
SEE_PAGE = Text("全件は p. {page}「{title}」。", "All of them: p. {page}, {title}.")
TRANSFERS = Text("移送: 提案 {proposed} 件・確定 {committed} 件",
                 "Transfers: {proposed} proposed, {committed} committed")
REQUESTS = Text("要請", "Requests")
FRESHNESS = Text("連携先データの鮮度: {total} 団体のうち要確認 {stale} 団体（{hours} 時間以上更新なし）",
                 "Partners' data: {stale} of {total} stale (nothing new for {hours} hours or more)")
ALL_FRESH = Text("すべての連携先から {hours} 時間以内にデータを受信しています。",
                 "Every partner sent data within the last {hours} hours.")
NO_PARTNERS = Text("連携先なし", "No partners")
NEVER = Text("受信なし", "never")
ELAPSED = Text("経過", "Age")
HOURS = Text("{n} 時間", "{n} h")
DAYS = Text("{n} 日", "{n} days")
COUNT = Text("{label} {n} 件", "{label}: {n}")
MORE_ROWS = Text("ほか {n} 件", "{n} more")


def _quantity(value: int, unit: str) -> str:
    return f"{value:,} {unit}".strip()


def _col(key: str, ja: str, en: str, type_: str, get, pdf: float) -> Column:
    return Column(key, Text(ja, en), type_, "", get, pdf)


def _place_name(data: ReportData):
    # One prefecture: the town name is enough; across prefectures the prefecture says which 府中市 it is.
    prefectures = ({s.place.prefecture for s in data.shortfalls} | {data.meta.subject.prefecture}
                   | {t.origin.prefecture for t in data.transfers} | {t.destination.prefecture for t in data.transfers}
                   | {f.place.prefecture for f in data.freshness})
    return (lambda p: p.name) if len(prefectures) == 1 else (lambda p: p.label)


def shortfall_table(data: ReportData, rows: Sequence[ShortfallLine]) -> Table:
    name = _place_name(data)
    return Table("summary_shortfalls", SECTIONS["top_shortfalls"], (
        _col("place", "市区町村", "Municipality", "text", lambda r, _l: name(r.place), 1.5),
        _col("resource", "品目", "Resource", "text", lambda r, lang: r.resource.name(lang), 2.6),
        _col("need", "必要数", "Need", "measure", lambda r, _l: _quantity(r.need, r.resource.unit), 1.1),
        _col("available", "確保数", "Available", "measure",
             lambda r, _l: _quantity(r.available, r.resource.unit), 1.1),
        _col("shortfall", "不足数", "Shortfall", "measure",
             lambda r, _l: _quantity(r.shortfall, r.resource.unit), 1.1),
    ), rows)


def ranked_transfers(data: ReportData) -> list[TransferLine]:
    """Committed first, then those that go where the shortfall is worst (the top-shortfall ranking)."""
    ratio = {(s.place.code, s.resource.code): s.ratio for s in data.shortfalls}
    return sorted(data.transfers, key=lambda t: (t.status != "committed",
                                                 -ratio.get((t.destination.code, t.resource.code), 0.0),
                                                 -t.quantity, t.resource.code, t.origin.code))


def transfer_table(data: ReportData, rows: Sequence[TransferLine]) -> Table:
    name = _place_name(data)
    return Table("summary_transfers", SECTIONS["transfers"], (
        _col("status", "状態", "Status", "text", lambda r, lang: labels.status(r.status, lang), 0.7),
        _col("resource", "品目", "Resource", "text", lambda r, lang: r.resource.name(lang), 2.4),
        _col("origin", "送り元", "From", "text", lambda r, _l: name(r.origin), 1.3),
        _col("destination", "送り先", "To", "text", lambda r, _l: name(r.destination), 1.3),
        _col("quantity", "数量", "Quantity", "measure", lambda r, _l: _quantity(r.quantity, r.resource.unit), 1.1),
        _col("km", "距離 km", "km", "float", lambda r, _l: r.km, 0.8),
    ), rows)


def _age(now: datetime, heard: datetime | None, language: str) -> str:
    if heard is None:
        return "—"  # the column beside says 受信なし
    hours = max(int((now - heard).total_seconds() // 3600), 0)
    return HOURS(language).format(n=hours) if hours < 48 else DAYS(language).format(n=hours // 24)


def _heard(heard: datetime | None, now: datetime, language: str) -> str:
    if heard is None:
        return NEVER(language)
    local = heard.astimezone(now.tzinfo)
    return f"{local.month}月{local.day}日 {local:%H:%M}" if language == "ja" else f"{local:%Y-%m-%d %H:%M}"


def stale_table(data: ReportData, rows: Sequence[PartnerFreshness]) -> Table:
    now = data.meta.generated_at
    name = _place_name(data)
    return Table("summary_freshness", SECTIONS["freshness"], (
        _col("place", "市区町村", "Municipality", "text", lambda r, _l: name(r.place), 2.0),
        _col("agreement", "協定", "Agreement", "text", lambda r, lang: labels.agreement(r.agreement, lang), 1.5),
        _col("heard", f"最新スナップショット作成 ({abbreviation(now)})", f"Last snapshot made ({abbreviation(now)})",
             "text", lambda r, lang: _heard(r.last_created_at, now, lang), 2.0),
        _col("age", ELAPSED.ja, ELAPSED.en, "measure", lambda r, lang: _age(now, r.last_created_at, lang), 1.0),
    ), rows)


def as_of_text(data: ReportData, language: str) -> str:
    when = data.meta.generated_at
    zone = f"{abbreviation(when)}（{offset(when)}）" if language == "ja" else f"{abbreviation(when)} ({offset(when)})"
    if language == "ja":
        return f"{era.western_ja(when.date())}（{era.era_ja(when.date())}）{when:%H:%M} {zone}"
    return f"{when:%Y-%m-%d %H:%M} {zone} ({era.era_ja(when.date())}, {era.era_en(when.date())})"


def contact_text(data: ReportData, language: str) -> str:
    contact = data.meta.contact
    if not contact:
        return labels.NOT_SET(language)
    person = " ".join(part for part in (contact.section, contact.name) if part)
    phone = f"{PHONE(language)} {contact.phone}" if contact.phone else ""
    return "　".join(part for part in (person, phone) if part) if language == "ja" else ", ".join(
        part for part in (person, phone) if part)


def _subject(data: ReportData, language: str) -> str:
    meta = data.meta
    if meta.scope == "prefecture":
        count = len(meta.partners) + 1
        return f"{meta.subject.prefecture}（{labels.MUNICIPALITIES(language).format(n=count)}）"
    return meta.subject.label


def _title(flow: Flow, data: ReportData, language: str) -> None:
    g = flow.geometry
    meta = data.meta
    if meta.drill:
        top = flow.y
        flow.ops.append((RECT, g.left, top, g.content_width, 12 * g.unit, "drill_fill"))
        flow.space(1.5)
        flow.paragraph(f"{labels.DRILL_BOTH}  —  {labels.DRILL_NOTICE(language)}", "drill", indent_mm=4)
        flow.y = top + 16 * g.unit
    number = number_text(meta.number, language)
    top = flow.y
    reserve = flow.width_of(number, "number") + 6 * g.unit if number else 0.0
    flow.paragraph(labels.TITLE(language), "title", after_mm=0.5, reserve=reserve)
    if number:
        ascent_y = top + flow.line_height("title") * 0.78
        flow.text(g.right - flow.width_of(number, "number"), ascent_y, number, "number")
    flow.paragraph(labels.TITLE("en" if language == "ja" else "ja"), "muted", after_mm=5)
    flow.paragraph(_subject(data, language), "subject", after_mm=3)
    flow.key_values([
        (AS_OF(language), as_of_text(data, language)),
        (CONTACT(language), contact_text(data, language)),
        (labels.SCOPE(language), labels.SCOPES[meta.scope](language)),
    ], key_mm=24)
    flow.space(3)


def _requests_line(data: ReportData, language: str) -> str:
    order = list(labels.ENUMS["request_status"])
    counts = sorted(data.requests, key=lambda r: order.index(r.status) if r.status in order else len(order))
    parts = [COUNT(language).format(label=labels.status(r.status, language), n=r.count) for r in counts if r.count]
    return ("、" if language == "ja" else ", ").join(parts) or labels.NONE(language)


def _more(flow: Flow, shown: int, total: int, language: str, see: str = "") -> None:
    text = MORE_ROWS(language).format(n=total - shown) if total > shown else ""
    text = " ".join(part for part in (text, see) if part)
    if text:
        flow.y -= 2.5 * flow.geometry.unit  # right under the table's closing rule
        flow.paragraph(text, "caption", after_mm=2.5)


def _contents(flow: Flow, toc: Sequence[tuple[str, int]], language: str) -> None:
    """Two columns: title ... page."""
    g = flow.geometry
    height = flow.line_height("toc")
    half = (len(toc) + 1) // 2
    block = half * height * 1.1
    flow.heading(labels.CONTENTS(language), "h2", keep_mm=block / g.unit)
    flow.ensure(block)  # drawn by hand below: make the page break (and the one-page check) see its height
    column = g.content_width / 2
    top = flow.y
    for i, (title, page) in enumerate(toc):
        x = g.left + (i // half) * column
        y = top + (i % half) * height * 1.1 + height * 0.8
        number = str(page)
        flow.text(x + 2 * g.unit, y, title, "toc")
        flow.text(x + column - 6 * g.unit - flow.width_of(number, "toc"), y, number, "toc")
    flow.y = top + block


def summary_page(flow: Flow, data: ReportData, language: str, toc: Sequence[tuple[str, int]],
                 limits: tuple[int, int, int]) -> None:
    top_n, transfers_n, stale_n = limits
    none = labels.NONE(language)
    hours = int(data.meta.stale_after.total_seconds() // 3600)
    pages = dict(toc)
    _title(flow, data, language)

    top = data.top_shortfalls(top_n)
    flow.heading(TOP_SHORT(language).format(shown=len(top), total=len(data.shortfalls)), "h2", keep_mm=12)
    flow.table(shortfall_table(data, top), language, empty=none)
    title = SECTIONS["shortfalls"](language)
    see = SEE_PAGE(language).format(page=pages[title], title=title) if title in pages and data.shortfalls else ""
    _more(flow, len(top), len(data.shortfalls), language, see)

    committed = sum(t.status == "committed" for t in data.transfers)
    flow.heading(TRANSFERS(language).format(proposed=len(data.transfers) - committed, committed=committed), "h2",
                 keep_mm=12)
    ranked = ranked_transfers(data)[:transfers_n]
    flow.table(transfer_table(data, ranked), language, empty=none)
    _more(flow, len(ranked), len(data.transfers), language)

    flow.heading(REQUESTS(language), "h2", keep_mm=8)
    flow.paragraph(_requests_line(data, language), "body", after_mm=3)

    stale = [f for f in data.freshness if f.stale]
    if not data.freshness:
        flow.heading(SECTIONS["freshness"](language), "h2", keep_mm=8)
        flow.paragraph(NO_PARTNERS(language), "body", after_mm=3)
    else:
        flow.heading(FRESHNESS(language).format(total=len(data.freshness), stale=len(stale), hours=hours), "h2",
                     keep_mm=8)
        if stale:
            # never heard from first, then the oldest
            shown = sorted(stale, key=lambda f: f.last_created_at.timestamp() if f.last_created_at else 0)[:stale_n]
            flow.table(stale_table(data, shown), language)
            _more(flow, len(shown), len(stale), language)
        else:
            flow.paragraph(ALL_FRESH(language).format(hours=hours), "body", after_mm=3)
    _contents(flow, toc, language)
