"""The resource catalog: stable codes shared by all partners, plus each municipality's local types."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

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

    def name(self, language: str = "ja") -> str:
        return self.name_ja if language == "ja" else self.name_en


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

    def categories(self) -> list[str]:
        return sorted({t.category for t in self._by_code.values()})
