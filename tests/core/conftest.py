"""Shared fixtures for core tests: the shipped resource catalog."""

from __future__ import annotations

import pytest

from disastershare.core.catalog import Catalog, parse_catalog_csv
from disastershare.paths import data_file


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The 55 shared resource types, parsed from the seed file the application ships."""
    types = parse_catalog_csv(data_file("resource_catalog_seed.csv").read_text(encoding="utf-8"))
    assert len(types) == 55
    return Catalog(types)
