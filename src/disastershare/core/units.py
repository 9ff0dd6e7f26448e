"""Units and pack sizes: how many of the catalog unit a written quantity is.

A stock sheet counts water in 本 of 500 ml, blankets in 箱 of 10, toilets in 回 or 台. The catalog counts
each type in one base unit (L, 枚, 回分). A quantity is converted only when the factor is known exactly:
a synonym listed for the type (resource_units.csv), a measure of the same dimension (ml -> L), a piece
size stated in the item name (保存水（500ml） in 本), a pack count stated in the name, a pack-size column
or by the officer (1ケース24本, 24本入, 2L×6本). Anything else is a problem that asks for the pack size:
a unit the app cannot convert is never counted as if it were the catalog unit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

# Measures: dimension and size in the dimension's reference unit (L for volume, kg for mass).
_MEASURES: dict[str, tuple[str, Fraction]] = {
    "l": ("volume", Fraction(1)), "リットル": ("volume", Fraction(1)), "ml": ("volume", Fraction(1, 1000)),
    "ミリリットル": ("volume", Fraction(1, 1000)), "cc": ("volume", Fraction(1, 1000)),
    "kl": ("volume", Fraction(1000)), "kg": ("mass", Fraction(1)), "キロ": ("mass", Fraction(1)),
    "キログラム": ("mass", Fraction(1)), "g": ("mass", Fraction(1, 1000)), "グラム": ("mass", Fraction(1, 1000)),
    "t": ("mass", Fraction(1000)), "トン": ("mass", Fraction(1000)),
}
# Units that hold several pieces: their size must be stated (入数) before they can be counted.
PACK_UNITS = frozenset({"ケース", "cs", "c/s", "case", "箱", "函", "box", "梱", "カートン", "ctn", "パック",
                        "pack", "段ボール", "ダンボール", "セット入"})
# Counters that mean "one of whatever the base counts" (pcs, 個, 点) when the base is a count, not a measure.
GENERIC_COUNTS = frozenset({"pcs", "pc", "piece", "pieces", "ea", "each", "個", "コ", "点"})
_PIECE_UNITS = "本|個|枚|缶|袋|食|包|巻|ロール|パック|箱|個入|本入|枚入"
_NUMBER = r"\d+(?:\.\d+)?"
_MEASURE_WORDS = "ml|l|cc|kg|g|リットル|ミリリットル"
# A piece size: 500ml, 2L, 1.5リットル (not followed by another letter: "2lb" is not 2 L).
_PIECE_MEASURE = re.compile(rf"({_NUMBER})\s*({_MEASURE_WORDS})(?![a-z])")
# Pieces per pack: 1ケース24本, 24本入り, ×24本, x6本, 24本/ケース, 入数24.
_PACK_COUNT = re.compile(
    rf"(?:[x×*]\s*(\d+)\s*({_PIECE_UNITS})?)"
    rf"|(?:(\d+)\s*({_PIECE_UNITS})\s*(?:入り?|/\s*(?:ケース|箱|cs)))"
    rf"|(?:(?:1\s*)?(?:ケース|箱|cs)\s*(?:あたり)?\s*(\d+)\s*({_PIECE_UNITS}))"
    rf"|(?:入数\s*(\d+)\s*({_PIECE_UNITS})?)"
)


@lru_cache(maxsize=4096)
def unit_key(unit: str) -> str:
    """NFKC, case-folded, no spaces or trailing '.': 'ｹｰｽ' -> 'ケース', 'ℓ' -> 'l', '㍑' -> 'リットル'."""
    text = "".join(unicodedata.normalize("NFKC", unit).casefold().split()).rstrip(".")
    return text.replace("ℓ", "l")


def measure(unit: str) -> tuple[str, Fraction] | None:
    return _MEASURES.get(unit_key(unit))


@dataclass(frozen=True, slots=True)
class PackInfo:
    """What an item name says about its packaging: 保存水（500ml×24本） -> 0.5 L pieces, 24 per pack."""

    piece_size: Fraction | None = None  # in the dimension's reference unit (L or kg)
    piece_dimension: str | None = None
    piece_measure_text: str = ""  # as written, for the explanation ("500ml")
    pieces_per_pack: int | None = None
    piece_unit: str = ""  # 本 in "24本入"


def pack_info(name: str) -> PackInfo:
    text = unicodedata.normalize("NFKC", name).casefold()
    size = dimension = None
    measure_text = ""
    if m := _PIECE_MEASURE.search(text):
        dimension, ref = _MEASURES[unit_key(m[2])]
        size = Fraction(m[1]) * ref
        measure_text = m[0].replace(" ", "")
    count = None
    piece_unit = ""
    if m := _PACK_COUNT.search(text):
        groups = m.groups()
        for i in range(0, len(groups), 2):
            if groups[i]:
                count, piece_unit = int(groups[i]), groups[i + 1] or ""
                break
    return PackInfo(size, dimension, measure_text, count if count else None, piece_unit)


@dataclass(frozen=True, slots=True)
class Conversion:
    """factor base units per written unit, and the steps that explain it ('× 24 本 × 0.5 L')."""

    factor: Fraction
    steps: tuple[str, ...] = ()

    def explain(self, quantity: int, unit: str, base: str) -> str:
        """'2,400 本 × 0.5 L = 1,200 L'; '' when nothing was converted."""
        if self.factor == 1 and not self.steps:
            return "" if unit_key(unit) in ("", unit_key(base)) else f"{quantity:,} {unit} = {quantity:,} {base}"
        total = quantity * self.factor
        steps = " ".join(self.steps) if self.steps else f"× {format_number(self.factor)} {base}"
        return f"{quantity:,} {unit} {steps} = {format_number(total)} {base}"


class UnitConversionError(Exception):
    """The unit cannot be converted without more information (kind says which)."""

    def __init__(self, kind: str, unit: str, base: str) -> None:
        super().__init__(kind)
        self.kind, self.unit, self.base = kind, unit, base  # kind: "pack_size" | "incompatible"


def format_number(value: Fraction | int) -> str:
    """1200 -> '1,200'; 1/2 -> '0.5'; 1/3 -> '1/3' (exact, never a rounded float)."""
    value = Fraction(value)
    if value.denominator == 1:
        return f"{value.numerator:,}"
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    whole, rest = divmod(abs(value.numerator), value.denominator)
    digits = ""
    while rest:
        rest *= 10
        q, rest = divmod(rest, value.denominator)
        digits += str(q)
    sign = "-" if value < 0 else ""
    return f"{sign}{whole:,}.{digits}"


def _measure_ratio(unit: str, base: str) -> Fraction | None:
    a, b = measure(unit), measure(base)
    if a and b and a[0] == b[0]:
        return a[1] / b[1]
    return None


def convert(unit: str, base: str, alternatives: Mapping[str, Fraction], info: PackInfo,
            pack_size: Fraction | None = None) -> Conversion:
    """How many `base` one `unit` is, for an item whose name told `info`.

    alternatives: the type's fixed synonyms (unit_key -> factor); pack_size: base units per `unit` given
    by the officer (or a pack-size column, as pieces per pack). Raises UnitConversionError when it is not known.
    """
    key, base_key = unit_key(unit), unit_key(base)
    if not key or key == base_key:
        return Conversion(Fraction(1))
    if key in alternatives:
        factor = alternatives[key]
        return Conversion(factor, () if factor == 1 else (f"× {format_number(factor)} {base}",))
    ratio = _measure_ratio(key, base_key)
    if ratio is not None:
        return Conversion(ratio, (f"× {format_number(ratio)} {base}",))
    if measure(key) is not None:
        raise UnitConversionError("incompatible", unit, base)
    if pack_size is not None:
        return Conversion(Fraction(pack_size), (f"× {format_number(pack_size)} {base}",))
    if key in GENERIC_COUNTS and measure(base_key) is None and not (
            info.pieces_per_pack and unit_key(info.piece_unit) != key):
        return Conversion(Fraction(1))
    piece = _piece_factor(base, alternatives, info)
    if key in PACK_UNITS:
        if info.pieces_per_pack and piece is not None:
            factor = info.pieces_per_pack * piece.factor
            return Conversion(factor, (f"× {info.pieces_per_pack} {info.piece_unit or base}", *piece.steps))
        raise UnitConversionError("pack_size", unit, base)
    # A piece unit (本, 個) of something counted in a measure: the name must state the piece size.
    if measure(base_key) is not None and info.piece_size is not None and info.piece_dimension == measure(base_key)[0]:
        factor = info.piece_size / measure(base_key)[1]
        return Conversion(factor, (f"× {format_number(factor)} {base}",))
    if info.pieces_per_pack and key == unit_key(info.piece_unit) and piece is not None:
        return Conversion(piece.factor, piece.steps)
    raise UnitConversionError("pack_size", unit, base)


def _piece_factor(base: str, alternatives: Mapping[str, Fraction], info: PackInfo) -> Conversion | None:
    """Base units per piece inside a pack: the stated piece size, or the piece unit's own factor."""
    base_key, base_measure = unit_key(base), measure(base)
    if base_measure is not None:
        if info.piece_size is not None and info.piece_dimension == base_measure[0]:
            factor = info.piece_size / base_measure[1]
            return Conversion(factor, (f"× {format_number(factor)} {base}",))
        return None
    piece_key = unit_key(info.piece_unit)
    if not piece_key or piece_key == base_key:
        return Conversion(Fraction(1))
    if piece_key in alternatives:
        return Conversion(alternatives[piece_key])
    return None


def accepts(unit: str, base: str, alternatives: Mapping[str, Fraction]) -> bool:
    """Whether a type counted in `base` can be counted in `unit` without further information."""
    key, base_key = unit_key(unit), unit_key(base)
    return (key == base_key or key in alternatives or _measure_ratio(key, base_key) is not None
            or (key in GENERIC_COUNTS and measure(base_key) is None))


def parse_alternatives(rows: list[tuple[str, str, str]]) -> dict[str, dict[str, Fraction]]:
    """resource_units.csv rows (code, unit, per_unit) -> code -> {unit_key: factor}."""
    table: dict[str, dict[str, Fraction]] = {}
    for code, unit, per_unit in rows:
        factor = Fraction(per_unit)
        if factor <= 0:
            raise ValueError(f"{code} {unit}: per_unit must be positive")
        table.setdefault(code, {})[unit_key(unit)] = factor
    return table
