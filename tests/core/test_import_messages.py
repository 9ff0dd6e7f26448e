"""Every import message code has an English and a Japanese template taking the same parameters."""

from __future__ import annotations

import string

import pytest

from disastershare.core.import_messages import TEMPLATES, Message

# Where Japanese names what English shows as codes (no codes where a name is meant, in Japanese).
_SAME_FACT = {"ambiguous_name": ({"codes"}, {"names"})}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_both_languages_take_the_same_parameters(code):
    en, ja = TEMPLATES[code]
    only_en, only_ja = _SAME_FACT.get(code, (set(), set()))
    assert _fields(en) - only_en == _fields(ja) - only_ja
    params = {name: "x" for name in _fields(en) | _fields(ja)}
    assert Message(code, params).text("en") and Message(code, params).text("ja")
    assert not any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in en), "English has Japanese"


def test_field_names_are_translated():
    msg = Message("text_too_long", {"field": "note", "limit": 4000})
    assert msg.text("en") == "note is longer than 4000 characters"
    assert msg.text("ja") == "備考が4000文字を超えています"
