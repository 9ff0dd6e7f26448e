"""Expiry states and the one usable-stock rule shared by shortfalls, reports and listings."""

from __future__ import annotations

from datetime import date

from disastershare.core.expiry import ExpiryState, available_quantity, days_left, expiry_state, is_usable
from disastershare.core.records import Condition, InventoryItem, RecordMeta

TODAY = date(2026, 12, 3)


def _item(expiry: date | None, condition: Condition = Condition.READY, deleted: bool = False) -> InventoryItem:
    return InventoryItem(RecordMeta("131016", deleted=deleted), "S-WATER", 100, 30, expiry=expiry,
                         condition=condition)


def test_states_around_today_and_the_soon_window() -> None:
    assert expiry_state(None, TODAY) is ExpiryState.NONE
    assert expiry_state(date(2026, 12, 2), TODAY) is ExpiryState.EXPIRED
    assert expiry_state(TODAY, TODAY) is ExpiryState.SOON  # usable through its expiry day
    assert expiry_state(date(2027, 3, 3), TODAY) is ExpiryState.SOON  # 90 days left
    assert expiry_state(date(2027, 3, 4), TODAY) is ExpiryState.OK
    assert days_left(date(2026, 12, 13), TODAY) == 10


def test_available_is_on_hand_minus_reserved_unless_expired_damaged_or_deleted() -> None:
    assert available_quantity(_item(TODAY), TODAY) == 70
    assert available_quantity(_item(None, Condition.NEEDS_CHECK), TODAY) == 70  # as core.shortfalls counts it
    assert available_quantity(_item(date(2026, 12, 2)), TODAY) == 0
    assert available_quantity(_item(None, Condition.DAMAGED), TODAY) == 0
    assert not is_usable(_item(None, deleted=True), TODAY)
    over = InventoryItem(RecordMeta("131016"), "S-WATER", 10, 30)
    assert available_quantity(over, TODAY) == 0  # never negative
