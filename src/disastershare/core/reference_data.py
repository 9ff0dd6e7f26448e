"""The reference data shipped with the app (registry, prefectures, seed catalog), parsed once."""

from __future__ import annotations

from functools import lru_cache

from disastershare.core.catalog import Catalog, parse_catalog_csv
from disastershare.core.registry import Prefecture, Registry, parse_prefectures_csv, parse_registry_csv
from disastershare.paths import data_file


@lru_cache(maxsize=1)
def shipped_registry() -> Registry:
    path = data_file("municipalities_jp.csv")
    return Registry(parse_registry_csv(path.read_text(encoding="utf-8-sig"), path.name))


@lru_cache(maxsize=1)
def shipped_prefectures() -> tuple[Prefecture, ...]:
    return tuple(parse_prefectures_csv(data_file("prefectures_jp.csv").read_text(encoding="utf-8-sig")))


@lru_cache(maxsize=1)
def shipped_catalog() -> Catalog:
    return Catalog(parse_catalog_csv(data_file("resource_catalog_seed.csv").read_text(encoding="utf-8-sig")))
