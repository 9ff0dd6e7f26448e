"""Dates as people type them into stock sheets: ISO, 年月日, 和暦 (令和8年12月31日, R8.12.31, 元年).

Stockpile lists usually give an expiry as a month only (令和12年3月, 2030/3): that means the last day
of the month, and the caller is told so (ParsedDate.month_only) so that the import plan can say it.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from disastershare.core.era import era_by_name, gregorian_year
from disastershare.core.errors import ValidationError

_SEP = r"[-/.]"
_TIME = r"(?:t?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_WESTERN_DAY = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}}){_TIME}|(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日?")
_WESTERN_MONTH = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})|(\d{{4}})年(\d{{1,2}})月")
# Era name or letter, year (digits or 元), then month and optionally day, in 年月日 or dotted form.
_ERA = re.compile(
    r"(令和|平成|昭和|[rhs])(\d{1,2}|元)(?:年(\d{1,2})月(?:(\d{1,2})日?)?|[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)"
)
EXAMPLES = "2026-12-31, 2026年12月31日, 令和8年12月31日, R8.12.31 or a month such as 令和12年3月"


@dataclass(frozen=True, slots=True)
class ParsedDate:
    day: date
    month_only: bool = False  # the text named a month; day is its last day


def _normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _build(text: str, year: int, month: int, day: int | None) -> ParsedDate:
    try:
        if day is None:
            return ParsedDate(date(year, month, calendar.monthrange(year, month)[1]), True)
        return ParsedDate(date(year, month, day))
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise ValidationError(f"'{text}' is not a valid date", "date") from exc


def parse_sheet_date(text: str) -> ParsedDate:
    """A day or a month; raises ValidationError naming the accepted forms otherwise."""
    norm = _normalise(text)
    if m := _WESTERN_DAY.fullmatch(norm):
        y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        return _build(text, int(y), int(mo), int(d))
    if m := _WESTERN_MONTH.fullmatch(norm):
        y, mo = (m[1], m[2]) if m[1] else (m[3], m[4])
        return _build(text, int(y), int(mo), None)
    if m := _ERA.fullmatch(norm):
        era = era_by_name(m[1])
        assert era is not None  # the pattern lists only known eras
        year = gregorian_year(era, 1 if m[2] == "元" else int(m[2]))
        month, day = (m[3], m[4]) if m[3] else (m[5], m[6])
        return _build(text, year, int(month), int(day) if day else None)
    raise ValidationError(f"'{text}' is not a date (use e.g. {EXAMPLES})", "date")


def parse_date(text: str) -> date:
    """A full date or a month (its last day); see parse_sheet_date."""
    return parse_sheet_date(text).day
