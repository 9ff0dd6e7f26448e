from __future__ import annotations

from datetime import date

import pytest

from disastershare.core.catalog import ResourceKind, local_type_code
from disastershare.core.errors import ValidationError
from disastershare.core.records import InventoryItem, Need, NeedStatus, RecordMeta, StaffPool, validate
from disastershare.core.reference_data import shipped_catalog

OWNER = "131016"


def item(**kw) -> InventoryItem:
    base = {"resource": "S-BLANKET", "on_hand": 100, "reserved": 10}
    base.update(kw)
    return InventoryItem(RecordMeta(OWNER), **base)


def test_shipped_catalog_has_55_types_in_three_kinds() -> None:
    catalog = shipped_catalog()
    assert len(catalog) == 55
    assert {t.kind for t in catalog} == set(ResourceKind)
    assert catalog.require("S-BLANKET").name_ja == "毛布"


def test_valid_item_passes_and_usable_is_on_hand_minus_reserved() -> None:
    good = item()
    validate(good, shipped_catalog())
    assert good.usable == 90


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"on_hand": -1}, "on_hand", "cannot be negative"),
        ({"reserved": -5}, "reserved", "cannot be negative"),
        ({"reserved": 101}, "reserved", "cannot exceed"),
        ({"resource": "S-NOPE"}, "resource", "unknown resource code"),
        ({"resource": "P-PHN"}, "resource", "staff type"),
        ({"resource": "E-GENERATOR", "expiry": date(2027, 1, 1)}, "expiry", "only supplies"),
        ({"on_hand": 1.5}, "on_hand", "whole number"),
    ],
)
def test_item_rules(changes: dict, field: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        validate(item(**changes), shipped_catalog())
    assert caught.value.field == field


def test_staff_pool_dates_must_be_in_order() -> None:
    pool = StaffPool(RecordMeta(OWNER), "P-PHN", 3, date(2026, 12, 10), date(2026, 12, 1))
    with pytest.raises(ValidationError, match="after available to"):
        validate(pool, shipped_catalog())
    with pytest.raises(ValidationError, match="staff"):
        validate(StaffPool(RecordMeta(OWNER), "S-WATER", 3), shipped_catalog())


def test_need_rules() -> None:
    catalog = shipped_catalog()
    validate(Need(RecordMeta(OWNER), "P-PHN", 4), catalog)
    with pytest.raises(ValidationError, match="at least 1"):
        validate(Need(RecordMeta(OWNER), "S-WATER", 0), catalog)
    validate(Need(RecordMeta(OWNER), "S-WATER", 0, status=NeedStatus.CANCELLED), catalog)
    with pytest.raises(ValidationError, match="negative"):
        validate(Need(RecordMeta(OWNER), "S-WATER", -3), catalog)


def test_local_type_codes_carry_the_owner_prefix() -> None:
    assert local_type_code(OWNER, "boat") == "131016-BOAT"
    assert local_type_code(OWNER, "131016-BOAT") == "131016-BOAT"
    with pytest.raises(ValidationError):
        local_type_code(OWNER, "ボート")
