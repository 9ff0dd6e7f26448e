"""Shared fixtures for core tests: the shipped resource catalog."""

from __future__ import annotations

import pytest

from disastershare.core.catalog import Catalog
from disastershare.core.reference_data import shipped_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The 55 shared resource types with their aliases, readings and units, as the application ships them."""
    shipped = shipped_catalog()
    assert len(shipped) == 55
    return shipped
