"""The report's tables as columns (labels in two languages, cell type, HXL hashtag) over ReportData rows.

One definition serves the three formats, so a column means the same in the PDF, the workbook and the CSV
files. `pdf` is the column's relative width in the PDF (0: shown only in XLSX/CSV, e.g. codes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from disastershare.reports import labels
from disastershare.reports.labels import Text
from disastershare.reports.model import JST, ReportData
from disastershare.reports.times import local, with_zone

CELL_TYPES = ("text", "int", "float", "date", "datetime", "bool", "measure")  # measure: "560 枚" (PDF summary)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: Text
    type: str
    hxl: str
    get: Callable[[Any, str], Any]  # (row, language) -> typed value (None for empty)
    pdf: float = 0.0

    @property
    def numeric(self) -> bool:
        return self.type in ("int", "float")


@dataclass(frozen=True, slots=True)
class Table:
    key: str  # file-name and sheet slug, stable across languages
    title: Text
    columns: tuple[Column, ...]
    rows: Sequence[Any]

    def without(self, *keys: str) -> Table:
        return replace(self, columns=tuple(c for c in self.columns if c.key not in keys))

    def pdf_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.pdf > 0)


def _in_zone(attr: str, as_of: datetime):
    """A getter giving row.<attr> in the report's zone (the zone of `as_of`, the report time)."""
    zone = as_of.tzinfo or JST
    return lambda r, _l: local(getattr(r, attr), zone)


def _time_col(key: str, ja: str, en: str, hxl: str, attr: str, as_of: datetime, pdf: float = 0.0) -> Column:
    """A date-time column whose header names the zone its times are in: 更新日時 (JST)."""
    return Column(key, Text(with_zone(ja, as_of), with_zone(en, as_of)), "datetime", hxl, _in_zone(attr, as_of),
                  pdf)


def _col(key: str, ja: str, en: str, type_: str, hxl: str, get: Callable[[Any, str], Any], pdf: float = 0.0):
    return Column(key, Text(ja, en), type_, hxl, get, pdf)


def _place_cols(attr: str, suffix: str = "", ja: str = "", en: str = "", pdf: float = 1.6,
                prefecture_pdf: float | None = None) -> list[Column]:
    """Code, prefecture and name of a municipality held in row.<attr>."""
    def at(row):
        return getattr(row, attr)
    tag = f"+{suffix}" if suffix else ""
    prefecture_width = pdf * 0.55 if prefecture_pdf is None else prefecture_pdf
    return [
        _col(f"{attr}_code", f"{ja}団体コード", f"{en}code".strip().capitalize(), "text", f"#adm2+code{tag}",
             lambda r, _l: at(r).code),
        _col(f"{attr}_prefecture", f"{ja}都道府県", f"{en}prefecture".strip().capitalize(), "text",
             f"#adm1+name{tag}", lambda r, _l: at(r).prefecture, prefecture_width),
        _col(f"{attr}_name", f"{ja}市区町村", f"{en}municipality".strip().capitalize(), "text",
             f"#adm2+name{tag}", lambda r, _l: at(r).name, pdf),
    ]


def _resource_cols(attr: str = "resource", pdf: float = 2.6, category: bool = False) -> list[Column]:
    def at(row):
        return getattr(row, attr)
    cols = [_col("category", "分類", "Category", "text", "#item+type",
                 lambda r, lang: labels.category(at(r).category, lang), 1.1)] if category else []
    return cols + [
        _col("resource_code", "品目コード", "Resource code", "text", "#item+code", lambda r, _l: at(r).code),
        _col("resource_name", "品目", "Resource", "text", "#item+name", lambda r, lang: at(r).name(lang), pdf),
        _col("unit", "単位", "Unit", "text", "#item+unit", lambda r, _l: at(r).unit, 0.55),
    ]


def _int(key: str, ja: str, en: str, hxl: str, attr: str | None = None, pdf: float = 0.9) -> Column:
    name = attr or key
    return _col(key, ja, en, "int", hxl, lambda r, _l: getattr(r, name), pdf)


def _expired(pdf: float = 0.9) -> Column:
    # Expired stock is on hand but not usable: shown beside 提供可能数 so the gap between the two is explained.
    return _int("expired", "期限切れ", "Expired", "#value+expired", pdf=pdf)


def totals_table(data: ReportData) -> Table:
    return Table("totals", labels.SECTIONS["totals"], tuple([
        *_resource_cols(category=True),
        _int("on_hand", "在庫数", "On hand", "#value+on_hand"),
        _int("usable", "提供可能数", "Usable", "#value+usable"),
        _expired(),
        _int("holders", "保有団体数", "Holders", "#meta+holders", pdf=0.8),
    ]), data.resource_totals)


def shortfall_table(rows: Sequence[Any]) -> Table:
    return Table("shortfalls", labels.SECTIONS["shortfalls"], tuple([
        *_place_cols("place"), *_resource_cols(),
        _int("need", "必要数", "Need", "#value+need"),
        _int("available", "確保数", "Available", "#value+available"),
        _int("shortfall", "不足数", "Shortfall", "#value+shortfall"),
    ]), rows)


def transfer_table(data: ReportData) -> Table:
    return Table("transfers", labels.SECTIONS["transfers"], tuple([
        _col("status", "状態", "Status", "text", "#status", lambda r, lang: labels.status(r.status, lang), 0.7),
        *_resource_cols(pdf=2.0),
        _int("quantity", "数量", "Quantity", "#value+quantity", pdf=0.8),
        *_place_cols("origin", "origin", "送り元", "from ", pdf=1.5, prefecture_pdf=0),
        *_place_cols("destination", "dest", "送り先", "to ", pdf=1.5, prefecture_pdf=0),
        _col("km", "距離 km", "km", "float", "#value+km", lambda r, _l: r.km, 0.8),
    ]), data.transfers)


