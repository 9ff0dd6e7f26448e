"""Quantities as people type them into spreadsheets: full-width digits, thousands separators, units.

Parsing is deliberately strict: anything that is not clearly one whole, non-negative number is
refused with a reason, because a silently mis-read stock count is worse than a rejected row.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata

from disastershare.core.errors import ValidationError

MAX_QUANTITY = 10**12

# After NFKC: "－" is "-", but U+2212 and the accounting markers △ ▲ survive, so list them.
_NEGATIVE_MARKERS = "-\u2212\u2010\u2013\u2014\u2015△▲"
# Thousands separators must sit between groups of exactly three digits ("1,200", "1 200");
# "12,00" or "1.200" are refused rather than guessed at. A unit is letters only ("枚", "L", "回分").
_NUMBER = re.compile(
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?: ?(?P<unit>[^\W\d_]{1,12}\.?))?"
)


def _label(value: object) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


def _checked(n: int, original: object) -> int:
    if n < 0:
        raise ValidationError(f"quantity {_label(original)} cannot be negative", "quantity")
    if n > MAX_QUANTITY:
        raise ValidationError(f"quantity {_label(original)} is implausibly large (over 10^12)", "quantity")
    return n


def parse_quantity(value: str | int | float | None) -> int:
    """A whole, non-negative quantity; raises ValidationError with a one-line reason otherwise."""
    return parse_amount(value)[0]


def parse_amount(value: str | int | float | None) -> tuple[int, str]:
    """A whole, non-negative quantity and the unit written after it ('3ケース' -> (3, 'ケース'); '' if none)."""
    if value is None:
        raise ValidationError("quantity is empty", "quantity")
    if isinstance(value, bool):  # bool is an int subclass; True is not a stock count
        raise ValidationError(f"quantity {value} is not a number", "quantity")
    if isinstance(value, numbers.Integral):
        return _checked(int(value), value), ""
    if isinstance(value, numbers.Real):
        f = float(value)
        if not math.isfinite(f):
            raise ValidationError(f"quantity {value} is not a number", "quantity")
        if not f.is_integer():
            raise ValidationError(f"quantity {value} is not a whole number", "quantity")
        return _checked(int(f), value), ""
    if not isinstance(value, str):
        raise ValidationError(f"quantity {value!r} is not a number", "quantity")
    text = value.strip()
    if text.isascii() and text.isdigit():  # fast path: most cells are plain digits
        return _checked(int(text) if len(text) <= 15 else MAX_QUANTITY + 1, value), ""
    return _parse_text(value)


def _parse_text(original: str) -> tuple[int, str]:
    # NFKC folds full-width digits/commas/spaces; then unify the remaining space variants.
    text = " ".join(unicodedata.normalize("NFKC", original).split())
    if not text:
        raise ValidationError("quantity is empty", "quantity")
    negative = text[0] in _NEGATIVE_MARKERS
    body = text[1:].lstrip() if negative else text
    m = _NUMBER.fullmatch(body)
    if m is None:
        raise ValidationError(f"quantity '{original}' is not a number", "quantity")
    digits = m["int"].replace(",", "").replace(" ", "").lstrip("0") or "0"
    if m["frac"] and m["frac"].strip("0"):
        raise ValidationError(f"quantity '{original}' is not a whole number", "quantity")
    if len(digits) > 13:  # also keeps int() away from absurdly long digit strings
        raise ValidationError(f"quantity '{original}' is implausibly large (over 10^12)", "quantity")
    n = int(digits)
    if negative and n:
        raise ValidationError(f"quantity '{original}' cannot be negative", "quantity")
    return _checked(n, original), (m["unit"] or "").rstrip(".")


def format_quantity(n: int) -> str:
    """Thousands separated, ASCII: 1200 -> '1,200'."""
    return f"{n:,}"
