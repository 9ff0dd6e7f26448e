"""The reference data shipped with the app (registry, prefectures, seed catalog), parsed once."""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from disastershare.core.catalog import Catalog, parse_catalog_csv, parse_names_csv, with_names
from disastershare.core.registry import Prefecture, Registry, parse_prefectures_csv, parse_registry_csv
from disastershare.core.units import parse_alternatives
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
    seed = parse_catalog_csv(data_file("resource_catalog_seed.csv").read_text(encoding="utf-8-sig"))
    names = parse_names_csv(data_file("resource_names.csv").read_text(encoding="utf-8-sig"))
    unit_rows = csv.DictReader(io.StringIO(data_file("resource_units.csv").read_text(encoding="utf-8-sig")))
    units = parse_alternatives([(r["code"], r["unit"], r["per_unit"]) for r in unit_rows])
    return Catalog(with_names(seed, names, units))
