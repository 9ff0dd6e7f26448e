from __future__ import annotations

import pytest

from disastershare.core.catalog import Catalog, ResourceKind, ResourceType
from disastershare.core.name_matching import ACCEPT_RATIO, CatalogMatcher, NameMatch


@pytest.fixture(scope="module")
def matcher(catalog: Catalog) -> CatalogMatcher:
    return CatalogMatcher(catalog)


def _type(code: str, name_ja: str, name_en: str = "") -> ResourceType:
    return ResourceType(code, ResourceKind.SUPPLY, name_ja, name_en or code, "個", "test")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("S-BLANKET", "S-BLANKET"),
        ("s-blanket", "S-BLANKET"),
        ("Ｓ－ＢＬＡＮＫＥＴ", "S-BLANKET"),
        (" e-generator ", "E-GENERATOR"),
        ("毛布", "S-BLANKET"),
        ("Blankets", "S-BLANKET"),
        ("BLANKETS", "S-BLANKET"),
        ("ﾀｵﾙ", "S-TOWEL"),  # half-width katakana
        ("たおる", "S-TOWEL"),  # hiragana folds with katakana
        ("ブルー シート", "S-TARP"),
        ("ランタン懐中電灯", "E-LANTERN"),  # catalog has ランタン・懐中電灯
        ("毛布（災害用）", "S-BLANKET"),
        ("発電機(2kVA)", "E-GENERATOR"),
        ("飲料水", "S-WATER"),  # catalog: 飲料水（保存水）
        ("飲料水（保存水）", "S-WATER"),
        ("Fuel", "S-FUEL"),  # catalog: Fuel (petrol and diesel)
        ("保健師", "P-PHN"),
    ],
)
def test_exact_matches(matcher, text, code):
    assert matcher.match(text) == NameMatch(code, 1.0, True)


@pytest.mark.parametrize(
    ("text", "code"),
    [("段ボールペッド", "E-BED"), ("Generater", "E-GENERATOR"), ("S-BLANKT", "S-BLANKET"), ("blankeet", "S-BLANKET")],
)
def test_near_matches_are_accepted_but_marked(matcher, text, code):
    found = matcher.match(text)
    assert found is not None
    assert found.code == code
    assert found.exact is False
    assert ACCEPT_RATIO <= found.score < 1.0


def test_below_threshold_is_only_a_suggestion(matcher):
    assert matcher.match("発電器") is None
    suggestion = matcher.suggest("発電器")
    assert suggestion is not None
    assert suggestion.code == "E-GENERATOR"
    assert suggestion.score < ACCEPT_RATIO
    assert suggestion.exact is False


@pytest.mark.parametrize("text", ["xyz123", "多数", "", "   ", "・"])
def test_nothing_close(matcher, text):
    assert matcher.match(text) is None
    assert matcher.suggest(text) is None


def test_names_shared_after_removing_brackets_are_ambiguous(matcher):
    # "Infant formula (powder)" and "Infant formula (liquid)": no guess between them.
    assert matcher.match("Infant formula") is None
    result = matcher.lookup("Infant formula")
    assert result.ambiguous == ("S-MILK-LIQUID", "S-MILK-POWDER")
    assert result.suggestion is not None and result.suggestion.code in result.ambiguous


def test_equal_near_scores_give_no_match():
    m = CatalogMatcher(Catalog([_type("L-A", "防災用毛布セットA"), _type("L-B", "防災用毛布セットB")]))
    assert m.match("防災用毛布セットC") is None
    assert m.lookup("防災用毛布セットC").ambiguous == ("L-A", "L-B")
    assert m.suggest("防災用毛布セットC") is not None


def test_exact_beats_near():
    m = CatalogMatcher(Catalog([_type("L-GEN", "発電機"), _type("L-GEN-BIG", "発電機大")]))
    assert m.match("発電機") == NameMatch("L-GEN", 1.0, True)
    assert m.match("発電機大") == NameMatch("L-GEN-BIG", 1.0, True)


def test_local_types_match_by_code_and_name(catalog):
    local = ResourceType("131016-KIT", ResourceKind.SUPPLY, "衛生キット", "Hygiene kit", "組", "hygiene", "131016")
    m = CatalogMatcher(catalog.with_types([local]))
    assert m.match("131016-kit") == NameMatch("131016-KIT", 1.0, True)
    assert m.match("衛生キット") == NameMatch("131016-KIT", 1.0, True)


def test_results_are_cached_per_input(matcher):
    first = matcher.lookup("段ボールベット")
    assert matcher.lookup("段ボールベット") is first


def test_describe_for_suggestions(matcher):
    assert matcher.describe("S-BLANKET") == "S-BLANKET 毛布"
    assert matcher.describe("NOPE") == "NOPE"
