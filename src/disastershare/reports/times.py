"""Times in reports: one time zone per report, taken from the workspace, and every way a time is written.

The zone is the workspace setting `time_zone` (an IANA name, default Asia/Tokyo: the readers are Japanese
municipalities and prefectures, and the era date depends on the calendar day in Japan). zoneinfo needs a
tz database; Linux and macOS have one, Windows gets it from the `tzdata` wheel (a pandas dependency). If
Asia/Tokyo still cannot be loaded, the fixed UTC+09:00 offset is used: Japan has no daylight saving, so
that is exact. `settings set time_zone` refuses a name no tz database knows; one edited into settings.json
by hand is logged and Asia/Tokyo used, since a damaged setting must not stop a report in a disaster.

Every time a report shows goes through this module (PDF, XLSX, CSV, file names, the debriefing zip), so
the zone name beside a time is always the zone the time is in.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from disastershare.core.errors import DomainError

log = logging.getLogger(__name__)
SETTING = "time_zone"
DEFAULT_ZONE = "Asia/Tokyo"
FIXED_JST = timezone(timedelta(hours=9), "JST")


def zone_named(name: str | None) -> tzinfo:
    """The zone for an IANA name (None or "": Asia/Tokyo). DomainError for a name no database knows."""
    name = (name or DEFAULT_ZONE).strip()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name == DEFAULT_ZONE:
            return FIXED_JST  # no tz database on this machine: Japan's offset is fixed
        raise DomainError(f"unknown time zone '{name}' (use an IANA name such as {DEFAULT_ZONE})") from None


def report_zone(settings: Mapping[str, Any]) -> tzinfo:
    """The workspace's report time zone (settings.json `time_zone`, default Asia/Tokyo)."""
    value = settings.get(SETTING)
    try:
        return zone_named(value if isinstance(value, str) else None)
    except DomainError as exc:
        log.warning("report times in %s: %s", DEFAULT_ZONE, exc)
        return zone_named(DEFAULT_ZONE)


def local(moment: datetime | None, zone: tzinfo) -> datetime | None:
    """`moment` in `zone`; a naive value is taken as UTC (how the store keeps every time)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)


def abbreviation(moment: datetime) -> str:
    """The zone's short name at `moment` ("JST"), else its offset ("UTC+09:00")."""
    name = moment.tzname()
    return name if name and not name.startswith(("+", "-")) else offset(moment)


def offset(moment: datetime) -> str:
    delta = moment.utcoffset() or timedelta(0)
    sign = "-" if delta < timedelta(0) else "+"
    minutes = abs(int(delta.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zone_text(moment: datetime) -> str:
    """'JST (UTC+09:00)': what a report says about its times."""
    short, full = abbreviation(moment), offset(moment)
    return short if short == full else f"{short} ({full})"


def minutes_text(moment: datetime | None) -> str:
    """'2026-12-03 14:30' (table cells: Excel and LibreOffice parse this form as a date-time)."""
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M}"


def seconds_text(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M:%S}"


def file_stamp(moment: datetime) -> str:
    """'20261203-1430' for file names (no colon: Windows refuses one)."""
    return f"{moment:%Y%m%d-%H%M}"


def with_zone(label: str, moment: datetime) -> str:
    """A column header naming the zone its times are in: '更新日時 (JST)'."""
    return f"{label} ({abbreviation(moment)})"
