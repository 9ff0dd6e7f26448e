"""Match the resource names people write in spreadsheets to catalog codes.

Order of trust: exact code, exact name, name with parenthesised parts removed, then near matches
(difflib ratio). A guess between two equally good candidates is never made: it is reported instead.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from disastershare.core.catalog import Catalog
from disastershare.core.registry import fold_kana

ACCEPT_RATIO = 0.8  # near matches at or above this are accepted
SUGGEST_RATIO = 0.4  # below this nothing is "remotely close"

# Applied after NFKC, so full-width （）［］ are already ASCII.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>")


@dataclass(frozen=True)
class NameMatch:
    code: str
    score: float
    exact: bool


@dataclass(frozen=True)
class MatchResult:
    """Everything known about one input: the accepted match, the best guess, or the tie."""

    match: NameMatch | None
    suggestion: NameMatch | None
    ambiguous: tuple[str, ...] = ()  # codes that tied, when that tie prevented a match


def normalise_name(text: str) -> str:
    """NFKC, case-folded, no spaces or '・', katakana folded to hiragana."""
    return fold_kana(text)


def strip_brackets(text: str) -> str:
    """The text without parenthesised parts: '毛布（災害用）' -> '毛布'."""
    return _BRACKETED.sub("", unicodedata.normalize("NFKC", text))


class CatalogMatcher:
    """Look-ups are cached per distinct input: 200,000-row files repeat the same few names."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        full: dict[str, set[str]] = defaultdict(set)
        stripped: dict[str, set[str]] = defaultdict(set)
        for rtype in catalog:
            full[normalise_name(rtype.code)].add(rtype.code)
            for name in (rtype.name_ja, rtype.name_en):
                if not name:
                    continue
                full[normalise_name(name)].add(rtype.code)
                bare = normalise_name(strip_brackets(name))
                if bare:
                    stripped[bare].add(rtype.code)
        full.pop("", None)
        self._full = dict(full)
        self._stripped = dict(stripped)
        # Every key with its codes, for near matching (several types may share a stripped key).
        self._near_keys = [(k, codes) for k, codes in {**stripped, **full}.items()]
        self._cache: dict[str, MatchResult] = {}

    def match(self, name: str) -> NameMatch | None:
        """The accepted match, or None (unknown, or a tie between equally good candidates)."""
        return self.lookup(name).match

    def suggest(self, name: str) -> NameMatch | None:
        """The best candidate even below the acceptance threshold; None if nothing is close."""
        return self.lookup(name).suggestion

    def lookup(self, name: str) -> MatchResult:
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self._lookup(name)
        return found

    def _lookup(self, name: str) -> MatchResult:
        key = normalise_name(name)
        if not key:
            return MatchResult(None, None)
        bare = normalise_name(strip_brackets(name))
        # Tiers: whole input against whole names; then any bracket-free form against any form.
        tiers = [
            self._full.get(key, set()),
            set().union(*(table.get(k, set()) for table in (self._full, self._stripped) for k in {key, bare})),
        ]
        for codes in tiers:
            if len(codes) == 1:
                hit = NameMatch(next(iter(codes)), 1.0, True)
                return MatchResult(hit, hit)
            if len(codes) > 1:
                ranked = tuple(sorted(codes))
                return MatchResult(None, NameMatch(ranked[0], 1.0, False), ranked)
        return self._near(key, bare)

    def _near(self, key: str, bare: str) -> MatchResult:
        best: dict[str, float] = {}
        for probe in {key, bare} - {""}:
            sm = difflib.SequenceMatcher(a=None, b=probe, autojunk=False)
            for cand, codes in self._near_keys:
                sm.set_seq1(cand)
                # Cheap upper bounds first: most keys are nowhere near.
                if sm.real_quick_ratio() < SUGGEST_RATIO or sm.quick_ratio() < SUGGEST_RATIO:
                    continue
                ratio = sm.ratio()
                for code in codes:
                    if ratio > best.get(code, 0.0):
                        best[code] = ratio
        if not best:
            return MatchResult(None, None)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        top_code, top = ranked[0]
        if top < SUGGEST_RATIO:
            return MatchResult(None, None)
        suggestion = NameMatch(top_code, round(top, 3), False)
        if top < ACCEPT_RATIO:
            return MatchResult(None, suggestion)
        tied = tuple(code for code, score in ranked if score == top)
        if len(tied) > 1:
            return MatchResult(None, suggestion, tied)
        return MatchResult(suggestion, suggestion)

    def describe(self, code: str) -> str:
        """'S-BLANKET 毛布': how a suggestion is shown next to an error."""
        rtype = self._catalog.get(code)
        return f"{code} {rtype.name_ja}" if rtype else code
