from __future__ import annotations

from datetime import date, datetime

import pytest

from disastershare.core.era import era_en, era_ja, era_year, western_ja


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 11, 23), "令和8年11月23日"),
    (date(2019, 5, 1), "令和元年5月1日"),
    (date(2019, 4, 30), "平成31年4月30日"),
    (date(2020, 1, 1), "令和2年1月1日"),
    (date(1989, 1, 8), "平成元年1月8日"),
    (date(1989, 1, 7), "昭和64年1月7日"),
    (date(1926, 12, 25), "昭和元年12月25日"),
    (date(1926, 12, 24), "大正15年12月24日"),
])
def test_era_dates_switch_on_the_accession_day_and_the_first_year_is_gannen(day: date, expected: str) -> None:
    assert era_ja(day) == expected


def test_western_and_english_forms() -> None:
    day = date(2026, 11, 23)
    assert western_ja(day) == "2026年11月23日"
    assert era_en(day) == "Reiwa 8"
    assert era_en(date(2019, 5, 1)) == "Reiwa 1"
    assert era_year(datetime(2019, 4, 30, 23, 59)).era.name_ja == "平成"


def test_dates_before_the_gregorian_calendar_in_japan_are_refused() -> None:
    with pytest.raises(ValueError, match="before 1873"):
        era_ja(date(1872, 12, 31))
