"""What the report is, as label/value rows: the XLSX 'report' sheet and the `-report.csv` file (one list,
so the two formats describe a report the same way), all in the report's language."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from disastershare.core import era
from disastershare.reports import labels
from disastershare.reports.model import ReportData
from disastershare.reports.numbering import number_text
from disastershare.reports.tables import Table
from disastershare.reports.times import with_zone, zone_text


def sheet_name(table: Table, language: str) -> str:
    return labels.SHORT_TITLES.get(table.key, table.title)(language)


def zone_description(when: datetime) -> str:
    """'JST (UTC+09:00) Asia/Tokyo': the short name and offset, and the IANA name when there is one."""
    key = getattr(when.tzinfo, "key", None)
    return f"{zone_text(when)} {key}" if key else zone_text(when)


def about_rows(data: ReportData, language: str, tables: Iterable[Table], hxl: bool = False) -> list[list[Any]]:
    """[label, value] rows; the report time is a datetime in the report's zone (naive: Excel has no zones)."""
    meta = data.meta
    when = meta.generated_at
    unset = labels.NOT_SET(language)
    contact = meta.contact
    rows: list[list[Any]] = [
        [labels.TITLE(language), ""],
        [labels.NUMBER(language), number_text(meta.number, language) or labels.NONE(language)],
        [labels.SUBJECT(language), f"{meta.subject.label} ({meta.subject.code})"],
        [labels.SCOPE(language), labels.SCOPES[meta.scope](language)],
        [with_zone(labels.REPORT_TIME(language), when), when.replace(tzinfo=None)],
        [labels.ERA_DATE(language), era.era_ja(when.date()) if language == "ja" else era.era_en(when.date())],
        [labels.TIME_ZONE(language), zone_description(when)],
        [labels.CONTACT_SECTION(language), contact.section or unset],
        [labels.CONTACT_NAME(language), contact.name or unset],
        [labels.CONTACT_PHONE(language), contact.phone or unset],
        [labels.DRILL(language), labels.DRILL_NOTICE(language) if meta.drill else labels.NONE(language)],
        [labels.WORKSPACE(language), meta.workspace],
        ["DisasterShare", meta.app_version],
        [labels.STALE_AFTER(language), int(meta.stale_after.total_seconds() // 3600)],
    ]
    if hxl:
        rows.append([labels.HXL_ROW(language), labels.HXL_EXPLAINED(language)])
    rows.append(["", ""])
    rows += [[sheet_name(t, language), len(t.rows)] for t in tables]
    rows.append(["", ""])
    rows.append([f"{labels.PARTNERS(language)} ({len(meta.partners)})", ""])
    rows += [[p.code, p.label] for p in meta.partners]
    return rows
