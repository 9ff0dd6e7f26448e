"""Units and pack sizes: a written quantity becomes the catalog unit exactly, or the row asks for more."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disastershare.core.units import (
    UnitConversionError,
    accepts,
    convert,
    format_number,
    pack_info,
    unit_key,
)


@pytest.mark.parametrize(
    ("name", "unit", "base", "factor", "explained"),
    [
        ("保存水（500ml）", "本", "L", Fraction(1, 2), "2,400 本 × 0.5 L = 1,200 L"),
        ("保存水 2L×6本", "ケース", "L", Fraction(12), "2,400 ケース × 6 本 × 2 L = 28,800 L"),
        ("保存水500ml×24本", "ｹｰｽ", "L", Fraction(12), "2,400 ｹｰｽ × 24 本 × 0.5 L = 28,800 L"),
        ("液体ミルク 1ケース24本", "ケース", "本", Fraction(24), "2,400 ケース × 24 本 = 57,600 本"),
        ("毛布 10枚入", "箱", "枚", Fraction(10), "2,400 箱 × 10 枚 = 24,000 枚"),
        ("飲料水", "ml", "L", Fraction(1, 1000), "2,400 ml × 0.001 L = 2.4 L"),
        ("飲料水", "㍑", "L", Fraction(1), "2,400 ㍑ × 1 L = 2,400 L"),
        ("毛布", "枚", "枚", Fraction(1), ""),
        ("毛布", "", "枚", Fraction(1), ""),
        ("毛布", "pcs", "枚", Fraction(1), "2,400 pcs = 2,400 枚"),
    ],
)
def test_conversions_are_exact_and_explained(name, unit, base, factor, explained):
    conversion = convert(unit, base, {}, pack_info(name))
    assert conversion.factor == factor
    assert conversion.explain(2400, unit, base) == explained


def test_a_listed_synonym_converts():
    conversion = convert("回", "回分", {unit_key("回"): Fraction(1)}, pack_info("携帯トイレ"))
    assert conversion.factor == 1
    assert conversion.explain(1500, "回", "回分") == "1,500 回 = 1,500 回分"


@pytest.mark.parametrize(
    ("name", "unit", "base", "kind"),
    [
        ("毛布", "箱", "枚", "pack_size"),  # a box of blankets with no 入数 is never counted as one blanket
        ("保存水500ml", "ケース", "L", "pack_size"),  # bottle size known, bottles per case not
        ("保存水", "本", "L", "pack_size"),  # a bottle of unknown size
        ("飲料水", "kg", "L", "incompatible"),
        ("保存水（500ml）", "箱", "L", "pack_size"),
    ],
)
def test_units_that_cannot_be_converted_ask_for_the_pack_size(name, unit, base, kind):
    with pytest.raises(UnitConversionError) as caught:
        convert(unit, base, {}, pack_info(name))
    assert caught.value.kind == kind


def test_the_officers_pack_size_decides():
    assert convert("箱", "枚", {}, pack_info("毛布"), Fraction(10)).factor == 10


def test_accepts_tells_same_named_types_apart():
    assert accepts("回分", "回分", {})
    assert not accepts("台", "回分", {unit_key("回"): Fraction(1)})
    assert accepts("ml", "L", {})
    assert not accepts("ケース", "L", {})


@pytest.mark.parametrize(("value", "text"), [(Fraction(1, 2), "0.5"), (Fraction(1, 3), "1/3"), (1200, "1,200"),
                                             (Fraction(12345, 100), "123.45")])
def test_numbers_are_shown_exactly(value, text):
    assert format_number(value) == text


@given(quantity=st.integers(min_value=0, max_value=10**9),
       millilitres=st.sampled_from([100, 250, 280, 330, 350, 500, 1000, 1500, 2000]),
       per_case=st.integers(min_value=1, max_value=48))
def test_any_accepted_quantity_times_unit_converts_exactly(quantity, millilitres, per_case):
    name = f"保存水 {millilitres}ml×{per_case}本"
    bottle = convert("本", "L", {}, pack_info(name))
    case = convert("ケース", "L", {}, pack_info(name))
    assert bottle.factor == Fraction(millilitres, 1000)
    assert case.factor == Fraction(millilitres * per_case, 1000)
    # exact rational arithmetic: a case is exactly per_case bottles, whatever the numbers
    assert quantity * case.factor == quantity * per_case * bottle.factor
    total = quantity * bottle.factor
    if total.denominator == 1:
        assert int(total) * 1000 == quantity * millilitres
