from __future__ import annotations

import pytest

from disastershare.core.codes import check_digit, validate_lgcode
from disastershare.core.errors import DomainError
from disastershare.core.reference_data import shipped_registry
from disastershare.core.registry import Municipality, merge_registry, parse_registry_csv


def test_check_digit_matches_known_codes() -> None:
    # 千代田区 131016, 札幌市 011002, 益城町 434434
    assert check_digit("13101") == 6
    assert check_digit("01100") == 2
    assert check_digit("43443") == 4


def test_every_shipped_code_has_a_valid_check_digit() -> None:
    registry = shipped_registry()
    assert len(registry) == 1916
    for m in registry:
        assert validate_lgcode(m.code) == m.code


@pytest.mark.parametrize(
    ("code", "reason"),
    [("13101", "6 digits"), ("1310167", "6 digits"), ("13101a", "6 digits"), ("１３１０１６", "6 digits"),
     ("131017", "check digit"), ("", "6 digits")],
)
def test_bad_codes_are_refused_with_a_reason(code: str, reason: str) -> None:
    with pytest.raises(DomainError, match=reason):
        validate_lgcode(code)


def test_require_refuses_valid_but_unknown_code() -> None:
    # 999997: check digit right (9*6+9*5+9*4+9*3+9*2=180, 180%11=4, 11-4=7) but no such municipality
    with pytest.raises(DomainError, match="not in the registry"):
        shipped_registry().require("999997")


def test_find_by_name_kana_katakana_and_code_prefix() -> None:
    registry = shipped_registry()
    assert registry.find("益城町")[0].code == "434434"
    assert registry.find("ましきまち")[0].code == "434434"
    assert registry.find("マシキマチ")[0].code == "434434"
    assert all(m.code.startswith("4344") for m in registry.find("4344"))
    assert registry.find("   ") == []
    # exact name hits come before substring hits
    assert registry.find("府中市")[0].name == "府中市"


def test_merge_keeps_vanished_codes_as_former() -> None:
    old = [Municipality("221309", "静岡県", "浜松市", "はままつし", 34.7, 137.7),
           Municipality("221317", "静岡県", "浜松市 中区", "はままつし なかく", 34.7, 137.7, True)]
    new = [Municipality("221309", "静岡県", "浜松市", "はままつし", 34.7, 137.7),
           Municipality("221384", "静岡県", "浜松市 中央区", "はままつし ちゅうおうく", 34.7, 137.7, True)]
    merged = {m.code: m for m in merge_registry(old, new)}
    assert merged["221317"].former is True
    assert merged["221384"].former is False
    assert merged["221309"].former is False


def test_registry_parser_refuses_wrong_columns_and_bad_codes() -> None:
    with pytest.raises(DomainError, match="missing columns"):
        parse_registry_csv("code,name\n131016,千代田区\n")
    header = "lgcode,prefecture,name,name_kana,lat,lon,is_ward\n"
    with pytest.raises(DomainError, match="line 2: municipality code 131017 has a wrong check digit"):
        parse_registry_csv(header + "131017,東京都,千代田区,ちよだく,35.6,139.7,0\n")
    with pytest.raises(DomainError, match="outside Japan"):
        parse_registry_csv(header + "131016,東京都,千代田区,ちよだく,0,0,0\n")
    with pytest.raises(DomainError, match="holds no municipalities"):
        parse_registry_csv(header)
