"""Japanese era (和暦) dates: the one era table, for report covers (令和8年11月23日) and for reading
the era dates people type into stock sheets (令和12年3月, R11.3, 平成31年4月30日).

Official documents in Japanese municipalities carry the era date; prefecture coordinators expect it.
Eras start on the day the new emperor acceded (the Gregorian dates the Cabinet Office uses); the first
year of an era is written 元年, never 1年.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Era:
    name_ja: str
    name_en: str
    start: date
    letter: str  # the one-letter abbreviation in dates such as R8.12.31


# Newest first, so the first era whose start is not after the date is the right one.
ERAS: tuple[Era, ...] = (
    Era("令和", "Reiwa", date(2019, 5, 1), "r"),
    Era("平成", "Heisei", date(1989, 1, 8), "h"),
    Era("昭和", "Showa", date(1926, 12, 25), "s"),
    Era("大正", "Taisho", date(1912, 7, 30), "t"),
    Era("明治", "Meiji", date(1873, 1, 1), "m"),  # Gregorian calendar adopted in Japan on Meiji 6-01-01
)
_BY_NAME = {key: e for e in ERAS for key in (e.name_ja, e.letter, e.name_en.casefold())}


@dataclass(frozen=True, slots=True)
class EraYear:
    era: Era
    year: int

    def year_ja(self) -> str:
        return f"{self.era.name_ja}{'元' if self.year == 1 else self.year}年"

    def year_en(self) -> str:
        return f"{self.era.name_en} {self.year}"


def era_year(day: date) -> EraYear:
    """The era and era year of a Gregorian date; ValueError before 1873 (the lunisolar calendar)."""
    if isinstance(day, datetime):
        day = day.date()
    for era in ERAS:
        if day >= era.start:
            return EraYear(era, day.year - era.start.year + 1)
    raise ValueError(f"{day.isoformat()} is before 1873; Japanese era dates are not supported there")


def western_ja(day: date) -> str:
    """2026年11月23日"""
    return f"{day.year}年{day.month}月{day.day}日"


def era_ja(day: date) -> str:
    """令和8年11月23日 (令和元年5月1日 in the first year)."""
    return f"{era_year(day).year_ja()}{day.month}月{day.day}日"


def era_en(day: date) -> str:
    """Reiwa 8 (2026), for the English cover next to the ISO date."""
    return era_year(day).year_en()


def era_by_name(name: str) -> Era | None:
    """令和 / R / reiwa (any case) -> the era; None if it is not one."""
    return _BY_NAME.get(name.casefold())


def gregorian_year(era: Era, year: int) -> int:
    """The Gregorian year of an era year (元年 is year 1): 令和8 -> 2026."""
    return era.start.year + year - 1
