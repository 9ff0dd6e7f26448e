"""The municipality registry: look-up by code, name or kana; updatable from a newer list."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from disastershare.core.codes import validate_lgcode
from disastershare.core.errors import DomainError

REGISTRY_COLUMNS = ("lgcode", "prefecture", "name", "name_kana", "lat", "lon", "is_ward")


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    prefecture: str
    name: str
    kana: str
    lat: float
    lon: float
    is_ward: bool = False
    former: bool = False  # code no longer in the newest list (e.g. Hamamatsu's pre-2024 wards)


@dataclass(frozen=True, slots=True)
class Prefecture:
    code: str
    iso: str
    name: str
    kana: str
    name_en: str
    lat: float
    lon: float


def fold_kana(text: str) -> str:
    """Normalise for search: NFKC, katakana -> hiragana, no spaces, case-folded."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for ch in norm:
        if ch.isspace() or ch in "・":
            continue
        cp = ord(ch)
        out.append(chr(cp - 0x60) if 0x30A1 <= cp <= 0x30F6 else ch)
    return "".join(out)


class Registry:
    """In-memory index of municipalities."""

    def __init__(self, municipalities: Iterable[Municipality]) -> None:
        self._by_code = {m.code: m for m in municipalities}
        self._search_keys = {
            code: (fold_kana(m.name), fold_kana(m.kana), fold_kana(m.prefecture + m.name))
            for code, m in self._by_code.items()
        }

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self):
        return iter(self._by_code.values())

    def get(self, code: str) -> Municipality | None:
        return self._by_code.get(code)

    def require(self, code: str) -> Municipality:
        """Validated look-up: check digit first, then presence."""
        normal = validate_lgcode(code)
        found = self._by_code.get(normal)
        if found is None:
            raise DomainError(f"municipality code {normal} is not in the registry")
        return found

    def find(self, text: str, limit: int = 50) -> list[Municipality]:
        """Code prefix, or substring of name / kana / prefecture+name; best matches first."""
        query = fold_kana(text)
        if not query:
            return []
        if query.isdigit():
            hits = [m for c, m in self._by_code.items() if c.startswith(query)]
            return sorted(hits, key=lambda m: m.code)[:limit]
        scored = []
        for code, keys in self._search_keys.items():
            if any(query in k for k in keys):
                # exact name first, then names starting with the query, then any substring
                if query in (keys[0], keys[1]):
                    rank = 0
                elif keys[0].startswith(query) or keys[1].startswith(query):
                    rank = 1
                else:
                    rank = 2
                scored.append((rank, code))
        scored.sort()
        return [self._by_code[c] for _, c in scored[:limit]]


def parse_registry_csv(text: str, source: str = "registry") -> list[Municipality]:
    """Parse a registry list in the shipped column layout; refuse anything else with a reason."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REGISTRY_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DomainError(f"{source}: not a municipality list (missing columns: {', '.join(missing)})")
    result: list[Municipality] = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        try:
            code = validate_lgcode(row["lgcode"])
            lat, lon = float(row["lat"]), float(row["lon"])
        except (DomainError, ValueError, TypeError) as exc:
            raise DomainError(f"{source} line {line}: {exc}") from None
        if code in seen:
            raise DomainError(f"{source} line {line}: code {code} appears twice")
        if not (20 <= lat <= 46 and 122 <= lon <= 154):
            raise DomainError(f"{source} line {line}: coordinates {lat},{lon} are outside Japan")
        seen.add(code)
        result.append(
            Municipality(code, row["prefecture"].strip(), row["name"].strip(), row["name_kana"].strip(),
                         lat, lon, row["is_ward"].strip() in ("1", "true", "True"))
        )
    if not result:
        raise DomainError(f"{source}: the list holds no municipalities")
    return result


def read_registry_file(path: Path) -> list[Municipality]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError(f"{path.name}: not a UTF-8 text file") from None
    except OSError as exc:
        raise DomainError(f"{path.name}: cannot be read ({exc.strerror})") from None
    return parse_registry_csv(text, path.name)


def merge_registry(current: Iterable[Municipality], newer: Iterable[Municipality]) -> list[Municipality]:
    """The newer list wins; codes that disappeared are kept, marked former (old records still name them)."""
    newer_list = list(newer)
    codes = {m.code for m in newer_list}
    kept = [
        Municipality(m.code, m.prefecture, m.name, m.kana, m.lat, m.lon, m.is_ward, former=True)
        for m in current
        if m.code not in codes
    ]
    return newer_list + kept


def parse_prefectures_csv(text: str) -> list[Prefecture]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return [
        Prefecture(r["lgcode"], r["iso3166_2"], r["name"], r["name_kana"], r["name_en"],
                   float(r["lat"]), float(r["lon"]))
        for r in reader
    ]
