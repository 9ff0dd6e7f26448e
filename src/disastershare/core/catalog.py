"""The resource catalog: stable codes shared by all partners, plus each municipality's local types."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction

from disastershare.core.errors import ValidationError


class ResourceKind(StrEnum):
    SUPPLY = "supply"
    EQUIPMENT = "equipment"
    STAFF = "staff"


@dataclass(frozen=True, slots=True)
class ResourceType:
    code: str
    kind: ResourceKind
    name_ja: str
    name_en: str
    unit: str
    category: str
    owner: str | None = None  # None for the shared catalog; a municipality code for local types
    aliases: tuple[str, ...] = ()  # everyday names (別名) in stock lists: 保存水 for 飲料水
    reading: str = ""  # hiragana reading of the Japanese name: もうふ
    alt_units: tuple[tuple[str, Fraction], ...] = ()  # (unit key, base units per unit): 回 = 1 回分

    def name(self, language: str = "ja") -> str:
        return self.name_ja if language == "ja" else self.name_en

    @property
    def alternatives(self) -> dict[str, Fraction]:
        return dict(self.alt_units)


_PARENTHESISED = re.compile(r"[（(]([^（）()]*)[)）]")
_LIST_SEPARATORS = re.compile(r"[・、,/／]")


def bracket_items(name: str) -> tuple[str, ...]:
    """The items a name lists in parentheses: 主食（アルファ化米・パン缶等） -> アルファ化米, パン缶.

    Only lists (with ・ or 等): a lone qualifier such as （組立式） or （移動系） is not a name of the item."""
    items: list[str] = []
    for group in _PARENTHESISED.findall(name):
        if not _LIST_SEPARATORS.search(group) and not group.endswith(("等", "など")):
            continue
        for part in _LIST_SEPARATORS.split(group):
            part = part.strip().removesuffix("等").removesuffix("など").strip()
            if part:
                items.append(part)
    return tuple(items)


def with_names(types: Iterable[ResourceType], names: dict[str, tuple[str, tuple[str, ...]]],
               units: dict[str, dict[str, Fraction]]) -> list[ResourceType]:
    """The shipped types with their readings, aliases (plus the items in their names' parentheses) and units."""
    out = []
    for t in types:
        reading, aliases = names.get(t.code, ("", ()))
        listed = tuple(dict.fromkeys((*aliases, *bracket_items(t.name_ja))))
        out.append(replace(t, aliases=listed, reading=reading,
                           alt_units=tuple(sorted(units.get(t.code, {}).items()))))
    return out


def parse_names_csv(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """resource_names.csv (code, reading, aliases separated by '|') -> code -> (reading, aliases)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return {r["code"]: (r["reading"].strip(), tuple(a.strip() for a in r["aliases"].split("|") if a.strip()))
            for r in reader}


CATALOG_COLUMNS = ("code", "kind", "name_ja", "name_en", "unit", "category")
_LOCAL_SUFFIX = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,30}$")


def parse_catalog_csv(text: str) -> list[ResourceType]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return [
        ResourceType(r["code"], ResourceKind(r["kind"]), r["name_ja"], r["name_en"], r["unit"], r["category"])
        for r in reader
    ]


def local_type_code(owner: str, suffix: str) -> str:
    """Local types are prefixed with the owner's code so two partners' local types never collide."""
    cleaned = suffix.strip().upper()
    if cleaned.startswith(f"{owner}-"):
        cleaned = cleaned[len(owner) + 1:]
    if not _LOCAL_SUFFIX.match(cleaned):
        raise ValidationError(
            f"local resource code '{suffix}' must be letters A-Z, digits and '-' (at most 31)", "code"
        )
    return f"{owner}-{cleaned}"


class Catalog:
    """Shared types plus local types; look-up by code."""

    def __init__(self, types: Iterable[ResourceType]) -> None:
        self._by_code: dict[str, ResourceType] = {}
        for t in types:
            self._by_code[t.code] = t

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> ResourceType | None:
        return self._by_code.get(code)

    def require(self, code: str) -> ResourceType:
        found = self._by_code.get(code)
        if found is None:
            raise ValidationError(f"unknown resource code '{code}'", "resource")
        return found

    def with_types(self, extra: Iterable[ResourceType]) -> Catalog:
        return Catalog([*self._by_code.values(), *extra])

    def owned_by(self, owner: str) -> Catalog:
        """The shared types and `owner`'s local types only: what `owner`'s own sheets may name.

        A partner's local types are known (their records mention them) but must never capture a name
        in my sheet: a partner type called 飲料水 would otherwise turn my water into its own type.
        """
        return Catalog(t for t in self._by_code.values() if t.owner in (None, owner))

    def categories(self) -> list[str]:
        return sorted({t.category for t in self._by_code.values()})
