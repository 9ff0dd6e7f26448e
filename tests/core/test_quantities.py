from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disastershare.core.errors import ValidationError
from disastershare.core.quantities import MAX_QUANTITY, format_quantity, parse_quantity

FULL_WIDTH = str.maketrans("0123456789,. ", "０１２３４５６７８９，．\u3000")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0),
        (12, 12),
        (12.0, 12),
        ("12", 12),
        ("  12  ", 12),
        ("012", 12),
        ("12.0", 12),
        ("１，２００", 1200),
        ("1,200", 1200),
        ("1 200", 1200),
        ("1\u3000200", 1200),
        ("1\u202f200", 1200),
        ("12,345,678", 12_345_678),
        ("120枚", 120),
        ("30 L", 30),
        ("５台", 5),
        ("1,200個", 1200),
        ("3回分", 3),
        ("-0", 0),
        (str(MAX_QUANTITY), MAX_QUANTITY),
    ],
)
def test_accepts(value, expected):
    assert parse_quantity(value) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (None, "empty"),
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "not a number"),
        ("多数", "not a number"),
        ("約100", "not a number"),
        ("5~10", "not a number"),
        ("12,00", "not a number"),
        ("1,2,3", "not a number"),
        ("1 2", "not a number"),
        ("-5", "negative"),
        ("－５", "negative"),
        ("\u22125", "negative"),
        ("△5", "negative"),
        ("▲5", "negative"),
        ("▲ 1,200", "negative"),
        (-5, "negative"),
        (-5.0, "negative"),
        ("1.5", "whole"),
        ("１．５", "whole"),
        (1.5, "whole"),
        (MAX_QUANTITY + 1, "large"),
        ("10000000000000", "large"),
        ("9" * 5000, "large"),
        (float("nan"), "not a number"),
        (float("inf"), "not a number"),
        (True, "not a number"),
    ],
)
def test_refuses_with_reason(value, fragment):
    with pytest.raises(ValidationError) as err:
        parse_quantity(value)
    message = str(err.value)
    assert fragment in message
    assert "\n" not in message
    assert err.value.field == "quantity"


def test_message_quotes_the_cell():
    with pytest.raises(ValidationError, match="'多数'"):
        parse_quantity("多数")


@pytest.mark.parametrize(("n", "text"), [(0, "0"), (999, "999"), (1200, "1,200"), (10**9, "1,000,000,000")])
def test_format(n, text):
    assert format_quantity(n) == text


@st.composite
def written_quantities(draw) -> tuple[int, str]:
    """An integer as a person might type it: grouping, full-width, a unit, stray spaces."""
    n = draw(st.integers(min_value=0, max_value=MAX_QUANTITY))
    sep = draw(st.sampled_from(["", ",", " "]))
    text = f"{n:,}".replace(",", sep)
    if draw(st.booleans()):
        text = text.translate(FULL_WIDTH)
    unit = draw(st.sampled_from(["", "枚", "個", "L", " L", "台", "回分", " kg"]))
    pad = draw(st.sampled_from(["", " ", "\u3000"]))
    return n, f"{pad}{text}{unit}{pad}"


@given(written_quantities())
def test_any_written_integer_parses_back(case):
    n, text = case
    assert parse_quantity(text) == n


@given(st.text(alphabet="0123456789０１２３４５６７８９,，. 　枚個Lー△-", max_size=14))
def test_round_trip_for_any_accepted_string(text):
    try:
        n = parse_quantity(text)
    except ValidationError:
        return
    assert n >= 0
    assert parse_quantity(format_quantity(n)) == n
    assert parse_quantity(format_quantity(n).translate(FULL_WIDTH)) == n
