"""Whether stock is still usable on a given day: expired stock is never available or dispatchable.

An item with an expiry date (期限) is usable up to and including that day; from the next day on it is
expired. Stock expiring within SOON_DAYS is marked so that it is rotated out (used first, replaced).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from disastershare.core.records import Condition, InventoryItem

SOON_DAYS = 90


class ExpiryState(StrEnum):
    NONE = "none"  # no expiry date (equipment, or a supply without one)
    OK = "ok"
    SOON = "soon"  # expires within SOON_DAYS
    EXPIRED = "expired"


def expiry_state(expiry: date | None, today: date, soon_days: int = SOON_DAYS) -> ExpiryState:
    if expiry is None:
        return ExpiryState.NONE
    if expiry < today:
        return ExpiryState.EXPIRED
    if expiry <= today + timedelta(days=soon_days):
        return ExpiryState.SOON
    return ExpiryState.OK


def is_expired(expiry: date | None, today: date) -> bool:
    return expiry is not None and expiry < today


def days_left(expiry: date, today: date) -> int:
    """Whole days until the expiry date (0 on the day itself, negative once expired)."""
    return (expiry - today).days


def is_usable(item: InventoryItem, today: date) -> bool:
    """The one rule for stock anyone may count on: live, not damaged, not expired (as core.shortfalls)."""
    return not item.meta.deleted and item.condition is not Condition.DAMAGED and not is_expired(item.expiry, today)


def available_quantity(item: InventoryItem, today: date) -> int:
    """What an item contributes to 提供可能 stock: on hand - reserved if usable, else 0 (never negative)."""
    return max(item.on_hand - item.reserved, 0) if is_usable(item, today) else 0
