"""Dates from stock sheets: days and months, western and era (one era table)."""

from __future__ import annotations

from datetime import date

import pytest

from disastershare.core.dates import parse_sheet_date
from disastershare.core.era import ERAS, era_by_name, gregorian_year
from disastershare.core.errors import DomainError


@pytest.mark.parametrize(
    ("text", "day"),
    [("令和12年3月", date(2030, 3, 31)), ("R11.3", date(2029, 3, 31)), ("2030年3月", date(2030, 3, 31)),
     ("2030/3", date(2030, 3, 31)), ("R12.2", date(2030, 2, 28)), ("令和元年5月", date(2019, 5, 31)),
     ("２０２８年２月", date(2028, 2, 29)), ("H31.4", date(2019, 4, 30))],
)
def test_a_month_means_its_last_day_and_says_so(text, day):
    parsed = parse_sheet_date(text)
    assert parsed.day == day
    assert parsed.month_only


@pytest.mark.parametrize(("text", "day"), [("令和元年5月1日", date(2019, 5, 1)), ("S50.1.1", date(1975, 1, 1)),
                                           ("2026-12-31", date(2026, 12, 31))])
def test_full_dates_are_not_month_only(text, day):
    assert parse_sheet_date(text) == type(parse_sheet_date(text))(day, False)


def test_one_era_table_serves_reading_and_writing():
    for era in ERAS:
        assert era_by_name(era.name_ja) is era
        assert era_by_name(era.letter.upper()) is era
    assert gregorian_year(era_by_name("令和"), 8) == 2026


@pytest.mark.parametrize("text", ["2030/13", "令和12年13月", "R", "来月"])
def test_bad_months_are_refused(text):
    with pytest.raises(DomainError):
        parse_sheet_date(text)