def dispatch_table(data: ReportData) -> Table:
    return Table("dispatch", labels.SECTIONS["dispatch"], tuple([
        _col("work_code", "業務コード", "Work code", "text", "#item+code", lambda r, _l: r.work_type.code),
        _col("work_type", "業務", "Work type", "text", "#item+name", lambda r, lang: r.work_type.name(lang), 2.0),
        _int("headcount", "人数", "Headcount", "#value+headcount", pdf=0.7),
        *_place_cols("origin", "origin", "派遣元", "from ", pdf=1.3, prefecture_pdf=0),
        *_place_cols("destination", "dest", "派遣先", "to ", pdf=1.3, prefecture_pdf=0),
        _col("place", "活動場所", "Place", "text", "#loc+name", lambda r, _l: r.place, 1.4),
        _col("start", "開始日", "Start", "date", "#date+start", lambda r, _l: r.start, 1.0),
        _col("until", "帰還予定日", "Expected back", "date", "#date+end", lambda r, _l: r.until, 1.0),
    ]), data.dispatches)


def request_table(data: ReportData) -> Table:
    return Table("requests", labels.SECTIONS["requests"], (
        _col("status", "状態", "Status", "text", "#status", lambda r, lang: labels.status(r.status, lang), 2.0),
        _int("count", "件数", "Count", "#meta+count", pdf=1.0),
    ), data.requests)


def freshness_table(data: ReportData) -> Table:
    return Table("freshness", labels.SECTIONS["freshness"], tuple([
        *_place_cols("place"),
        _col("agreement", "協定", "Agreement", "text", "#meta+agreement",
             lambda r, lang: labels.agreement(r.agreement, lang), 1.2),
        _col("sequence", "最新番号", "Last sequence", "int", "#meta+sequence", lambda r, _l: r.last_sequence, 0.8),
        _time_col("snapshot_at", "最新スナップショット作成", "Last snapshot made", "#date+snapshot", "last_created_at",
                  data.meta.generated_at, 1.5),
        _time_col("imported_at", "取込日時", "Imported", "#date+imported", "last_imported_at",
                  data.meta.generated_at, 1.5),
        _col("stale", "要確認", "Stale", "bool", "#status+stale", lambda r, _l: r.stale, 0.7),
    ]), data.freshness)


def prefecture_table(data: ReportData) -> Table:
    return Table("prefecture_totals", labels.SECTIONS["prefecture_totals"], tuple([
        _col("prefecture_code", "都道府県コード", "Prefecture code", "text", "#adm1+code",
             lambda r, _l: r.prefecture_code),
        _col("prefecture", "都道府県", "Prefecture", "text", "#adm1+name", lambda r, _l: r.prefecture, 1.0),
        *_resource_cols(pdf=2.4),
        _int("municipalities", "保有団体数", "Holders", "#meta+municipalities", pdf=0.8),
        _int("on_hand", "在庫数", "On hand", "#value+on_hand"),
        _int("usable", "提供可能数", "Usable", "#value+usable"),
        _expired(),
        _int("shortfall", "不足数", "Shortfall", "#value+shortfall"),
    ]), data.prefecture_totals)


def municipality_table(data: ReportData) -> Table:
    return Table("municipality_totals", labels.SECTIONS["municipality_totals"], tuple([
        *_place_cols("place", pdf=1.8),
        _int("resource_types", "品目数", "Resource types", "#meta+resource_types"),
        _int("records", "登録件数", "Records", "#meta+records"),
        _int("shortfall_resources", "不足品目数", "Resources short", "#meta+shortfall_resources"),
        _time_col("last_heard", "最新スナップショット", "Last snapshot", "#date+snapshot", "last_heard",
                  data.meta.generated_at, 1.5),
    ]), data.municipality_totals)


def stock_table(rows: Sequence[Any], as_of: datetime, key: str = "stock",
                title: Text = labels.SECTIONS["stock"]) -> Table:
    """`as_of`: the report time, whose zone the update times are shown in."""
    return Table(key, title, tuple([
        *_place_cols("place"), *_resource_cols(category=True, pdf=2.4),
        _int("on_hand", "在庫数", "On hand", "#value+on_hand", pdf=0.85),
        _int("reserved", "自己使用分", "Reserved", "#value+reserved", pdf=0.85),
        _col("usable", "提供可能数", "Usable", "int", "#value+usable", lambda r, _l: r.usable, 0.85),
        _expired(pdf=0.7),
        _int("records", "件数", "Records", "#meta+records", pdf=0),
        _col("expiry", "最短期限", "Earliest expiry", "date", "#date+expiry", lambda r, _l: r.earliest_expiry, 0.95),
        _time_col("updated_at", "更新日時", "Updated", "#date+updated", "updated_at", as_of),
    ]), rows)


def data_tables(data: ReportData) -> list[Table]:
    """Every table, in workbook / CSV order (the stock table, the longest, last)."""
    return [totals_table(data), shortfall_table(data.shortfalls), transfer_table(data), dispatch_table(data),
            request_table(data), freshness_table(data), prefecture_table(data), municipality_table(data),
            stock_table(data.stock, data.meta.generated_at)]


def with_drill_column(table: Table) -> Table:
    """Drill workspaces mark every CSV/XLSX row: a table copied out of the report stays marked."""
    mark = _col("drill", "訓練", "Drill", "text", "#meta+drill", lambda _r, lang: labels.DRILL(lang))
    return replace(table, columns=(mark, *table.columns))
