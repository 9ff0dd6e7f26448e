"""Match the resource names people write in spreadsheets to catalog codes.

Order of trust: exact code, a name this workspace has learned (the officer resolved it before, or
--map), exact name / alias (別名) / reading (よみ), the same with parenthesised parts and pack sizes
removed, then near matches (rapidfuzz's normalised Indel ratio, the same measure as difflib's ratio at
a fraction of the cost). A guess between two equally good candidates is never made: the unit written
decides where it can (簡易トイレ in 回分 is 携帯トイレ, in 台 the assembled kind), else the tie is reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from disastershare.core.catalog import Catalog
from disastershare.core.registry import fold_kana
from disastershare.core.units import accepts, unit_key

ACCEPT_RATIO = 0.8  # near matches at or above this are accepted
SUGGEST_RATIO = 0.4  # below this nothing is "remotely close"

# Applied after NFKC, so full-width （）［］ are already ASCII.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>")
# Pack sizes and piece sizes written into names: 500ml, 2L×6本, 1ケース24本, 24本入り.
_PACK_WORDS = re.compile(
    r"\d+(?:\.\d+)?\s*(?:ml|l|cc|kg|g|リットル)(?![a-z])"
    r"|[x×*]\s*\d+\s*[^\W\d_]{0,3}|\d+\s*[^\W\d_]{1,3}\s*入り?|(?:1\s*)?(?:ケース|箱)\s*\d+\s*[^\W\d_]{1,3}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NameMatch:
    code: str
    score: float
    exact: bool
    learned: bool = False  # from the workspace's remembered names


@dataclass(frozen=True)
class MatchResult:
    """Everything known about one input: the accepted match, the best guess, or the tie."""

    match: NameMatch | None
    suggestion: NameMatch | None
    ambiguous: tuple[str, ...] = ()  # codes that tied, when that tie prevented a match
    suggestions: tuple[NameMatch, ...] = ()  # the best few candidates, best first, for the import window


def normalise_name(text: str) -> str:
    """NFKC, case-folded, no spaces or '・', katakana folded to hiragana."""
    return fold_kana(text)


def strip_brackets(text: str) -> str:
    """The text without parenthesised parts: '毛布（災害用）' -> '毛布'."""
    return _BRACKETED.sub("", unicodedata.normalize("NFKC", text))


def strip_pack_words(text: str) -> str:
    """'保存水 500ml×24本' -> '保存水 ': sizes say how to count, not what the item is."""
    return _PACK_WORDS.sub("", unicodedata.normalize("NFKC", text))


class CatalogMatcher:
    """Look-ups are cached per distinct (name, unit): 200,000-row files repeat the same few names."""

    def __init__(self, catalog: Catalog, learned: Mapping[str, str] | None = None) -> None:
        self._catalog = catalog
        full: dict[str, set[str]] = defaultdict(set)
        stripped: dict[str, set[str]] = defaultdict(set)
        for rtype in catalog:
            full[normalise_name(rtype.code)].add(rtype.code)
            for name in (rtype.name_ja, rtype.name_en, *rtype.aliases, rtype.reading):
                if not name:
                    continue
                full[normalise_name(name)].add(rtype.code)
                bare = normalise_name(strip_brackets(name))
                if bare:
                    stripped[bare].add(rtype.code)
        full.pop("", None)
        self._full = dict(full)
        self._stripped = dict(stripped)
        self._learned = {normalise_name(k): v for k, v in (learned or {}).items() if v in catalog}
        near: dict[str, set[str]] = defaultdict(set)
        for table in (stripped, full):
            for key, codes in table.items():
                near[key] |= codes
        self._near_keys = list(near)
        self._near_codes = [near[k] for k in self._near_keys]
        self._cache: dict[tuple[str, str], MatchResult] = {}

    def match(self, name: str, unit: str = "") -> NameMatch | None:
        """The accepted match, or None (unknown, or a tie between equally good candidates)."""
        return self.lookup(name, unit).match

    def suggest(self, name: str, unit: str = "") -> NameMatch | None:
        """The best candidate even below the acceptance threshold; None if nothing is close."""
        return self.lookup(name, unit).suggestion

    def lookup(self, name: str, unit: str = "") -> MatchResult:
        cache_key = (name, unit_key(unit))
        found = self._cache.get(cache_key)
        if found is None:
            found = self._cache[cache_key] = self._lookup(name, unit)
        return found

    def _lookup(self, name: str, unit: str) -> MatchResult:
        key = normalise_name(name)
        if not key:
            return MatchResult(None, None)
        learned = self._learned.get(key)
        if learned is not None:
            hit = NameMatch(learned, 1.0, True, learned=True)
            return MatchResult(hit, hit, suggestions=(hit,))
        bare = normalise_name(strip_brackets(name))
        plain = normalise_name(strip_pack_words(strip_brackets(name)))
        probes = {key, bare, plain} - {""}
        # Tiers: whole input against whole names; then any bracket/size-free form against any form.
        tiers = [
            self._full.get(key, set()),
            set().union(*(table.get(k, set()) for table in (self._full, self._stripped) for k in probes)),
        ]
        for codes in tiers:
            if unit and len(codes) > 1:
                codes = self._fitting_unit(codes, unit) or codes
            if len(codes) == 1:
                hit = NameMatch(next(iter(codes)), 1.0, True)
                return MatchResult(hit, hit, suggestions=(hit,))
            if len(codes) > 1:
                ranked = tuple(sorted(codes))
                options = tuple(NameMatch(c, 1.0, False) for c in ranked)
                return MatchResult(None, options[0], ranked, options)
        return self._near(probes, unit)

    def _fitting_unit(self, codes: set[str], unit: str) -> set[str]:
        """The candidates that can be counted in `unit` (the unit tells same-named types apart)."""
        fitting = set()
        for code in codes:
            rtype = self._catalog.get(code)
            if rtype is not None and accepts(unit, rtype.unit, rtype.alternatives):
                fitting.add(code)
        return fitting

    def _near(self, probes: set[str], unit: str) -> MatchResult:
        best: dict[str, float] = {}
        for probe in probes:
            for key, score, index in process.extract(probe, self._near_keys, scorer=fuzz.ratio, limit=None,
                                                     score_cutoff=SUGGEST_RATIO * 100):
                ratio = score / 100
                if ratio >= ACCEPT_RATIO and (probe in key or key in probe):
                    # Adding or dropping a word makes another item (ミルク vs 粉ミルク, ポンプ車 vs ポンプ):
                    # only a suggestion, never an accepted guess.
                    ratio = ACCEPT_RATIO - 0.001
                for code in self._near_codes[index]:
                    if ratio > best.get(code, 0.0):
                        best[code] = ratio
        if not best:
            return MatchResult(None, None)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        options = tuple(NameMatch(code, round(score, 3), False) for code, score in ranked[:8])
        top_code, top = ranked[0]
        suggestion = options[0]
        if top < ACCEPT_RATIO:
            return MatchResult(None, suggestion, suggestions=options)
        tied = {code for code, score in ranked if score == top}
        if len(tied) > 1 and unit:
            tied = self._fitting_unit(tied, unit) or tied
        if len(tied) > 1:
            return MatchResult(None, suggestion, tuple(sorted(tied)), options)
        chosen = NameMatch(next(iter(tied)), round(top, 3), False)
        return MatchResult(chosen, chosen, suggestions=options)

    def describe(self, code: str) -> str:
        """'S-BLANKET 毛布': how a suggestion is shown next to an error."""
        rtype = self._catalog.get(code)
        return f"{code} {rtype.name_ja}" if rtype else code


def search_catalog(catalog: Catalog, text: str, limit: int = 20) -> list[str]:
    """Codes whose code, name, alias or reading contains the text (もうふ finds 毛布), best first;
    when nothing contains it, the nearest names."""
    query = normalise_name(text)
    if not query:
        return [t.code for t in catalog][:limit]
    ranked: list[tuple[int, str]] = []
    for rtype in catalog:
        keys = [normalise_name(k) for k in (rtype.code, rtype.name_ja, rtype.name_en, rtype.reading, *rtype.aliases)
                if k]
        if any(query == k for k in keys):
            ranked.append((0, rtype.code))
        elif any(k.startswith(query) for k in keys):
            ranked.append((1, rtype.code))
        elif any(query in k for k in keys):
            ranked.append((2, rtype.code))
    if ranked:
        return [code for _, code in sorted(ranked)][:limit]
    result = CatalogMatcher(catalog).lookup(text)
    return [s.code for s in result.suggestions][:limit]
